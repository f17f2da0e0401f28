"""Exercise content as data: JSON files checked against JSON Schemas.

Facilitators add or change items in the JSON files beside this module; the
Python code only loads, checks and hands them on. ``load`` validates a file
against its schema and then checks references the schema cannot see (that
every answer names a category, every source is known, ids are unique).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from .model import Category, SortingExercise, SortingItem, Source, StartPage, Step

# name of a content file -> its schema
CONTENT_FILES: dict[str, str] = {
    "sources": "sources",
    "start_page": "start_page",
    "exercises/outputs_outcomes_impact": "sorting_exercise",
}


class ContentError(ValueError):
    """A content file breaks its schema or refers to something that does not exist."""


def _read_json(relative: str) -> Any:
    with resources.files(__package__).joinpath(relative).open("r", encoding="utf-8") as handle:
        return json.load(handle)


def validate(name: str, data: Any) -> None:
    """Raise ContentError listing every way ``data`` breaks the schema for ``name``."""
    schema = _read_json(f"schemas/{CONTENT_FILES[name]}.schema.json")
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]
        raise ContentError(f"{name}.json does not match its schema:\n  " + "\n  ".join(lines))


@lru_cache(maxsize=None)
def load_raw(name: str) -> Any:
    """The parsed, schema-checked JSON of a content file."""
    data = _read_json(f"{name}.json")
    validate(name, data)
    return data


@lru_cache(maxsize=None)
def sources() -> dict[str, Source]:
    return {s["id"]: Source(**s) for s in load_raw("sources")["sources"]}


@lru_cache(maxsize=None)
def start_page() -> StartPage:
    raw = load_raw("start_page")
    steps = tuple(Step(**s) for s in raw["steps"])
    _unique("start_page step", [s.id for s in steps])
    return StartPage(title=raw["title"], intro=tuple(raw["intro"]), group_help=raw["group_help"], steps=steps)


@lru_cache(maxsize=None)
def sorting_exercise(exercise_id: str) -> SortingExercise:
    """Load a sorting exercise and check its answer key refers only to real categories and sources."""
    name = f"exercises/{exercise_id}"
    if name not in CONTENT_FILES:
        raise ContentError(f"There is no exercise called {exercise_id!r}.")
    raw = load_raw(name)
    known_sources = sources()
    categories = tuple(Category(**c) for c in raw["categories"])
    category_ids = {c.id for c in categories}
    items = tuple(
        SortingItem(
            id=i["id"],
            text=i["text"],
            accepted=tuple(i["accepted"]),
            debatable=i["debatable"],
            explanation=i["explanation"],
            source=i["source"],
        )
        for i in raw["items"]
    )
    _unique(f"{exercise_id} item", [i.id for i in items])
    _unique(f"{exercise_id} category", [c.id for c in categories])
    for item in items:
        unknown = set(item.accepted) - category_ids
        if unknown:
            raise ContentError(f"{exercise_id}: item {item.id} accepts unknown categories {sorted(unknown)}.")
        if item.debatable and len(item.accepted) < 2:
            raise ContentError(f"{exercise_id}: item {item.id} is debatable but accepts only one answer.")
    for ref in [c.source for c in categories] + [i.source for i in items] + list(raw["sources"]):
        if ref not in known_sources:
            raise ContentError(f"{exercise_id}: unknown source {ref!r}; add it to sources.json.")
    return SortingExercise(
        id=raw["id"],
        title=raw["title"],
        intro=tuple(raw["intro"]),
        sources=tuple(raw["sources"]),
        categories=categories,
        items=items,
    )


def _unique(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for identifier in ids:
        if identifier in seen:
            raise ContentError(f"Duplicate {what} id {identifier!r}.")
        seen.add(identifier)


def check_all() -> list[str]:
    """Load every content file; return the names checked (raises on the first problem)."""
    sources()
    start_page()
    sorting_exercise("outputs_outcomes_impact")
    return sorted(CONTENT_FILES)
