"""The self-study progress page without a browser: answers given on the step pages, then read back."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote_plus

import ipywidgets as widgets
import pytest

from workshop_kit import content, context
from workshop_kit.steps.drafting_statements import page as drafting_statements
from workshop_kit.pages import my_progress
from workshop_kit.steps.outputs_outcomes_impact import page as outputs_outcomes_impact
from workshop_kit.pages import start
from workshop_kit.widgets import page_parts

from .tree import all_html, find_widget

NAME = "Ann & <b>Bea</b>"
ADDRESS = f"group={quote_plus(NAME)}&mode=alone"
PROGRESS = content.start_page().progress.notebook


PAGE_SESSION, PAGE_QUERY = "study", ADDRESS
pytestmark = pytest.mark.usefixtures("page_context")


def _link(step_notebook: str) -> str:
    return f'href="{step_notebook}?group={quote_plus(NAME).replace("&", "&amp;")}&amp;mode=alone"'


def test_with_no_name_the_page_asks_for_one_and_offers_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no name in the address, is there a prompt, no table, and are the buttons off?"""
    monkeypatch.setenv("QUERY_STRING", "")
    context.forget()
    page = my_progress.build()
    body = page.progress_page
    assert "Type the name you use on the steps" in body.continue_view.value
    assert body.table.value == "" and body.summary_button.disabled and body.refresh_button.disabled
    assert page.picker.mode.value == "alone", "the page is for learners studying alone"


def test_answers_given_on_a_step_page_show_up_as_progress_with_a_continue_link() -> None:
    """After sorting three statements on step 1's page, is step 1 in progress with its score, and the place to continue?"""
    step = outputs_outcomes_impact.build()
    exercise = step.quiz.exercise
    for item in exercise.items[:3]:
        step.quiz.answer(item.id, item.accepted[0])
    page = my_progress.build()
    body = page.progress_page
    assert body.progress.step("outputs_outcomes_impact").status == "in_progress"
    table = body.table.value
    first_row = table.split("<tr>")[2]
    assert _link("01_outputs_outcomes_impact.ipynb") in first_row
    assert "In progress" in first_row and f"3 of {len(exercise.items)} statements sorted so far." in first_row
    assert f"3 out of {len(exercise.items)}: statements sorted the way the sources do" in first_row
    assert re.search(r"\d{1,2} \w+ \d{4} at \d\d:\d\d", first_row)
    assert table.count("Not started") == len([s for s in content.start_page().steps if s.ready]) - 1
    assert _link("01_outputs_outcomes_impact.ipynb") + ">Continue: step 1, Outputs, outcomes and impact</a>" in body.continue_view.value
    assert "<b>Bea</b>" not in all_html(page).replace("<bdi>", "")


def test_finishing_step_one_moves_the_continue_link_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once every statement is sorted, is step 1 finished and the next step the place to pick up?"""
    step = outputs_outcomes_impact.build()
    for item in step.quiz.exercise.items:
        step.quiz.answer(item.id, item.accepted[0])
    body = my_progress.build().progress_page
    assert body.progress.step("outputs_outcomes_impact").finished
    assert "Continue: step 2, Levels of outcomes" in body.continue_view.value
    assert "You have finished 1 of 9 steps." in body.continue_view.value


def test_checking_again_reads_work_done_since_the_page_opened() -> None:
    """Does 'Check my progress again' pick up a draft saved on another page after the progress page was built?"""
    page = my_progress.build()
    body = page.progress_page
    assert body.progress.continue_at == "outputs_outcomes_impact"
    board = drafting_statements.build().board
    card = board.card("fun")
    card.box.value = "Children and young people have fun with their friends"
    card.check_button.click()
    find_widget(page, widgets.Button, "Check my progress again").click()
    assert body.progress.step("drafting_statements").status == "in_progress"
    assert "Continue: step 4, Drafting outcome statements" in body.continue_view.value


def test_the_summary_download_is_a_data_link_and_a_copy_in_the_data_folder(tmp_path: Path) -> None:
    """Does 'Make my summary' give a download link whose page holds the draft, escaped, and keep a copy?"""
    board = drafting_statements.build().board
    card = board.card("fun")
    card.box.value = "<img src=x onerror=alert(1)> Children have fun"
    card.check_button.click()
    page = my_progress.build()
    find_widget(page, widgets.Button, "Make my summary").click()
    shown = page.progress_page.summary_result.value
    found = re.search(r'<a download="(summary-[^"]+\.html)" href="data:text/html;base64,([A-Za-z0-9+/=]+)">Download your summary', shown)
    assert found, shown
    data = base64.b64decode(found.group(2))
    assert b"&lt;img src=x onerror=alert(1)&gt; Children have fun" in data and b"<img src=x" not in data
    copies = list((tmp_path / "data" / "summaries").glob("summary-*.html"))
    assert [c.name for c in copies] == [found.group(1)] and copies[0].read_bytes() == data
    assert "A copy is also kept on this computer" in shown


def test_a_summary_that_cannot_be_copied_still_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the data folder refuses the copy, is there still a download link and a plain sentence?"""

    def refuse(*_args, **_kwargs):
        raise OSError("read-only")

    monkeypatch.setattr(my_progress, "save_copy", refuse)
    page = my_progress.build()
    page.progress_page.make_summary()
    shown = page.progress_page.summary_result.value
    assert "Download your summary" in shown and "could not be kept in the data folder" in shown


