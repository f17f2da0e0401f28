"""The presenter page: slides from content data, moving through them, check questions saved and brought back."""

from __future__ import annotations

import copy

import pytest

from workshop_kit import content, guide
from workshop_kit.content import ContentError
from workshop_kit.steps.presenter import logic as slide_logic
from workshop_kit.steps.presenter.page import PresenterPage
from workshop_kit.steps.presenter.views import slide_html
from workshop_kit.steps.presenter.logic import check_answer, deck, first_of_talk, move

SEED_AREAS = ("Hertfordshire", "Leeds", "Essex", "Stockport", "Camden")


def _text(d) -> str:
    return " ".join(" ".join((s.title, *s.points)) for s in d.slides)


def test_the_slides_are_checked_against_their_schema() -> None:
    """Does the slides file pass its schema, and is a slide with no points refused?"""
    raw = copy.deepcopy(content.load_raw("presenter/slides"))
    content.validate("presenter/slides", raw)
    raw["slides"][0]["points"] = []
    with pytest.raises(ContentError, match="points"):
        content.validate("presenter/slides", raw)


def test_every_slide_belongs_to_a_talk_slot_of_the_agenda() -> None:
    """Do the two talks sit in the full day's two talk slots, with their clock times?"""
    d = deck()
    assert [t.id for t in d.talks] == ["overview", "examples"]
    assert "09:45 to 10:10" in d.talks[0].slot and "Overview of outcomes-based commissioning" in d.talks[0].slot
    assert "Examples from other areas" in d.talks[1].slot
    assert {s.talk.id for s in d.slides} == {"overview", "examples"}


def test_the_concepts_the_day_needs_are_taught() -> None:
    """Are the cycle, service-led vs outcome-focused, IPC's types and model, purchasing, SIBs, contribution, the five
    stages, the benefits and the seeds' example areas each on a slide, naming a source?"""
    d = deck()
    words = _text(d)
    for needed in (
        "Analyse",
        "Plan",
        "Do:",
        "Review",
        "Service-led or outcome-focused",
        "Legal compliance",
        "Establishing the environment",
        "Making the arrangements",
        "stop paying for outputs",
        "Social Impact Bonds",
        "contributes to a population outcome",
        "five stages",
        "Is anybody better off?",
        "trust",
        *SEED_AREAS,
    ):
        assert needed.lower() in words.lower(), needed
    assert all(s.sources for s in d.slides)
    assert sum(s.check is not None for s in d.slides) >= 6


def test_a_slide_naming_an_unknown_talk_or_two_right_answers_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Are a slide in no talk, and a check question with two right answers, caught on load?"""
    real = content.load_raw
    for breakage, message in (("talk", "unknown talk"), ("answers", "exactly one right answer")):
        raw = copy.deepcopy(real("presenter/slides"))
        if breakage == "talk":
            raw["slides"][0]["talk"] = "lunch"
        else:
            checked = next(s for s in raw["slides"] if "check" in s)
            for option in checked["check"]["options"]:
                option["correct"] = True
        monkeypatch.setattr(content, "load_raw", lambda name, raw=raw: raw if name == "presenter/slides" else real(name))
        deck.cache_clear()
        with pytest.raises(ContentError, match=message):
            deck()
    deck.cache_clear()


def test_moving_stops_at_either_end() -> None:
    """Do next, previous, first and last move as the keys promise, never off the ends?"""
    assert move(0, "previous", 5) == 0 and move(4, "next", 5) == 4
    assert move(2, "next", 5) == 3 and move(2, "previous", 5) == 1
    assert move(2, "first", 5) == 0 and move(2, "last", 5) == 4
    with pytest.raises(ValueError):
        move(0, "sideways", 5)
    assert set(slide_logic.KEYS.values()) == {"next", "previous", "first", "last"}
    assert {"ArrowRight", "ArrowLeft", " ", "Home", "End"} <= set(slide_logic.KEYS)


def test_a_check_answer_says_why_both_ways() -> None:
    """Does a right answer say yes and why, and a wrong one give the right answer and its reason?"""
    slide = next(s for s in deck().slides if s.id == "sibs")
    right = next(n for n, o in enumerate(slide.check.options) if o.correct)
    wrong = next(n for n, o in enumerate(slide.check.options) if not o.correct)
    assert check_answer(slide, right).correct
    said = check_answer(slide, wrong)
    assert not said.correct and "Social investors" in said.sentence
    with pytest.raises(ValueError):
        check_answer(slide, 99)


def test_speaker_notes_are_in_the_guide_and_never_on_the_page(store) -> None:
    """Is every slide's speaker note in the facilitator guide, and none in any slide's HTML?"""
    d = deck()
    written = guide.render_presenter()
    page = PresenterPage(store)
    for n, slide in enumerate(d.slides):
        assert slide.notes in written
        page.show(n)
        assert slide.notes not in page.slide.value and slide.notes not in slide_html(d, n)
    assert "presenter.md" in guide.render_all()


def test_the_page_moves_with_its_buttons_and_has_large_type(store) -> None:
    """Do the buttons move through the slides, switch off at the ends, and does large type add its class?"""
    page = PresenterPage(store)
    assert page.first.disabled and page.previous.disabled and not page.next.disabled
    page.next.click()
    assert page.position == 1 and "Slide 2 of" in page.slide.value
    page.last.click()
    assert page.position == len(deck().slides) - 1 and page.next.disabled
    page.talk_buttons[1].click()
    assert page.position == first_of_talk(deck(), "examples") and "Agenda slot" in page.slide.value
    page.large.value = True
    assert "kit-slides-large" in page.view._dom_classes
    page.large.value = False
    assert "kit-slides-large" not in page.view._dom_classes


def test_check_answers_are_saved_and_come_back_on_reload(store) -> None:
    """Is a table's answer saved under its name, and shown again by a fresh page for the same table only?"""
    table = store.group("day", "Table <b>1</b>")
    page = PresenterPage(store)
    position = deck().index_of("cycle")
    page.show(position)
    assert page.options.disabled, "no answers before a table is named"
    page.set_group(table)
    page.show(position)
    page.check.click()
    assert "Choose an answer first" in page.feedback.value
    page.options.value = 0
    page.check.click()
    assert "Yes." in page.feedback.value
    again = PresenterPage(store)
    again.set_group(table)
    assert "Welcome back" in again.status.value
    again.show(position)
    assert again.options.value == 0 and "Yes." in again.feedback.value
    other = PresenterPage(store)
    other.set_group(store.group("day", "Table 2"))
    other.show(position)
    assert other.options.value is None and other.feedback.value == ""
