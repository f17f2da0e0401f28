"""Content files: every one matches its schema, and the references inside them hold."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from workshop_kit import content
from workshop_kit.content import ContentError, validate

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _raw(name: str):
    return copy.deepcopy(content.load_raw(name))


def test_every_schema_is_itself_valid() -> None:
    """Is each file in content/schemas a well-formed JSON Schema?"""
    folder = resources.files("workshop_kit.content").joinpath("schemas")
    schemas = [p for p in folder.iterdir() if p.name.endswith(".schema.json")]
    assert len(schemas) >= 3
    for path in schemas:
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_all_content_files_load() -> None:
    """Does every content file pass its schema and its reference checks?"""
    assert content.check_all() == sorted(content.content_files())
    assert {"sources", "start_page", "exercises/outputs_outcomes_impact"} <= set(content.content_files())


def test_schema_rejects_an_item_without_an_explanation() -> None:
    """Would a facilitator who forgot an explanation be told where?"""
    raw = _raw("exercises/outputs_outcomes_impact")
    del raw["items"][2]["explanation"]
    with pytest.raises(ContentError, match=r"items/2: 'explanation' is a required property"):
        validate("exercises/outputs_outcomes_impact", raw)


def test_schema_rejects_a_ready_step_without_a_notebook() -> None:
    """Can a step be marked ready while naming no notebook?"""
    raw = _raw("start_page")
    raw["steps"][1]["status"] = "ready"
    raw["steps"][1]["notebook"] = None
    with pytest.raises(ContentError):
        validate("start_page", raw)


def test_answer_key_names_only_real_categories(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is an item accepting a category that does not exist caught on load?"""
    raw = _raw("exercises/outputs_outcomes_impact")
    raw["items"][0]["accepted"] = ["outcomes"]
    monkeypatch.setattr(content, "load_raw", lambda name: raw if name.startswith("exercises") else _raw(name))
    content.sorting_exercise.cache_clear()
    try:
        with pytest.raises(ContentError, match="unknown categories"):
            content.sorting_exercise("outputs_outcomes_impact")
    finally:
        content.sorting_exercise.cache_clear()


def test_the_sorting_bank_covers_the_seed_quiz_and_every_kind(exercise) -> None:
    """Are the seven IPC objectives there, every kind used, and the debatable ones marked?"""
    ids = {item.id for item in exercise.items}
    assert {f"ipc-{n}" for n in range(1, 8)} <= ids
    used = {kind for item in exercise.items for kind in item.accepted}
    assert used == {c.id for c in exercise.categories}
    debatable = {item.id for item in exercise.items if item.debatable}
    assert {"ipc-5", "ipc-6"} <= debatable
    assert all(len(exercise.item(i).accepted) > 1 for i in debatable)


def test_each_ready_step_has_a_notebook_and_each_notebook_a_step() -> None:
    """Does the start page link only to notebooks that exist, and list every step notebook (the progress and talks pages apart)?"""
    page = content.start_page()
    ready = {step.notebook for step in page.steps if step.ready}
    on_disk = {p.name for p in NOTEBOOKS.glob("*.ipynb")} - {"00_start.ipynb", page.progress.notebook, "presenter.ipynb", "young_people.ipynb"}
    assert ready == on_disk
    assert (NOTEBOOKS / page.progress.notebook).is_file()
    assert page.progress.notebook not in {step.notebook for step in page.steps}
    names = [step.notebook for step in page.steps if step.notebook]
    assert len(names) == len(set(names)), "two steps name the same notebook"


def test_the_generic_loader_builds_records_from_their_field_types() -> None:
    """Does ``build`` turn lists into tuples, objects into nested records and missing keys into defaults?"""
    page = content.build(
        content.StartPage,
        {"kind": "start_page", "title": "T", "intro": ["a", "b"], "group_help": "g", "steps": [{"id": "s", "title": "S", "notebook": None, "purpose": "p", "minutes": 5, "status": "coming"}]},
    )
    assert page.intro == ("a", "b") and page.progress is None
    assert page.steps == (content.Step(id="s", title="S", notebook=None, purpose="p", minutes=5, status="coming"),)
    category = content.build(content.Category, {"id": "c", "label": "Outcome", "definition": "d", "source": "kit"})
    assert category.called == "" and category.in_a_sentence == "an outcome"


def test_the_generic_loader_refuses_a_file_of_another_kind() -> None:
    """Is a content file that names another schema refused with a sentence naming both kinds?"""
    with pytest.raises(ContentError, match=r"sources\.json is a sources, not a start page"):
        content.load_typed("sources", content.StartPage, kind="start_page")
