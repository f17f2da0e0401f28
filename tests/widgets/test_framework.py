"""The outcomes framework page without a browser: lists, contributions, findings, heat map, required and actual."""

from __future__ import annotations


import pytest

from workshop_kit import context
from workshop_kit.steps.outcomes_framework import page as outcomes_framework

from .tree import all_html

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Teuluoedd yn gryf 😀", "الأسر قوية"]


PAGE_SESSION, PAGE_QUERY = "pages", "group=Table+8"
pytestmark = pytest.mark.usefixtures("page_context")


def _rows(item: str) -> list[dict]:
    store = context.store()
    return [a.payload for a in store.history(store.group("pages", "Table 8"), "outcomes_framework", item)]


def _lists(page, outcomes="Children are safe\nFamilies cope", services="Family support\nYouth service\nSchool nursing"):
    e = page.exercise
    e.outcomes.value, e.services.value = outcomes, services
    e.use_lists.click()
    return e


def _contribute(e, service, outcome, measures):
    e.service.value, e.outcome.value, e.measures.value = service, outcome, measures
    e.set_button.click()


def test_the_matrix_shows_gaps_duplication_and_unlinked_services_and_saves_them() -> None:
    """Marking contributions: table, findings, heat map with alt text, and a saved row with the findings?"""
    page = outcomes_framework.build()
    e = _lists(page)
    assert e.service.value == "Family support" and e.outcome.value == "Children are safe"
    _contribute(e, "Family support", "Families cope", "Families coping better at review")
    _contribute(e, "Youth service", "Families cope", "families coping better at review")
    assert "Gap: no service contributes to &#x27;Children are safe&#x27;." in e.found.value
    assert "Duplication: Family support, Youth service all claim &#x27;Families cope&#x27;" in e.found.value
    assert "&#x27;School nursing&#x27; is linked to no outcome." in e.found.value
    assert '<th scope="row"><bdi>Families cope</bdi></th><td>Yes: <bdi>Families coping better at review</bdi></td>' in e.matrix.value
    assert 'alt="Heat map of 2 outcomes (rows) against 3 services (columns).' in e.chart.value
    saved = _rows("framework")[-1]
    assert saved["action"] == "contribution_set" and saved["findings"]["gaps"] == ["Children are safe"]
    assert saved["findings"]["unlinked"] == ["School nursing"]
    assert saved["contributions"][1] == {"service": "Youth service", "outcome": "Families cope", "measures": ["families coping better at review"]}


def test_removing_a_contribution_saves_a_new_version() -> None:
    """Does 'Remove contribution' take the pair out, keep the earlier row, and refuse a pair not marked?"""
    page = outcomes_framework.build()
    e = _lists(page)
    _contribute(e, "Youth service", "Children are safe", "")
    assert "(no measure yet)" in e.contribution_message.value
    e.remove_button.click()
    assert "Removed: Youth service" in e.contribution_message.value
    e.remove_button.click()
    assert "is not marked as contributing" in e.contribution_message.value
    assert [r["action"] for r in _rows("framework")] == ["lists", "contribution_set", "contribution_removed"]


def test_required_and_actual_are_kept_per_outcome() -> None:
    """Saving for two outcomes keeps both, and switching outcome shows each one's words?"""
    page = outcomes_framework.build()
    e = _lists(page)
    e.required.value, e.actual.value = "All children feel safe", "Referrals up 10% this year"
    e.save_ra.click()
    e.ra_outcome.value = "Families cope"
    assert e.required.value == ""
    e.required.value, e.actual.value = "Families cope with difficulties", "Not known"
    e.save_ra.click()
    e.ra_outcome.value = "Children are safe"
    assert e.actual.value == "Referrals up 10% this year"
    assert _rows("required_actual")[-1]["entries"] == {
        "Children are safe": {"required": "All children feel safe", "actual": "Referrals up 10% this year"},
        "Families cope": {"required": "Families cope with difficulties", "actual": "Not known"},
    }


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_saved_exactly_and_shown_escaped(hostile: str) -> None:
    """Script, HTML, emoji and Arabic as outcome, service, measure and notes: saved as typed, never markup?"""
    page = outcomes_framework.build()
    e = _lists(page, outcomes=hostile, services=hostile)
    _contribute(e, hostile, hostile, hostile)
    e.required.value = e.actual.value = hostile
    e.save_ra.click()
    assert _rows("framework")[-1]["contributions"] == [{"service": hostile, "outcome": hostile, "measures": [hostile]}]
    assert _rows("required_actual")[-1]["entries"][hostile] == {"required": hostile, "actual": hostile}
    shown = all_html(page)
    assert "<script>" not in shown and "<img src=x" not in shown


def test_ten_thousand_characters_get_a_sentence_and_nothing_is_saved() -> None:
    """Are a huge outcome, measure and note each refused with a sentence?"""
    page = outcomes_framework.build()
    e = _lists(page, outcomes="o" * 10_000)
    assert "Outcome 1 is 10,000 characters long" in e.message.value
    e = _lists(page)
    _contribute(e, "Youth service", "Families cope", "m" * 10_000)
    assert "10,000 characters long" in e.contribution_message.value
    e.required.value = "r" * 10_000
    e.save_ra.click()
    assert "Required is 10,000 characters long" in e.ra_message.value
    assert len(_rows("framework")) == 1 and _rows("required_actual") == []


def test_saved_work_comes_back_and_start_again_clears_without_deleting() -> None:
    """A new page shows the saved framework; 'start again' clears and disables it, keeping every row?"""
    page = outcomes_framework.build()
    e = _lists(page)
    _contribute(e, "Youth service", "Families cope", "A; B")
    again = outcomes_framework.build()
    assert again.exercise.services.value == "Family support\nYouth service\nSchool nursing"
    assert "Yes: <bdi>A</bdi>; <bdi>B</bdi>" in again.exercise.matrix.value
    again.start_again()
    e = again.exercise
    assert e.outcomes.value == "" and e.set_button.disabled and "matrix appears" in e.matrix.value
    assert len(_rows("framework")) == 2
