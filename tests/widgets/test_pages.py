"""Whole pages as the notebooks build them, without a browser."""

from __future__ import annotations


import ipywidgets as widgets
import pytest

from workshop_kit import content, context
from workshop_kit.steps.outputs_outcomes_impact import page as outputs_outcomes_impact
from workshop_kit.pages import start
from workshop_kit.widgets import page_parts

from .tree import all_html, find_widget


PAGE_SESSION, PAGE_QUERY = "pages", ""
pytestmark = pytest.mark.usefixtures("page_context")


def test_start_page_lists_ready_steps_as_links_and_the_rest_as_coming(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is every ready step a link, and every unbuilt step 'coming soon' with no link?"""
    monkeypatch.setenv("QUERY_STRING", "")
    shown = all_html(start.build())
    steps = content.start_page().steps
    for step in steps:
        if step.ready:
            assert f'href="{step.notebook}">{step.title}</a>' in shown
        else:
            assert f'{step.title}</span> <span class="kit-coming">(coming soon)' in shown
    progress = content.start_page().progress.notebook
    assert shown.count("href=") == sum(step.ready for step in steps) + 3
    assert f'href="{progress}">' in shown, "the self-study progress page is linked, apart from the steps"
    assert 'href="presenter.ipynb">' in shown, "the talks' slides are linked, apart from the steps"
    assert 'href="young_people.ipynb">' in shown, "the young people's version of step 3 is linked"


def test_steps_html_marks_coming_steps_without_links() -> None:
    """Given a step that is not ready, is it listed without a link?"""
    from workshop_kit.content.model import Step

    shown = start.steps_html((Step("x", "Later step", "10_x.ipynb", "Soon.", 10, "coming"),), None)
    assert "href" not in shown and "(coming soon)" in shown


def test_naming_the_table_carries_the_name_into_every_link(monkeypatch: pytest.MonkeyPatch) -> None:
    """After naming the table, do step links carry the (escaped, encoded) name?"""
    monkeypatch.setenv("QUERY_STRING", "")
    page = start.build()
    name_box = find_widget(page, widgets.Text, "Table or group name")
    name_box.value = 'Table "5" & <friends>'
    html = all_html(page)
    assert "01_outputs_outcomes_impact.ipynb?group=Table+%225%22+%26+%3Cfriends%3E&amp;mode=table" in html
    assert "<friends>" not in html


def test_the_step_page_picks_up_the_group_from_the_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening ?group=Table+9 names the table and enables the choices straight away?"""
    monkeypatch.setenv("QUERY_STRING", "group=Table+9&mode=table")
    page = outputs_outcomes_impact.build()
    assert "Saving your table&#x27;s answers as" in all_html(page) or "Saving your table's answers as" in all_html(page)
    choices = find_widget(page, widgets.ToggleButtons, "Statement 1 is:")
    assert not choices.disabled
    choices.value = "outcome"
    group = context.store().group("pages", "Table 9")
    assert context.store().latest(group, "outputs_outcomes_impact")["ipc-1"].payload["choice"] == "outcome"


def test_a_page_that_cannot_be_built_shows_a_sentence_not_a_traceback(capsys) -> None:
    """If building a page fails, is a plain sentence displayed instead?"""

    def broken() -> widgets.Widget:
        raise RuntimeError("boom")

    shown: list[widgets.HTML] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(page_parts, "display", shown.append)
        page_parts.show(broken)
    assert len(shown) == 1 and "Something went wrong" in shown[0].value
    assert "boom" not in shown[0].value


def test_start_again_clears_the_page_for_the_next_group_and_keeps_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does 'Start again for the next group' clear name and answers while every row stays?"""
    monkeypatch.setenv("QUERY_STRING", "group=Table+1")
    page = outputs_outcomes_impact.build()
    page.quiz.answer("ipc-1", "outcome")
    find_widget(page, widgets.Button, "Start again for the next group").click()
    assert page.picker.name.value == "" and page.picker.group is None
    assert all(card.choices.value is None and card.choices.disabled for card in page.quiz.cards)
    assert "cleared for the next group" in page.picker.message.value
    assert context.store().count_answers() == 1
    page.picker.name.value = "Table 2"
    assert not page.quiz.cards[0].choices.disabled and page.quiz.cards[0].choices.value is None


def test_hints_come_one_at_a_time_and_the_model_answer_only_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is the model answer hidden until asked for, and do hints appear one by one?"""
    monkeypatch.setenv("QUERY_STRING", "")
    page = outputs_outcomes_impact.build()
    assert "The answer key" not in all_html(page)
    hint = find_widget(page, widgets.Button, "Show a hint")
    hint.click()
    assert all_html(page).count("<li>") >= 1 and "so what?" in all_html(page)
    for _ in range(len(content.sorting_exercise("outputs_outcomes_impact").hints)):
        hint.click()
    assert hint.disabled
    find_widget(page, widgets.Button, "Show a model answer").click()
    assert "The answer key" in all_html(page)
    assert "Reduce the vacancy rate by 5%</td><td>Impact or Outcome or Input (for discussion; the kit&#x27;s reading)" in all_html(page)


def test_every_step_offers_the_next_and_previous_steps_without_the_address_bar() -> None:
    """Does each ready step link to its neighbours in the start page's order, and only them?"""
    ready = [step for step in content.start_page().steps if step.ready]
    for at, step in enumerate(ready):
        nav = page_parts.step_nav(step.id, None)
        following = ready[at + 1] if at + 1 < len(ready) else None
        previous = ready[at - 1] if at > 0 else None
        assert ("Next step: " in nav) == (following is not None)
        assert ("Previous step: " in nav) == (previous is not None)
        if following:
            assert f'href="{following.notebook}">{following.title}</a>' in nav
        if previous:
            assert f'href="{previous.notebook}">{previous.title}</a>' in nav
        assert 'href="00_start.ipynb">Back to the start page' in nav


def test_the_step_links_carry_the_table_escaped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a table is named, do the next-step links carry its name, encoded and escaped?"""
    monkeypatch.setenv("QUERY_STRING", "")
    page = outputs_outcomes_impact.build()
    page.picker.name.value = 'Table "7" <b>'
    shown = all_html(page)
    assert 'Next step: <a href="02_levels_of_outcomes.ipynb?group=Table+%227%22+%3Cb%3E&amp;mode=table">' in shown
    assert "<b>" not in shown.replace("<bdi>", "")
