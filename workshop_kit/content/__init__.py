"""Exercise content as data: JSON files checked against JSON Schemas.

Facilitators add or change items in the JSON files beside this module; the
Python code only loads, checks and hands them on. Every content file names its
schema in a top-level ``"kind"`` (``schemas/<kind>.schema.json``), so a new
file is found and checked without touching Python. Each typed loader below
reads its file with ``load_typed`` (the JSON built into frozen records by
their field types) and adds the checks a schema cannot make: that every
answer names a category, every source is known, ids are unique.

The kiosk checks every file once when it starts (``mark_checked``) and tells
the page kernels it starts, so a page does not import jsonschema (about a
second of every kernel's start) to check the same files again. A kernel that
sees different files from the ones checked checks them itself.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import fields, is_dataclass, replace
from functools import lru_cache
from importlib import resources
from types import UnionType
from typing import TYPE_CHECKING, Any, Callable, Mapping, TypeVar, Union, get_args, get_origin, get_type_hints

from .model import Category as Category, ProgressPage as ProgressPage, Step as Step  # named as content.X elsewhere
from .model import Lesson, LessonList, OutcomeType, Reading, ReadingList, SortingExercise, SortingItem, Source, SourceList, StartPage

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

T = TypeVar("T", bound="DataclassInstance")

SCHEMA_FOLDER = "schemas"
CHECKED_ENV = "WORKSHOP_KIT_CONTENT_CHECKED"


class ContentError(ValueError):
    """A content file breaks its schema or refers to something that does not exist."""


def _read_json(relative: str) -> Any:
    with resources.files(__package__).joinpath(relative).open("r", encoding="utf-8") as handle:
        return json.load(handle)


def content_files() -> dict[str, str]:
    """Every content file (name without ``.json``, relative to this folder) and the schema it names."""
    root = resources.files(__package__)
    found: dict[str, str] = {}

    def walk(folder: Any, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir() and entry.name not in (SCHEMA_FOLDER, "__pycache__"):
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".json"):
                name = f"{prefix}{entry.name[:-5]}"
                kind = _read_json(f"{name}.json").get("kind")
                if not isinstance(kind, str):
                    raise ContentError(f'{name}.json has no "kind" naming its schema.')
                found[name] = kind

    walk(root, "")
    return found


def schema(kind: str) -> Any:
    try:
        return _read_json(f"{SCHEMA_FOLDER}/{kind}.schema.json")
    except FileNotFoundError:
        raise ContentError(f"There is no schema called {kind!r} in content/{SCHEMA_FOLDER}/.") from None


def validate(name: str, data: Any) -> None:
    """Raise ContentError listing every way ``data`` breaks the schema its ``kind`` names."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if not isinstance(kind, str):
        raise ContentError(f'{name}.json has no "kind" naming its schema.')
    from jsonschema import Draft202012Validator  # slow to import: only when a check is really needed

    schema_data = schema(kind)
    errors = sorted(Draft202012Validator(schema_data).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]
        raise ContentError(f"{name}.json does not match its schema:\n  " + "\n  ".join(lines))


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of every content and schema file, so a check vouches only for the files it saw."""
    digest = hashlib.sha256()

    def walk(folder: Any, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir() and entry.name != "__pycache__":
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.name.endswith(".json"):
                digest.update(f"{prefix}{entry.name}\0".encode("utf-8"))
                digest.update(entry.read_bytes())

    walk(resources.files(__package__), "")
    return digest.hexdigest()


def already_checked() -> bool:
    """True when the process that started this one checked these very files (see ``mark_checked``)."""
    return os.environ.get(CHECKED_ENV) == fingerprint()


def mark_checked() -> bool:
    """Check every content file now; if all pass, processes started from here skip the check.

    Returns whether they passed. When one does not, nothing is marked and each page
    checks for itself, saying what is wrong, as it always has.
    """
    try:
        check_all()
    except ContentError:
        return False
    os.environ[CHECKED_ENV] = fingerprint()
    return True


@lru_cache(maxsize=None)
def load_raw(name: str) -> Any:
    """The parsed, schema-checked JSON of a content file."""
    data = _read_json(f"{name}.json")
    if not already_checked():
        validate(name, data)
    return data


def build(cls: type[T], raw: Mapping[str, Any], **convert: Callable[[Any], Any]) -> T:
    """One record of type ``cls`` (a frozen dataclass) from a JSON object, read by its field types.

    Lists become tuples, objects become the nested record their field names, a missing key takes
    the field's default; ``convert`` gives a field whose JSON has another shape its own reader.
    Keys the record has no field for (``"kind"``, notes for the reader) are left out.
    """
    hints = get_type_hints(cls)
    values = {}
    for spec in fields(cls):
        if spec.name not in raw:
            continue
        value = raw[spec.name]
        values[spec.name] = convert[spec.name](value) if spec.name in convert else _typed(hints[spec.name], value)
    return cls(**values)


def _typed(hint: Any, value: Any) -> Any:
    """``value`` read as ``hint`` says: a record, a tuple of them, an optional one, or as it is."""
    if value is None:
        return None
    if is_dataclass(hint) and isinstance(hint, type):
        return build(hint, value)
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(_typed(item, entry) for entry in value)
    if origin in (Union, UnionType):
        inner = [arg for arg in args if arg is not type(None)]
        return _typed(inner[0], value) if len(inner) == 1 else value
    return value


def load_typed(name: str, cls: type[T], kind: str | None = None, **convert: Callable[[Any], Any]) -> T:
    """The generic loader: the schema-checked content file ``name`` as a ``cls`` record.

    ``kind``, when given, is the schema the file must name (a file of another kind is refused).
    The loaders below add the checks a schema cannot make: references, unique ids.
    """
    raw = load_raw(name)
    if kind is not None and raw.get("kind") != kind:
        raise ContentError(f"{name}.json is a {raw.get('kind')}, not a {kind.replace('_', ' ')}.")
    return build(cls, raw, **convert)


@lru_cache(maxsize=None)
def sources() -> dict[str, Source]:
    return {source.id: source for source in load_typed("sources", SourceList).sources}


@lru_cache(maxsize=None)
def start_page() -> StartPage:
    page = load_typed("start_page", StartPage)
    _unique("start_page step", [s.id for s in page.steps])
    if page.progress is not None and page.progress.notebook in {s.notebook for s in page.steps}:
        raise ContentError(f"start_page: the progress page {page.progress.notebook} must not also be a step.")
    return page


@lru_cache(maxsize=None)
def reading() -> dict[str, tuple[Reading, ...]]:
    """Step id -> what to read next after it, with every step and source reference checked."""
    listed = load_typed("self_study/reading", ReadingList)
    step_ids = {s.id for s in start_page().steps}
    known_sources = sources()
    found: dict[str, tuple[Reading, ...]] = {}
    for entry in listed.steps:
        if entry.step not in step_ids:
            raise ContentError(f"self_study/reading: unknown step {entry.step!r}; it must be a step of start_page.json.")
        if entry.step in found:
            raise ContentError(f"self_study/reading: step {entry.step!r} is listed twice.")
        for item in entry.read_next:
            if item.cited_in not in known_sources:
                raise ContentError(f"self_study/reading: unknown source {item.cited_in!r}; add it to sources.json.")
        found[entry.step] = entry.read_next
    return found


@lru_cache(maxsize=None)
def lessons() -> dict[str, Lesson]:
    """Page id -> what it teaches, with every source checked (which pages there are is the registry's to say)."""
    listed = load_typed("lessons/lessons", LessonList)
    _unique("lessons page", [lesson.page for lesson in listed.pages])
    known_sources = sources()
    for lesson in listed.pages:
        for ref in lesson.sources:
            if ref not in known_sources:
                raise ContentError(f"lessons: page {lesson.page!r} names an unknown source {ref!r}; add it to sources.json.")
    return {lesson.page: lesson for lesson in listed.pages}


def _both_ways(arguments: list[dict[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((way["reading"], way["argument"]) for way in arguments)


def _outcome_types(raw: dict[str, Any]) -> tuple[OutcomeType, ...]:
    return tuple(build(OutcomeType, kind) for kind in raw["types"])


def _sorting_item(raw: Mapping[str, Any]) -> SortingItem:
    return build(SortingItem, raw, both_ways=_both_ways)


@lru_cache(maxsize=None)
def sorting_exercise(exercise_id: str) -> SortingExercise:
    """Load a sorting exercise and check its answer key refers only to real categories and sources."""
    name = f"exercises/{exercise_id}"
    try:
        raw = load_raw(name)
    except FileNotFoundError:
        raise ContentError(f"There is no exercise called {exercise_id!r}.") from None
    exercise = load_typed(name, SortingExercise, kind="sorting_exercise", items=lambda rows: tuple(map(_sorting_item, rows)), outcome_types=_outcome_types)
    if exercise.outcome_types:
        exercise = replace(exercise, outcome_types_source=raw["outcome_types"]["source"])
    _check_sorting(exercise_id, exercise)
    return exercise


def _check_sorting(exercise_id: str, exercise: SortingExercise) -> None:
    """The references in a sorting exercise a schema cannot check: categories, outcome types, sources."""
    known_sources = sources()
    category_ids = {c.id for c in exercise.categories}
    type_ids = {t.id for t in exercise.outcome_types}
    _unique(f"{exercise_id} item", [i.id for i in exercise.items])
    _unique(f"{exercise_id} category", [c.id for c in exercise.categories])
    for item in exercise.items:
        unknown = set(item.accepted) - category_ids
        if unknown:
            raise ContentError(f"{exercise_id}: item {item.id} accepts unknown categories {sorted(unknown)}.")
        if item.debatable and len(item.accepted) < 2:
            raise ContentError(f"{exercise_id}: item {item.id} is debatable but accepts only one answer.")
        unknown_types = set(item.outcome_types) - type_ids
        if unknown_types:
            raise ContentError(f"{exercise_id}: item {item.id} names unknown outcome types {sorted(unknown_types)}.")
        for reading_, _argument in item.both_ways:
            if reading_ not in category_ids:
                raise ContentError(f"{exercise_id}: item {item.id} argues for an unknown category {reading_!r}.")
        if item.debatable and len(item.both_ways) < 2:
            raise ContentError(f"{exercise_id}: item {item.id} is for discussion but does not give the argument both ways.")
    type_sources = [exercise.outcome_types_source] if exercise.outcome_types else []
    for ref in [c.source for c in exercise.categories] + [i.source for i in exercise.items] + list(exercise.sources) + type_sources:
        if ref not in known_sources:
            raise ContentError(f"{exercise_id}: unknown source {ref!r}; add it to sources.json.")


def _unique(what: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for identifier in ids:
        if identifier in seen:
            raise ContentError(f"Duplicate {what} id {identifier!r}.")
        seen.add(identifier)


def check_all() -> list[str]:
    """Check every content file against its schema, and the typed ones' references too.

    Returns the names checked; raises ContentError on the first problem.
    """
    files = content_files()
    for name in files:
        validate(name, load_raw(name))
    sources()
    start_page()
    reading()
    lessons()
    for name, kind in files.items():
        if kind == "sorting_exercise":
            sorting_exercise(name.split("/")[-1])
    return sorted(files)
