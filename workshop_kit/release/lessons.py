"""The lesson every notebook opens with, written from the content, and the page call after it.

Each notebook is two cells: a markdown cell tagged ``lesson`` (title, what you will learn, time,
the source documents) and one code cell that shows the page. The lesson's words are content:
a step's title and minutes come from ``start_page.json``, its source documents from its guide
file, what it teaches from ``lessons/lessons.json``. ``workshop-kit notebooks`` (``make notebooks``)
writes the cells; ``stale`` says which notebooks differ, so a test and the release can refuse them.
The kiosk's Voila template leaves the lesson cell out: each page already shows its own title.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .. import content, guide, steps
from ..content import ContentError
from ..content.agenda import format_duration
from ..content.model import Lesson, Source

LESSON_TAG = "lesson"
"""The tag on a notebook's lesson cell (the kiosk template leaves tagged cells out)."""
LESSON_CELL_ID = "lesson"
CODE_CELL_ID = "page"
START_NOTEBOOK = "notebooks/00_start.ipynb"
DASHBOARD_NOTEBOOK = "dashboard/dashboard.ipynb"
KERNEL = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


@dataclass(frozen=True)
class Notebook:
    """One notebook the kit serves, and everything its lesson cell says."""

    #: relative to the checkout, e.g. notebooks/01_outputs_outcomes_impact.ipynb
    path: str
    #: the module whose ``show()`` its code cell calls
    module: str
    title: str
    #: e.g. "Step 1 of 9" for a step, "" for any other page
    place: str
    time: str
    learn: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def code(self) -> str:
        return f"from {self.module} import show\n\nshow()"


def _lesson(page_id: str, lessons: dict[str, Lesson]) -> Lesson:
    if page_id not in lessons:
        raise ContentError(f"lessons/lessons.json has no entry for the page {page_id!r}: say what it teaches there.")
    return lessons[page_id]


def _page(path: str, module: str, title: str, lesson: Lesson) -> Notebook:
    """A page that is not a step: its time and sources are its lesson entry's."""
    if not lesson.time or not lesson.sources:
        raise ContentError(f"lessons/lessons.json: the page {lesson.page!r} is not a step, so its entry must give its time and sources.")
    return Notebook(path, module, title, "", lesson.time, lesson.learn, lesson.sources)


def notebooks() -> tuple[Notebook, ...]:
    """Every notebook, in the start page's order: start, the steps, progress, the side pages, the dashboard."""
    lessons = content.lessons()
    start = content.start_page()
    listed = steps.listed()
    found = [_page(START_NOTEBOOK, "workshop_kit.pages.start", start.title, _lesson("start", lessons))]
    for number, entry in enumerate(listed, start=1):
        lesson = _lesson(entry.id, lessons)
        if entry.notebook is None:  # a step still to come has no notebook yet
            continue
        if lesson.time or lesson.sources or lesson.title:
            raise ContentError(f"lessons/lessons.json: {entry.id!r} is a step, so its title, time and sources come from start_page.json and its guide file, not here.")
        found.append(
            Notebook(
                path=f"notebooks/{entry.notebook}",
                module=f"workshop_kit.steps.{entry.id}.page",
                title=entry.title,
                place=f"Step {number} of {len(listed)}",
                time=f"About {format_duration(entry.minutes)}",
                learn=lesson.learn,
                sources=guide.guide_step(entry.id).sources,
            )
        )
    if start.progress is not None:
        found.append(_page(f"notebooks/{start.progress.notebook}", "workshop_kit.pages.my_progress", start.progress.title, _lesson("my_progress", lessons)))
    for side in steps.SIDE_PAGES:
        found.append(_page(f"notebooks/{side.notebook}", f"workshop_kit.steps.{side.id}.page", side.title(), _lesson(side.id, lessons)))
    dashboard = _lesson("dashboard", lessons)
    found.append(_page(DASHBOARD_NOTEBOOK, "workshop_kit.dashboard.page", dashboard.title, dashboard))
    unused = sorted(set(lessons) - {"start", "my_progress", "dashboard"} - {s.id for s in listed} - {s.id for s in steps.SIDE_PAGES})
    if unused:
        raise ContentError(f"lessons/lessons.json has entries for pages that do not exist: {unused}.")
    if any(not page.title for page in found):
        raise ContentError(f"These pages have no title to open their lesson with: {[p.path for p in found if not p.title]}.")
    return tuple(found)


