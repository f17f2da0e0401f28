"""The personal outcomes page without a browser: spot, rewrite with a live review, read the OARS prompts."""

from __future__ import annotations

import time

import ipywidgets as widgets
import pytest

from workshop_kit import context
from workshop_kit.steps.personal_outcomes import page as personal_outcomes
from workshop_kit.widgets.reviewed_text import ReviewedText
from workshop_kit.steps.personal_outcomes.page import REWRITE_EXERCISE

from .tree import all_html

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "I want to dance 😀", "أريد أن أرى أصدقائي"]


PAGE_SESSION, PAGE_QUERY = "pages", "group=Table+3"


@pytest.fixture(autouse=True)
def fresh_context(page_context, monkeypatch: pytest.MonkeyPatch):
    """A fresh page context (tests/conftest.py), with the review's pause switched off."""
    monkeypatch.setattr(ReviewedText, "debounce", None)
    yield page_context


def _history(item: str):
    store = context.store()
    return store.history(store.group("pages", "Table 3"), REWRITE_EXERCISE, item)


def test_spotting_a_service_gives_feedback_and_saves() -> None:
    """Does calling the walk-in shower a personal outcome say 'Not quite' and save the choice?"""
    page = personal_outcomes.build()
    page.quiz.answer("scw-service-2", "personal_outcome")
    card = next(c for c in page.quiz.cards if c.item.id == "scw-service-2")
    assert "Not quite" in card.feedback.value and "Social Care Wales" in card.feedback.value
    store = context.store()
    assert store.latest(store.group("pages", "Table 3"), "personal_outcomes_sort")["scw-service-2"].payload["correct"] is False


def test_the_page_shows_qualities_and_oars_prompts_without_a_quiz() -> None:
    """Are the five qualities and the OARS prompts shown, with no controls in the OARS part?"""
    page = personal_outcomes.build()
    shown = all_html(page)
    assert "What makes a good personal outcome" in shown and "Evolving and changing" in shown
    assert "Open questions" in shown and "What does a good day look like for you?" in shown
    assert "there is nothing to score here" in shown


def test_a_rewrite_shows_criteria_score_and_improvement_and_saves_each_version() -> None:
    """Does each checked rewrite show criteria, the score and the change, and save a numbered version?"""
    rewrites = personal_outcomes.build().rewrites
    card = rewrites.card("home-care")
    assert "Rework as an individual outcome (40 out of 100)" in card.original.value
    card.reviewed.box.value = "Mrs Evans will get a carer"
    card.reviewed.check_button.click()
    assert "<strong>Rework</strong> as an individual outcome" in card.reviewed.feedback.value
    assert "Led by the person" in card.reviewed.feedback.value
    assert "Saved as version 1." in card.comparison.value
    card.reviewed.check_button.click()
    assert "Version 1 is saved." in card.comparison.value and len(_history("home-care")) == 1
    card.reviewed.box.value = "I want to stay living in my own home, where my memories are"
    card.reviewed.check()
    assert "<strong>Ready</strong>" in card.reviewed.feedback.value and "score 100 out of 100" in card.reviewed.feedback.value
    assert "Up 60 points on the original (40 to 100 out of 100)." in card.comparison.value
    assert "Saved as version 2." in card.comparison.value
    rows = [r.payload for r in _history("home-care")]
    assert [r["version"] for r in rows] == [1, 2]
    assert rows[1] == {"text": "I want to stay living in my own home, where my memories are", "version": 2, "score": 100, "before": 40, "failed": [], "verdict": "ready", "accepted": True}


def test_a_pause_in_typing_reviews_and_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """After a pause in typing, does the review appear and a version get saved?"""
    monkeypatch.setattr(ReviewedText, "debounce", 0.05)
    card = personal_outcomes.build().rewrites.card("wellbeing")
    card.reviewed.box.value = "I want to feel calm enough to sleep through the night"
    deadline = time.monotonic() + 30
    while not _history("wellbeing") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _history("wellbeing")[0].payload["score"] == 100
    assert "<strong>Ready</strong> as an individual outcome" in card.reviewed.feedback.value


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_rewrites_are_escaped_on_screen_and_saved_exactly(hostile: str) -> None:
    """Is typed HTML, emoji or Arabic saved as typed and never shown as markup?"""
    page = personal_outcomes.build()
    card = page.rewrites.card("parenting")
    card.reviewed.box.value = hostile
    card.reviewed.check()
    shown = all_html(page)
    assert "<script>" not in shown and "<img src=x" not in shown
    assert _history("parenting")[-1].payload["text"] == hostile


def test_ten_thousand_characters_get_a_sentence_and_are_not_saved() -> None:
    """Is a 10,000-character rewrite refused plainly, without crashing or saving?"""
    card = personal_outcomes.build().rewrites.card("isolation")
    card.reviewed.box.value = "x" * 10_000
    card.reviewed.check()
    assert "That is 10,000 characters long" in card.reviewed.feedback.value
    assert _history("isolation") == []


def test_start_again_clears_keeps_rows_and_the_same_table_gets_its_rewrites_back() -> None:
    """Does 'Start again' clear and disable the rewrites, keep the rows, and bring them back for the same table?"""
    page = personal_outcomes.build()
    card = page.rewrites.card("parenting")
    card.reviewed.box.value = "I want to enjoy bedtime with my children without shouting"
    card.reviewed.check()
    page.start_again()
    assert card.reviewed.value == "" and card.reviewed.box.disabled and card.comparison.value == ""
    assert context.store().count_answers() == 1
    page.picker.name.value = "Table 4"
    assert card.reviewed.value == "" and not card.reviewed.box.disabled
    page.picker.name.value = "table 3"
    assert card.reviewed.value.startswith("I want to enjoy bedtime")
    assert "Version 1 is saved." in card.comparison.value and "Welcome back" in page.rewrites.status.value
    card.reviewed.box.value = "I want to read stories with my children at bedtime"
    card.reviewed.check()
    assert "Saved as version 2." in card.comparison.value


def test_nothing_is_saved_before_the_table_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no table named, are the rewrite boxes disabled and nothing saved?"""
    monkeypatch.setenv("QUERY_STRING", "")
    context.query_string.cache_clear()
    page = personal_outcomes.build()
    assert all(c.reviewed.box.disabled for c in page.rewrites.cards)
    assert context.store().count_answers() == 0


def test_the_model_answer_shows_rewrites_only_on_request() -> None:
    """Are the model rewrites hidden until 'Show a model answer' is pressed?"""
    page = personal_outcomes.build()
    assert "One good rewrite of each weak statement" not in all_html(page)
    stack = [page]
    while stack:
        current = stack.pop()
        if isinstance(current, widgets.Button) and current.description == "Show a model answer":
            current.click()
        stack.extend(getattr(current, "children", ()))
    assert "One good rewrite of each weak statement (synthetic people)" in all_html(page)
