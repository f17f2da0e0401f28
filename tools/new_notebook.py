"""Write a thin notebook for a step: `python tools/new_notebook.py 02_x.ipynb "Title" step_folder`.

The notebook only imports ``workshop_kit.steps.<step_folder>.page`` and calls ``show()``;
run ``make notebooks`` afterwards so its stored output is fresh for nbval.
"""

import sys

import nbformat
from nbformat.v4 import new_code_cell, new_notebook


def main(name: str, title: str, module: str) -> None:
    notebook = new_notebook(cells=[new_code_cell(f"from workshop_kit.steps.{module}.page import show\n\nshow()")])
    notebook.metadata["title"] = title
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    nbformat.write(notebook, f"notebooks/{name}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
