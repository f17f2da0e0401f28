"""The levels-of-outcomes page without a browser: sort, build a ladder, check it, find the rows."""

from __future__ import annotations

import time

import ipywidgets as widgets
import pytest

from workshop_kit import context
from workshop_kit.steps.levels_of_outcomes import page as levels_of_outcomes
from workshop_kit.steps.levels_of_outcomes.page import LADDER_EXERCISE, ReviewedText

from .tree import all_html

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Sam 😀 loves football", "يريد سامي أن يلعب كرة القدم"]


PAGE_SESSION, PAGE_QUERY = "pages", "group=Table+2"


@pytest.fixture(autouse=True)
def fresh_context(page_context, monkeypatch: pytest.MonkeyPatch):
    """A fresh page context (tests/conftest.py), with the review's pause switched off."""
    monkeypatch.setattr(ReviewedText, "debounce", None)
    yield page_context


def _rows(item: str | None = None):
    store = context.store()
    return store.history(store.group("pages", "Table 2"), LADDER_EXERCISE, item)


def _fill_bea(ladder) -> None:
    ex = levels_of_outcomes.ladder_content().example
    ladder.person.value = ex.person
    ladder.rungs["aspiration"].box.value = ex.aspiration
    ladder.rungs["sought"].box.value = ex.sought
    ladder.rungs["smart"].box.value = ex.smart[0]
    for number, target in enumerate(ex.targets, start=1):
        ladder.rungs[f"target_{number}"].box.value = target.text


def test_the_page_shows_the_levels_the_sort_and_bea_s_ladder() -> None:
    """Does the page explain the three levels, offer the level sort and show Bea's ladder from the source?"""
    page = levels_of_outcomes.build()
    shown = all_html(page)
    assert "<caption>Three levels of outcomes</caption>" in shown and "Who owns it" in shown
    assert "Bea's ladder" in shown and "PECS book" in shown
    assert "Council for Disabled Children" in shown
    page.quiz.answer("lv-4", "operational")
    assert "Yes: this is an operational outcome." in page.quiz.cards[3].feedback.value
    store = context.store()
    assert store.latest(store.group("pages", "Table 2"), "levels_sort")["lv-4"].payload["correct"] is True


def test_checking_a_rung_shows_each_criterion_and_saves_it_once() -> None:
    """Does 'Check' on a SMART outcome show criteria with reasons and a score, and save one row per new text?"""
    ladder = levels_of_outcomes.build().ladder
    smart = ladder.rungs["smart"]
    smart.box.value = "Kai will attend 10 sessions"
    smart.check_button.click()
    assert "<strong>Rework</strong> as a SMART outcome" in smart.feedback.value and "Not yet" in smart.feedback.value
    assert "Try:" in smart.feedback.value and "attend 10 sessions" in smart.feedback.value
    assert "A change for people" in smart.feedback.value
    smart.check_button.click()
    assert len(_rows("smart")) == 1
    assert _rows("smart")[0].payload["level"] == "smart" and "change_for_people" in _rows("smart")[0].payload["failed"]
    assert _rows("smart")[0].payload["verdict"] == "rework" and _rows("smart")[0].payload["accepted"] is False
    smart.box.value = "By the end of the school year, Kai will walk to school with a friend three days a week"
    smart.check()
    assert "<strong>Ready</strong> as a SMART outcome" in smart.feedback.value and "score 100 out of 100" in smart.feedback.value
    assert [r.payload["text"][:3] for r in _rows("smart")] == ["Kai", "By "]


def test_the_whole_ladder_check_shows_the_thread_and_litmus_and_saves_a_check_row() -> None:
    """Does 'Check the whole ladder' for Bea show the thread's weak points and the themes, and save them?"""
    page = levels_of_outcomes.build()
    ladder = page.ladder
    _fill_bea(ladder)
    ladder.check_all_button.click()
    assert "The golden thread" in ladder.thread.value and "Not yet" in ladder.thread.value
    assert "Having good relationships" in ladder.litmus.value
    check = _rows("_check")[-1].payload
    assert check["thread_ok"] is False and check["litmus_ok"] is True
    ladder.links["link_1"].value = levels_of_outcomes.ladder_content().example.targets[0].link
    ladder.links["link_2"].value = levels_of_outcomes.ladder_content().example.targets[1].link
    ladder.check_all()
    assert _rows("_check")[-1].payload["thread_ok"] is True
    assert "The thread holds" in ladder.thread.value
    assert {r.item for r in _rows()} >= {"person", "aspiration", "sought", "smart", "target_1", "target_2", "link_1", "link_2"}
    assert len(_rows("sought")) == 1  # unchanged text is not saved twice


