"""Each step page's own headings and instructions come from one ``sections.html`` per step, one part at a time."""

from __future__ import annotations

import importlib

import pytest
from jinja2 import UndefinedError

#: each step's parts, as its page asks for them
PARTS = {
    "levels_of_outcomes": ("sort", "example", "own", "thread", "litmus"),
    "personal_outcomes": ("spot", "rewrite"),
    "drafting_statements": ("proposed",),
    "homelessness_scenario": ("stage1", "outcomes", "stage2", "warnings", "scorecard", "outcomes_first"),
    "logic_model": ("example", "rebuild", "own", "cards", "links", "check"),
    "outcomes_framework": ("lists", "contributions", "matrix_waits"),
}


@pytest.mark.parametrize("step", PARTS)
def test_every_part_a_page_asks_for_has_words(step: str) -> None:
    """Does each part render a heading or a paragraph of its own (no two parts the same)?"""
    section = importlib.import_module(f"workshop_kit.steps.{step}.views").section
    shown = [section(part) for part in PARTS[step]]
    assert all(s.startswith(("<h2>", "<h3>", "<h4>", "<p>")) for s in shown), shown
    assert len(set(shown)) == len(shown)


def test_the_framework_part_with_values_escapes_them() -> None:
    """Are the guide's words for 'required against actual' escaped like every other value?"""
    from workshop_kit.steps.outcomes_framework.views import section

    shown = section("required_actual", required="<b>Required</b>", actual="Actual & now")
    assert "&lt;b&gt;Required&lt;/b&gt; Actual &amp; now" in shown


@pytest.mark.parametrize("step", PARTS)
def test_an_unknown_part_is_an_error_not_a_blank(step: str) -> None:
    """A misspelt part fails loudly instead of leaving a silent gap on the page."""
    section = importlib.import_module(f"workshop_kit.steps.{step}.views").section
    with pytest.raises(UndefinedError):
        section("no such part")