def test_every_step_page_and_the_start_page_link_to_the_progress_page_with_the_name() -> None:
    """Does every step's frame, and the start page, link to the progress page carrying the learner's name?"""
    for step in content.start_page().steps:
        if step.ready:
            nav = page_parts.step_nav(step.id, context.store().group("study", NAME, "alone"))
            assert _link(PROGRESS) + ">Your progress and your summary</a>" in nav
    assert _link(PROGRESS) in all_html(start.build())
    assert f'href="{PROGRESS}">' in page_parts.step_nav("outputs_outcomes_impact", None)


def test_the_progress_page_is_not_a_step() -> None:
    """Is the progress page kept out of the steps, so the agenda's sums never count it?"""
    assert PROGRESS not in {s.notebook for s in content.start_page().steps}
    assert "my_progress" not in {s.id for s in content.start_page().steps}


_STEP_MODULES = sorted(s.id for s in content.start_page().steps if s.ready)


def _words(value: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", re.sub(r"<[^>]+>", " ", value).lower())


@pytest.mark.parametrize("step_id", _STEP_MODULES)
def test_every_step_has_hints_that_do_not_give_the_model_answer_away(step_id: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two or more hints, one at a time; the model answer hidden until asked; no hint repeats 6 words running from it?"""
    import importlib

    monkeypatch.setenv("QUERY_STRING", "")
    context.forget()
    module = importlib.import_module(f"workshop_kit.steps.{step_id}.page")
    captured: dict[str, Any] = {}
    real = page_parts.SelfStudyHelp

    def spy(hints: Sequence[str], model_answer_html: str) -> page_parts.SelfStudyHelp:
        captured["hints"], captured["answer"] = list(hints), model_answer_html
        return real(hints, model_answer_html)

    monkeypatch.setattr(page_parts, "SelfStudyHelp", spy)
    page = module.build()
    hints, answer = captured["hints"], captured["answer"]
    assert len(hints) >= 2 and answer.strip()
    shown_before = all_html(page)
    assert 'class="kit-model-answer"' not in shown_before
    assert not any(html.escape(h) in shown_before for h in hints), "hints appear only when asked for"
    answer_words = _words(answer)
    answer_runs = {tuple(answer_words[i : i + 6]) for i in range(len(answer_words) - 5)}
    for hint in hints:
        words = _words(hint)
        repeated = [" ".join(words[i : i + 6]) for i in range(len(words) - 5) if tuple(words[i : i + 6]) in answer_runs]
        assert not repeated, f"a hint repeats the model answer: {repeated}"
    button = find_widget(page, widgets.Button, "Show a hint")
    button.click()
    assert html.escape(hints[0]) in all_html(page) and html.escape(hints[1]) not in all_html(page)
    find_widget(page, widgets.Button, "Show a model answer").click()
    assert 'class="kit-model-answer"' in all_html(page)


def test_in_jupyterlab_the_last_learner_is_filled_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """With make lab's setting and no address, does a new page fill in the learner who last studied alone?"""
    context.store().group("study", NAME, "alone")
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.setenv("WORKSHOP_KIT_REMEMBER_LEARNER", "1")
    context.forget()
    page = outputs_outcomes_impact.build()
    assert page.picker.group is not None and page.picker.group.name == NAME and page.picker.mode.value == "alone"
    assert "Filled in from your last sitting. Not you?" in page.picker.message.value


@pytest.mark.parametrize("voila_variable", ["VOILA_PREHEAT", "VOILA_SERVER_URL", "SERVER_SOFTWARE"])
def test_a_page_served_to_a_room_never_fills_in_a_name(monkeypatch: pytest.MonkeyPatch, voila_variable: str) -> None:
    """Even with the setting on, does a kernel Voila started leave the name box empty?"""
    context.store().group("study", NAME, "alone")
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.setenv("WORKSHOP_KIT_REMEMBER_LEARNER", "1")
    monkeypatch.setenv(voila_variable, "voila/0.5.8" if voila_variable == "SERVER_SOFTWARE" else "False")
    context.forget()
    page = outputs_outcomes_impact.build()
    assert page.picker.group is None and page.picker.name.value == ""
    assert NAME not in all_html(page) and "Bea" not in all_html(page)


def test_without_the_setting_no_name_is_filled_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """By default (the kiosk, nbval), is the name box left empty even when a learner exists?"""
    context.store().group("study", NAME, "alone")
    monkeypatch.setenv("QUERY_STRING", "")
    context.forget()
    assert outputs_outcomes_impact.build().picker.group is None