def _source_line(source: Source) -> str:
    if source.publisher in source.title:
        return f"- {source.title}"
    return f"- {source.publisher}, *{source.title}*"


def lesson_markdown(page: Notebook) -> str:
    """The lesson cell's text: title, where it sits in the day, what you will learn, time, sources."""
    known = content.sources()
    lines = [f"# {page.title}", ""]
    if page.place:
        lines += [f"*{page.place} in the workshop.*", ""]
    lines += ["## What you will learn", "", f"{'In this step' if page.place else 'On this page'} you will learn:", ""]
    lines += [f"- {item}" for item in page.learn]
    lines += ["", "## Time", "", f"{page.time}.", "", "## Source documents", ""]
    lines += [_source_line(known[ref]) for ref in page.sources]
    lines += ["", "Run the cell below (Shift+Enter) to open the page."]
    return "\n".join(lines)


def lesson_cell(page: Notebook) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_markdown_cell(lesson_markdown(page), id=LESSON_CELL_ID)
    cell.metadata["tags"] = [LESSON_TAG]
    return cell


def _is_lesson(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "markdown" and LESSON_TAG in cell.metadata.get("tags", [])


def problems(page: Notebook, root: Path) -> list[str]:
    """How the notebook on disk differs from what the content makes: missing, no lesson, a stale lesson, other cells."""
    path = root / page.path
    if not path.is_file():
        return [f"{page.path} is missing."]
    notebook = nbformat.read(path, as_version=4)
    cells = notebook.cells
    found = []
    if not cells or not _is_lesson(cells[0]):
        found.append(f"{page.path} does not open with its lesson cell.")
    elif cells[0].source != lesson_markdown(page) or cells[0].metadata.get("tags") != [LESSON_TAG]:
        found.append(f"{page.path}'s lesson cell is out of date with the content.")
    code = [cell for cell in cells if cell.cell_type == "code"]
    if len(code) != 1 or code[0].source != page.code:
        found.append(f"{page.path} should have one code cell, calling {page.module}.show().")
    if len(cells) - len(code) - sum(map(_is_lesson, cells[:1])) > 0:
        found.append(f"{page.path} has cells beside its lesson and its page call.")
    return found


def write(page: Notebook, root: Path) -> bool:
    """Make the notebook its lesson cell and its one code cell (kept, with its outputs, when it is right); True if it changed."""
    path = root / page.path
    notebook = nbformat.read(path, as_version=4) if path.is_file() else nbformat.v4.new_notebook(metadata={**KERNEL, "title": page.title})
    code = [cell for cell in notebook.cells if cell.cell_type == "code" and cell.source == page.code][:1]
    if not code:
        code = [nbformat.v4.new_code_cell(page.code, id=CODE_CELL_ID)]
    before = nbformat.writes(notebook) if path.is_file() else ""
    notebook.cells = [lesson_cell(page), *code]
    after = nbformat.writes(notebook)
    if after == before:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(after + "\n", encoding="utf-8")
    return True


def stale(root: Path) -> list[str]:
    """Every way the checkout's notebooks differ from what the content makes, in plain words."""
    return [problem for page in notebooks() for problem in problems(page, root)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="workshop-kit notebooks", description="Write each notebook's lesson cell and page call from the content files.")
    parser.add_argument("--root", type=Path, default=Path("."), help="The checkout holding notebooks/ and dashboard/ (default: here).")
    parser.add_argument("--check", action="store_true", help="Write nothing; fail if a notebook's lesson is missing or out of date.")
    args = parser.parse_args(argv)
    try:
        if args.check:
            found = stale(args.root)
            for problem in found:
                print(problem, file=sys.stderr)
            if found:
                print("Run `workshop-kit notebooks` (or make notebooks) to write them.", file=sys.stderr)
            return 1 if found else 0
        changed = [page.path for page in notebooks() if write(page, args.root)]
    except ContentError as problem:
        print(f"workshop-kit: {problem}", file=sys.stderr)
        return 1
    print(f"Wrote the lesson cells of {len(changed)} notebooks{': ' + ', '.join(changed) if changed else ' (all were up to date)'}.")
    return 0
