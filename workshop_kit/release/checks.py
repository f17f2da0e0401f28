"""The checks a release must pass before anything is built, each a name and a function.

A check takes the checkout's root and returns its problems in plain words; an
empty list means it passed. Each one calls the code the tests use (the content
loaders, ``guide.timing_problems``, ``guide.stale``, ``lessons.stale``) rather than a copy of it.
The notebook checks (a clean run and nbval) live in ``notebooks``: they need
the executed notebooks, so ``bundle`` runs them as it builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import content, guide
from ..content import ContentError
from .floors import below_floor
from .project import changelog_entry, read_version


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[Path], list[str]]


@dataclass(frozen=True)
class Failure:
    """A check that did not pass, with what it found."""

    check: str
    problems: tuple[str, ...]


def _version(root: Path) -> list[str]:
    try:
        read_version(root)
    except ValueError as problem:
        return [str(problem)]
    return []


def _changelog(root: Path) -> list[str]:
    try:
        changelog_entry(root, read_version(root))
    except ValueError as problem:
        return [str(problem)]
    return []


def _content(root: Path) -> list[str]:
    try:
        content.check_all()
    except (ContentError, ValueError, KeyError) as problem:
        return [str(problem)]
    return []


def _agenda_sums(root: Path) -> list[str]:
    try:
        return guide.timing_problems()
    except (ContentError, ValueError, KeyError) as problem:
        return [str(problem)]


def _guide_pages(root: Path) -> list[str]:
    try:
        stale = guide.stale(root / "facilitator_guide")
    except (ContentError, ValueError, KeyError) as problem:
        return [str(problem)]
    return [f"facilitator_guide/{page} is out of date: run `workshop-kit guide`." for page in stale]


def _lessons(root: Path) -> list[str]:
    from .lessons import stale  # nbformat: a release tool, imported when the check runs

    try:
        return stale(root)
    except (ContentError, ValueError, KeyError) as problem:
        return [str(problem)]


def _data_dictionary(root: Path) -> list[str]:
    folder = root / "datasets"
    readme = folder / "README.md"
    if not readme.is_file():
        return ["datasets/README.md, the data dictionary, is missing."]
    described = set(re.findall(r"`([\w.-]+\.csv)`", readme.read_text(encoding="utf-8")))
    return [f"datasets/{csv.name} is not described in datasets/README.md." for csv in sorted(folder.glob("*.csv")) if csv.name not in described]


CHECKS = (
    Check("The version in pyproject.toml", _version),
    Check("A CHANGELOG.md entry for the version", _changelog),
    Check("Content files match their schemas", _content),
    Check("The agendas' and steps' minutes add up", _agenda_sums),
    Check("The facilitator guide's pages match the content files", _guide_pages),
    Check("Every notebook opens with its current lesson (workshop-kit notebooks)", _lessons),
    Check("Every dataset is in the data dictionary", _data_dictionary),
    Check("Installed dependencies meet the kit's floors", below_floor),
)


def _clear_caches() -> None:
    """Checks must see the files as they are now, not as an earlier load cached them."""
    for cached in (content.load_raw, content.sources, content.start_page, content.sorting_exercise, content.reading, content.lessons, guide.agenda, guide.guide_step):
        getattr(cached, "cache_clear", lambda: None)()


def run_checks(root: Path, checks: tuple[Check, ...] = CHECKS) -> list[Failure]:
    """Run every check (not stopping at the first failure) and return the ones that failed."""
    _clear_caches()
    failures = []
    for check in checks:
        try:
            problems = check.run(root)
        except Exception as problem:  # noqa: BLE001 - a crashing check is a failed check, said plainly
            problems = [f"the check could not run: {type(problem).__name__}: {problem}"]
        if problems:
            failures.append(Failure(check.name, tuple(problems)))
    return failures
