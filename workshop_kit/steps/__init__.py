"""The workshop's steps: one folder each, and this registry, the only list of them.

Each folder holds everything its step is: ``page.py`` (the widgets), ``logic.py`` (the checks,
where it has any), ``record.py`` (what it saves, read back, and its part of the write-up),
``progress.py`` (how a learner's progress is read) and ``__init__.py`` (its :class:`Step`).
The start page, the guide, the dashboard, the write-up, self-study and the release all read
``STEPS``; adding a step means adding a folder and one line below (README: "Adding a step").
``SIDE_PAGES`` lists the other folders here: pages the start page links to beside the steps
(the talks' slides, step 3 with young people), each with its page, logic, views and record.

Nothing here imports ipywidgets: each notebook imports its own ``steps.<step>.page``.
"""

from __future__ import annotations

from typing import Callable

from .. import content
from ..content.model import Step as StartPageEntry
from ..stepkit.parts import Exporter, SidePage, Step
from . import (
    action_planning,
    drafting_statements,
    homelessness_scenario,
    indicators,
    levels_of_outcomes,
    logic_model,
    outcomes_framework,
    outputs_outcomes_impact,
    personal_outcomes,
    presenter,
    young_people,
)

#: every step, in the workshop's order
STEPS: tuple[Step, ...] = (
    outputs_outcomes_impact.STEP,
    levels_of_outcomes.STEP,
    personal_outcomes.STEP,
    drafting_statements.STEP,
    homelessness_scenario.STEP,
    logic_model.STEP,
    indicators.STEP,
    outcomes_framework.STEP,
    action_planning.STEP,
)

#: the pages beside the steps that the start page links to, in the order it lists them
SIDE_PAGES: tuple[SidePage, ...] = (
    presenter.PAGE,
    young_people.PAGE,
)

#: step id -> the items its page puts in front of a table (the guide's answer key must cover exactly these)
PAGE_ITEMS: dict[str, Callable[[], tuple[str, ...]]] = {step.id: step.shows for step in STEPS}


def by_id() -> dict[str, Step]:
    """Step id -> its step, in the registry's order."""
    return {step.id: step for step in STEPS}


def side_pages() -> dict[str, SidePage]:
    """Side page id -> its page, in the registry's order."""
    return {page.id: page for page in SIDE_PAGES}


def page_items(step_id: str) -> tuple[str, ...]:
    """The items the step's page shows for a table to judge, or its worked example's rows."""
    return PAGE_ITEMS[step_id]()


def exporters() -> dict[str, Exporter]:
    """Exercise id -> what writes its sections of the write-up, for every step that has one."""
    return {exercise: made for step in STEPS for exercise, made in step.exports.items()}


def listed() -> tuple[StartPageEntry, ...]:
    """Each step's start-page entry (title, purpose, minutes, notebook), in the registry's order.

    The texts are content (``content/start_page.json``, keyed by the step's id); the list and
    its order are the registry's. A step without an entry, or an entry without a step, is an error.
    """
    entries = {entry.id: entry for entry in content.start_page().steps}
    missing = [step.id for step in STEPS if step.id not in entries]
    unknown = sorted(set(entries) - set(by_id()))
    if missing or unknown:
        raise LookupError(f"start_page.json and the step registry disagree: no entry for {missing}, no step for {unknown}.")
    return tuple(entries[step.id] for step in STEPS)


__all__ = ["PAGE_ITEMS", "SIDE_PAGES", "STEPS", "SidePage", "Step", "by_id", "exporters", "listed", "page_items", "side_pages"]
