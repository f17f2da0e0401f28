"""The items each step's page puts in front of a table, read from the same content the page reads.

The facilitator guide's answer key for a step must cover exactly these: every key
entry is something on the page, and everything on the page has a key entry
(``tests/test_answer_keys.py``). Pure data: no widgets.
"""

from __future__ import annotations

from typing import Callable

from . import content


def _sorting(name: str) -> Callable[[], tuple[str, ...]]:
    return lambda: tuple(item.text for item in content.sorting_exercise(name).items)


def _levels() -> tuple[str, ...]:
    ladder = content.load_raw("levels_of_outcomes/ladder")["worked_example"]
    rungs = (ladder["aspiration"], ladder["sought"], *ladder["smart"], *(t["text"] for t in ladder["targets"]))
    return _sorting("levels_sort")() + tuple(rungs)


def _drafting() -> tuple[str, ...]:
    return tuple(theme["model_answer"] for theme in content.load_raw("drafting_statements/themes")["themes"])


def _homelessness() -> tuple[str, ...]:
    model = content.load_raw("homelessness_scenario/scenario")["model_answer"]
    return tuple(model["outcomes"]) + tuple(m["text"] for m in model["measures"])


def _logic_model() -> tuple[str, ...]:
    return tuple(card["text"] for card in content.load_raw("logic_model/example")["cards"])


def _indicators() -> tuple[str, ...]:
    return tuple(m["text"] for m in content.load_raw("indicators/guide")["example"]["measures"])


def _framework() -> tuple[str, ...]:
    example = content.load_raw("outcomes_framework/guide")["example"]
    return tuple(example["outcomes"]) + tuple(example["services"])


def _action_planning() -> tuple[str, ...]:
    return tuple(entry.split(":", 1)[0] for entry in content.load_raw("action_planning/plan")["model_answer"])


PAGE_ITEMS: dict[str, Callable[[], tuple[str, ...]]] = {
    "outputs_outcomes_impact": _sorting("outputs_outcomes_impact"),
    "levels_of_outcomes": _levels,
    "personal_outcomes": _sorting("personal_outcomes_sort"),
    "drafting_statements": _drafting,
    "homelessness_scenario": _homelessness,
    "logic_model": _logic_model,
    "indicators": _indicators,
    "outcomes_framework": _framework,
    "action_planning": _action_planning,
}
"""For each step: the statements, cards, measures or worked-example rows its page shows."""


def page_items(step_id: str) -> tuple[str, ...]:
    """The items the step's page shows for a table to judge, or its worked example's rows."""
    return PAGE_ITEMS[step_id]()
