"""The logic model page without a browser: the scramble, the builder, its check and its diagram."""

from __future__ import annotations


import pytest

from workshop_kit import context
from workshop_kit.steps.logic_model import page as logic_model

from .tree import all_html

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Mae pob plentyn yn ddiogel 😀", "مرحبا بالأطفال"]


PAGE_SESSION, PAGE_QUERY = "pages", "group=Table+6"
pytestmark = pytest.mark.usefixtures("page_context")


def _rows(item: str = "model") -> list[dict]:
    store = context.store()
    return [a.payload for a in store.history(store.group("pages", "Table 6"), "logic_model_own", item)]


def _own_model(
    page, inputs: str = "Two youth workers", outputs: str = "Run weekly drop-in sessions", interim: str = "Young people feel less isolated", final: str = "Young people move into adult life well"
) -> None:
    b = page.builder
    for column, value in zip(("inputs", "outputs", "interim_outcomes", "final_outcomes"), (inputs, outputs, interim, final)):
        b.columns[column].value = value
    b.use_cards.click()


def test_the_example_diagram_is_shown_with_alt_text_and_can_be_hidden() -> None:
    """Is the example shown as an image with words, and does the toggle hide it?"""
    page = logic_model.build()
    panel = page.example_toggle
    assert 'alt="A logic model with 13 cards' in all_html(page)
    panel.value = True
    assert panel.description == "Show the example"


def test_each_scrambled_card_gets_feedback_and_is_saved() -> None:
    """Choosing a column for a card explains the answer and saves a row under the scramble exercise?"""
    page = logic_model.build()
    page.quiz.answer("lm-mid-2", "outputs")
    card = next(c for c in page.quiz.cards if c.item.id == "lm-mid-2")
    assert "Not quite: the sources point to interim outcome, not output." in card.feedback.value
    page.quiz.answer("lm-in-3", "inputs")
    store = context.store()
    saved = store.latest(store.group("pages", "Table 6"), "logic_model_scramble")
    assert saved["lm-mid-2"].payload["correct"] is False
    assert saved["lm-in-3"].payload == {"choice": "inputs", "attempt": 1, "correct": True, "verdict": "right"}


def test_a_complete_model_passes_the_check_and_is_drawn() -> None:
    """Cards, links, check: does a sound model pass, draw a diagram with alt text, and save each step?"""
    page = logic_model.build()
    _own_model(page)
    b = page.builder
    assert "Saved: 4 cards and 0 links." in b.message.value
    for a, c in (("inputs-1", "outputs-1"), ("outputs-1", "interim_outcomes-1"), ("interim_outcomes-1", "final_outcomes-1")):
        b.link_from.value, b.link_to.value = a, c
        b.add.click()
    assert "Link added." in b.message.value
    b.check.click()
    assert "All the checks that were run passed." in b.feedback.value
    assert 'alt="A logic model with 4 cards in four columns and 3 links.' in b.diagram.value
    assert "Download this chart as PNG" in b.diagram.value
    rows = _rows()
    assert [r["action"] for r in rows] == ["cards", "link_added", "link_added", "link_added", "checked"]
    assert rows[-1]["check"] == {"ok": True, "problems": []}
    assert rows[-1]["links"][-1] == ["interim_outcomes-1", "final_outcomes-1"]


def test_the_check_names_misplaced_and_dangling_cards() -> None:
    """An output among outcomes, an output leading nowhere and an unreached final outcome: each named?"""
    page = logic_model.build()
    _own_model(page, outputs="Run weekly drop-in sessions\nTrain staff in schools", interim="Number of sessions delivered", final="Young people move into adult life well")
    b = page.builder
    b.link_from.value, b.link_to.value = "inputs-1", "outputs-1"
    b.add.click()
    b.check.click()
    shown = b.feedback.value
    assert "Interim outcomes: Number of sessions delivered" in shown and "reads like an output" in shown
    assert "Outputs: Train staff in schools" in shown and "orphan" in shown
    assert "Final outcomes: Young people move into adult life well" in shown
    assert _rows()[-1]["check"]["ok"] is False


def test_a_backward_link_is_refused_and_a_link_can_be_removed() -> None:
    """Is a right-to-left link refused, and does 'Remove link' save a model without it?"""
    page = logic_model.build()
    _own_model(page)
    b = page.builder
    b.link_from.value, b.link_to.value = "outputs-1", "outputs-1"
    b.add.click()
    assert "further to the right" in b.message.value
    b.link_from.value, b.link_to.value = "inputs-1", "outputs-1"
    b.add.click()
    b.remove_choice.value = 0
    b.remove.click()
    assert "Link removed" in b.message.value and _rows()[-1]["links"] == []
    assert len(_rows()) == 3


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_card_text_is_saved_exactly_and_shown_escaped(hostile: str) -> None:
    """Script, HTML, emoji and Arabic: saved as typed, never shown as markup?"""
    page = logic_model.build()
    _own_model(page, inputs=hostile)
    b = page.builder
    b.assumptions.value = hostile
    b.link_from.value, b.link_to.value = "inputs-1", "outputs-1"
    b.add.click()
    b.check.click()
    assert _rows()[-1]["cards"][0]["text"] == hostile and _rows()[-1]["assumptions"] == hostile
    shown = all_html(page)
    assert "<script>" not in shown and "<img src=x" not in shown
    if "<" not in hostile:
        assert hostile in b.links_html.value


def test_ten_thousand_characters_get_a_sentence_and_nothing_is_saved() -> None:
    """Is a 10,000-character card or note refused with a plain sentence, without crashing?"""
    page = logic_model.build()
    _own_model(page, inputs="x" * 10_000)
    assert "10,000 characters long" in page.builder.message.value
    _own_model(page)
    page.builder.external.value = "y" * 10_000
    page.builder.use_cards.click()
    assert "External factors is 10,000 characters long" in page.builder.message.value
    page.builder.check.click()
    assert "External factors is 10,000 characters long" in page.builder.feedback.value
    assert len(_rows()) == 1


def test_a_saved_model_comes_back_and_start_again_clears_without_deleting() -> None:
    """Does a new page show the saved model, and 'start again' clear and disable it with every row kept?"""
    page = logic_model.build()
    _own_model(page)
    again = logic_model.build()
    assert again.builder.columns["inputs"].value == "Two youth workers"
    assert "Welcome back. Your model has 4 cards" in again.builder.message.value
    again.start_again()
    assert all(box.value == "" and box.disabled for box in again.builder.columns.values())
    assert again.builder.link_from.options == ()
    assert len(_rows()) == 1
    again.picker.name.value = "Table 7"
    assert not again.builder.check.disabled and again.builder.columns["inputs"].value == ""