def test_a_ladder_of_services_fails_the_litmus_test() -> None:
    """Do outcomes about attending sessions get flagged as service targets?"""
    ladder = levels_of_outcomes.build().ladder
    ladder.rungs["sought"].box.value = "Kai will attend physiotherapy sessions"
    ladder.rungs["smart"].box.value = "Kai will receive 10 physiotherapy sessions by March 2027"
    ladder.check_all()
    assert "reads more like service targets" in ladder.litmus.value
    assert "&#x27;sessions&#x27;" in ladder.litmus.value or "'sessions'" in ladder.litmus.value


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_shown_escaped_and_saved_exactly(hostile: str) -> None:
    """Is typed HTML, emoji or Arabic saved as typed and never shown as markup?"""
    page = levels_of_outcomes.build()
    ladder = page.ladder
    ladder.person.value = hostile
    for box in ladder.rungs.values():
        box.box.value = hostile
    ladder.links["link_1"].value = hostile
    ladder.check_all()
    shown = all_html(page)
    assert "<script>" not in shown and "<img src=x" not in shown
    assert {r.payload["text"] for r in _rows() if "text" in r.payload} == {hostile}
    for item in ("person", "aspiration", "smart", "target_1", "link_1"):
        assert _rows(item)[-1].payload["text"] == hostile


def test_ten_thousand_characters_get_a_sentence_and_are_not_saved() -> None:
    """Is a 10,000-character rung refused with a plain sentence, without crashing or saving?"""
    ladder = levels_of_outcomes.build().ladder
    ladder.rungs["aspiration"].box.value = "a" * 10_000
    ladder.rungs["aspiration"].check()
    assert "That is 10,000 characters long" in ladder.rungs["aspiration"].feedback.value
    ladder.person.value = "b" * 10_000
    assert "That is 10,000 characters long" in ladder.person_note.value
    ladder.check_all()
    assert _rows("aspiration") == [] and _rows("person") == []


def test_a_pause_in_typing_reviews_and_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """After a short pause in typing, does the review appear and the rung get saved without pressing Check?"""
    monkeypatch.setattr(ReviewedText, "debounce", 0.05)
    ladder = levels_of_outcomes.build().ladder
    ladder.rungs["sought"].box.value = "I want to go to the disco with my friends"
    deadline = time.monotonic() + 30
    while not _rows("sought") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "as an individual outcome" in ladder.rungs["sought"].feedback.value and "kit-verdict" in ladder.rungs["sought"].feedback.value
    assert _rows("sought")[0].payload["text"] == "I want to go to the disco with my friends"


def test_start_again_clears_the_ladder_keeps_rows_and_reloads_for_the_same_table() -> None:
    """Does 'Start again' clear and disable the ladder, keep every row, and does naming the table again bring it back?"""
    page = levels_of_outcomes.build()
    _fill_bea(page.ladder)
    page.ladder.check_all()
    before = context.store().count_answers()
    page.start_again()
    assert page.ladder.rungs["smart"].value == "" and page.ladder.rungs["smart"].box.disabled
    assert page.ladder.check_all_button.disabled and page.ladder.thread.value == ""
    assert context.store().count_answers() == before
    page.picker.name.value = "Table 9"
    assert page.ladder.rungs["smart"].value == "" and not page.ladder.rungs["smart"].box.disabled
    page.picker.name.value = "table 2"
    assert page.ladder.rungs["smart"].value.startswith("By the time she is 14")
    assert "Welcome back" in page.ladder.status.value


def test_nothing_is_saved_before_the_table_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no table named, are the boxes disabled and does a check save nothing?"""
    monkeypatch.setenv("QUERY_STRING", "")
    context.query_string.cache_clear()
    page = levels_of_outcomes.build()
    assert page.ladder.rungs["aspiration"].box.disabled and page.ladder.check_all_button.disabled
    assert page.ladder.check_all() is None
    assert context.store().count_answers() == 0


def test_hints_and_the_model_answer_come_on_request() -> None:
    """Is the model ladder hidden until asked for?"""
    page = levels_of_outcomes.build()
    assert "A model ladder" not in all_html(page)
    stack = [page]
    while stack:
        current = stack.pop()
        if isinstance(current, widgets.Button) and current.description == "Show a model answer":
            current.click()
        stack.extend(getattr(current, "children", ()))
    assert "A model ladder (synthetic" in all_html(page)
