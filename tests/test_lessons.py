"""Every notebook opens with its lesson (title, what you will learn, time, sources), written from the content."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from workshop_kit import content, guide, steps
from workshop_kit.cli import main as cli_main
from workshop_kit.content import ContentError
from workshop_kit.release import lessons
from workshop_kit.release.checks import CHECKS, run_checks

ROOT = Path(__file__).resolve().parents[1]
PAGES = lessons.notebooks()


def _copy_checkout(tmp_path: Path) -> Path:
    for folder in ("notebooks", "dashboard"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return tmp_path


def test_every_notebook_is_one_the_lessons_are_written_for() -> None:
    """Is each notebook in notebooks/ and dashboard/ generated from the content, and each generated one there?"""
    on_disk = {str(p.relative_to(ROOT)) for folder in ("notebooks", "dashboard") for p in (ROOT / folder).glob("*.ipynb")}
    assert on_disk == {page.path for page in PAGES}
    assert len(PAGES) == len(steps.STEPS) + len(steps.SIDE_PAGES) + 3


def test_every_notebook_opens_with_its_current_lesson_and_one_page_call() -> None:
    """Does no notebook lack its lesson cell, carry a stale one, or hold more than the page call?"""
    assert lessons.stale(ROOT) == []
    for page in PAGES:
        cells = nbformat.read(ROOT / page.path, as_version=4).cells
        assert [cell.cell_type for cell in cells] == ["markdown", "code"], page.path
        assert cells[0].metadata["tags"] == ["lesson"]
        assert cells[1].source == f"from {page.module} import show\n\nshow()"


@pytest.mark.parametrize("entry", steps.listed(), ids=lambda e: e.id)
def test_a_steps_lesson_says_its_title_time_teaching_and_sources_from_the_content(entry) -> None:
    """Does a step's lesson take its title and minutes from the start page, its sources from its guide file?"""
    page = next(p for p in PAGES if p.path == f"notebooks/{entry.notebook}")
    text = lessons.lesson_markdown(page)
    number = [s.id for s in steps.STEPS].index(entry.id) + 1
    assert text.startswith(f"# {entry.title}\n")
    assert f"Step {number} of {len(steps.STEPS)}" in text
    assert f"About {entry.minutes} minutes." in text or entry.minutes >= 60
    for item in content.lessons()[entry.id].learn:
        assert f"- {item}\n" in text
    known = content.sources()
    drew_on = guide.guide_step(entry.id).sources
    assert drew_on and all(known[ref].title in text for ref in drew_on)
    others = set(known) - set(drew_on)
    assert not any(f"*{known[ref].title}*" in text for ref in others)


def test_a_missing_or_stale_lesson_is_found_and_written_back(tmp_path: Path) -> None:
    """Would a notebook without its lesson, or with an edited one, be reported, then put right keeping its outputs?"""
    root = _copy_checkout(tmp_path)
    first, second = PAGES[1], PAGES[2]
    notebook = nbformat.read(root / first.path, as_version=4)
    outputs = notebook.cells[1].outputs
    notebook.cells = notebook.cells[1:]
    nbformat.write(notebook, root / first.path)
    edited = nbformat.read(root / second.path, as_version=4)
    edited.cells[0].source = edited.cells[0].source.replace("## Time", "## How long")
    nbformat.write(edited, root / second.path)
    assert lessons.stale(root) == [f"{first.path} does not open with its lesson cell.", f"{second.path}'s lesson cell is out of date with the content."]
    assert cli_main(["notebooks", "--root", str(root), "--check"]) == 1
    assert cli_main(["notebooks", "--root", str(root)]) == 0
    assert lessons.stale(root) == []
    fixed = nbformat.read(root / first.path, as_version=4)
    assert fixed.cells[1].outputs == outputs
    assert not lessons.write(first, root), "a second run changes nothing"


def test_a_wrong_page_call_or_a_missing_notebook_is_found(tmp_path: Path) -> None:
    """Is a notebook calling the wrong page, with cells of its own, or gone, reported and then rewritten?"""
    root = _copy_checkout(tmp_path)
    page, gone = PAGES[3], PAGES[4]
    notebook = nbformat.read(root / page.path, as_version=4)
    notebook.cells[1].source = "from workshop_kit.pages.start import show\n\nshow()"
    notebook.cells.append(nbformat.v4.new_markdown_cell("A note of my own."))
    nbformat.write(notebook, root / page.path)
    (root / gone.path).unlink()
    assert lessons.stale(root) == [f"{page.path} should have one code cell, calling {page.module}.show().", f"{page.path} has cells beside its lesson and its page call.", f"{gone.path} is missing."]
    lessons.write(page, root)
    lessons.write(gone, root)
    assert lessons.stale(root) == []
    made = nbformat.read(root / gone.path, as_version=4)
    assert made.metadata.kernelspec.name == "python3" and made.cells[1].outputs == []


def test_a_step_entry_may_not_repeat_what_the_start_page_and_guide_say(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a step's lesson entry that gives its own sources refused, so a step's sources live in one place?"""
    real = content.lessons()
    step = steps.STEPS[0].id
    patched = {**real, step: content.Lesson(page=step, learn=real[step].learn, sources=("seed-000",))}
    monkeypatch.setattr(content, "lessons", lambda: patched)
    with pytest.raises(ContentError, match="is a step, so its title, time and sources come from"):
        lessons.notebooks()


def test_every_page_needs_a_lesson_entry_and_no_entry_is_for_a_page_that_does_not_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    """Would a page without an entry, or an entry for no page, be named?"""
    real = content.lessons()
    monkeypatch.setattr(content, "lessons", lambda: {k: v for k, v in real.items() if k != "presenter"})
    with pytest.raises(ContentError, match="no entry for the page 'presenter'"):
        lessons.notebooks()
    extra = content.Lesson(page="old_step", learn=("something about old things",), time="5 minutes", sources=("kit",))
    monkeypatch.setattr(content, "lessons", lambda: {**real, "old_step": extra})
    with pytest.raises(ContentError, match=r"pages that do not exist: \['old_step'\]"):
        lessons.notebooks()


def test_a_lesson_naming_an_unknown_source_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a source id that sources.json does not know caught when the lessons load?"""
    raw = content.load_raw("lessons/lessons")
    broken = {**raw, "pages": [{**raw["pages"][0], "sources": ["seed-999"]}, *raw["pages"][1:]]}
    real = content.load_raw
    monkeypatch.setattr(content, "load_raw", lambda name: broken if name == "lessons/lessons" else real(name))
    content.lessons.cache_clear()
    try:
        with pytest.raises(ContentError, match="unknown source 'seed-999'"):
            content.lessons()
    finally:
        content.lessons.cache_clear()


def test_the_release_refuses_a_notebook_with_a_stale_lesson(tmp_path: Path) -> None:
    """Does the release's lesson check pass on the checkout and name a notebook whose lesson was edited by hand?"""
    check = next(c for c in CHECKS if "lesson" in c.name)
    assert run_checks(ROOT, (check,)) == []
    root = _copy_checkout(tmp_path)
    page = PAGES[0]
    notebook = nbformat.read(root / page.path, as_version=4)
    notebook.cells[0].source += "\n\nA line written by hand."
    nbformat.write(notebook, root / page.path)
    failures = run_checks(root, (check,))
    assert [f.problems for f in failures] == [(f"{page.path}'s lesson cell is out of date with the content.",)]
