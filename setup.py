"""Build hook: ship the course's notebooks, dashboard and datasets inside the wheel.

The top-level ``notebooks/``, ``dashboard/`` and ``datasets/`` folders stay
where the repository keeps them; a built package gets a copy of each under
``workshop_kit/course/``, which ``workshop_kit.locations`` finds at run time.
An editable install copies nothing: it uses the folders in the checkout.
Everything else is declared in ``pyproject.toml``.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

COURSE_FILES = {"notebooks": ("*.ipynb",), "dashboard": ("*.ipynb",), "datasets": ("*.csv", "*.md")}
"""Each course folder and the files of it that ship."""


class BuildWithCourse(build_py):
    """``build_py`` that also copies the course folders into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for folder, patterns in COURSE_FILES.items():
            for source in sorted(path for pattern in patterns for path in Path(folder).glob(pattern)):
                target = Path(self.build_lib, "workshop_kit", "course", folder, source.name)
                self.mkpath(str(target.parent))
                self.copy_file(str(source), str(target))


setup(cmdclass={"build_py": BuildWithCourse})
