"""The notice at the top of a step's exercise as a table arrives: name the table first, welcome back, or nothing.

One helper (``widgets/welcome_back.py``, ``StepPage.welcome_back``) says it for six steps; these check the
helper and each of the six pages that use it, with hostile text saved before the table comes back.
"""

from __future__ import annotations

import importlib

import pytest
from hostile_strings import HOSTILE, html_text, unsafe_html

from workshop_kit.store import Store
from workshop_kit.widgets.page_parts import StepPage
from workshop_kit.widgets.welcome_back import welcome_back

from .page_walk import Walk, fill_and_press, name_box, reopen, saving_buttons
from .tree import all_html

SCRIPT = next(h.text for h in HOSTILE if h.name == "script tag")

#: each page that greets a table, and the widget its greeting is shown in
PAGES = {
    "levels_of_outcomes": lambda page: page.ladder.status,
    "personal_outcomes": lambda page: page.rewrites.status,
    "drafting_statements": lambda page: page.board.status,
    "homelessness_scenario": lambda page: page.exercise.status,
    "logic_model": lambda page: page.builder.message,
    "outcomes_framework": lambda page: page.exercise.message,
}

pytestmark = pytest.mark.usefixtures("page_context")


def test_no_table_named_gets_the_steps_own_words_on_how_to_start() -> None:
    """With no table named, is the step's own sentence shown as an information notice?"""
    shown = welcome_back(None, "Your model has 3 cards.", "Type your table's name at the top of the page to start.")
    assert "kit-notice-info" in shown
    assert "Type your table&#x27;s name at the top of the page to start." in shown
    assert "Welcome back" not in shown


def test_a_table_with_saved_work_is_welcomed_back_and_a_new_table_sees_nothing(store: Store) -> None:
    """Saved work: 'Welcome back.' and what is shown; nothing saved yet: no notice at all."""
    group = store.group("day", "Table 1")
    shown = welcome_back(group, "Your model has 3 cards.", "Name your table.")
    assert "kit-notice-success" in shown and html_text(shown) == "Welcome back. Your model has 3 cards."
    assert welcome_back(group, "", "Name your table.") == ""


def test_the_sentence_is_escaped(store: Store) -> None:
    """Is hostile text in the sentence shown as text, never as markup?"""
    shown = welcome_back(store.group("day", "Table 1"), SCRIPT, "Name your table.")
    assert unsafe_html(shown) == []
    assert SCRIPT in html_text(shown)


def test_the_page_frame_offers_the_same_helper() -> None:
    """Does StepPage.welcome_back say exactly what the helper says (one helper, two ways to reach it)?"""
    assert StepPage.welcome_back(None, "", "Name your table.") == welcome_back(None, "", "Name your table.")


@pytest.mark.parametrize("step", PAGES)
def test_each_page_greets_a_table_by_what_it_has_saved(step: str) -> None:
    """No table: how to start. A new table: nothing. The same table back after saving hostile text: welcome
    back, with nothing typed turned into markup anywhere on the page. Another new table: nothing again."""
    page = importlib.import_module(f"workshop_kit.steps.{step}.page").build()
    status = PAGES[step](page)
    assert "at the top of the page" in status.value and "Welcome back" not in status.value

    name_box(page).value = "Table 1"
    assert status.value == ""

    fill_and_press(page, lambda n: f"{SCRIPT} #{n}", Walk(), saving_buttons)
    reopen(page, "Table 1")
    assert "Welcome back." in status.value
    assert unsafe_html(all_html(page)) == []

    name_box(page).value = "Table 2"
    assert status.value == ""
