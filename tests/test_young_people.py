"""Children's cases and the 'with young people' page: content checked, plain words, answers saved and brought back."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from workshop_kit import content, context
from workshop_kit.content import ContentError
from workshop_kit.steps.personal_outcomes.logic import guide as personal_guide
from workshop_kit.steps.young_people import logic as case_logic
from workshop_kit.steps.young_people.logic import MAX_OWN, cases, own_problem, plain_page
from workshop_kit.steps.young_people.page import OwnOutcome, build
from workshop_kit.steps.young_people.views import case_html


@pytest.fixture
def page_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WORKSHOP_KIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("WORKSHOP_KIT_SESSION", "young")
    monkeypatch.setenv("QUERY_STRING", "group=Table+Y")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()
    yield context
    context.store().close()
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()


def test_the_cases_cover_each_life_stage_and_one_is_in_a_young_persons_own_words() -> None:
    """Early years, school age and preparing for adulthood, each synthetic, each with an EHC-style SMART outcome?"""
    found = cases()
    assert {c.life_stage for c in found.cases} == {"early_years", "school_age", "preparing_for_adulthood"}
    assert any(c.voice == "own_words" for c in found.cases)
    assert "synthetic" in found.synthetic_note.lower() or "made up" in found.synthetic_note.lower()
    for case in found.cases:
        assert case.ehc_outcome.startswith("By ") and case.target.startswith("In "), case.id
        assert "(synthetic)" in case_html(case)


def test_a_case_file_missing_a_life_stage_or_own_words_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does loading refuse cases with no preparing-for-adulthood case, and cases with nobody's own words?"""
    real = content.load_raw
    for change, message in (("stage", "preparing_for_adulthood"), ("voice", "own words")):
        raw = copy.deepcopy(real("children/cases"))
        for case in raw["cases"]:
            if change == "stage" and case["life_stage"] == "preparing_for_adulthood":
                case["life_stage"] = "school_age"
            if change == "voice":
                case["voice"] = "child"
        monkeypatch.setattr(content, "load_raw", lambda name, raw=raw: raw if name == "children/cases" else real(name))
        cases.cache_clear()
        with pytest.raises(ContentError, match=message):
            cases()
    cases.cache_clear()


def test_the_case_file_and_page_text_match_their_schemas() -> None:
    """Do both new files pass their schemas, and is a case not marked synthetic refused?"""
    raw = copy.deepcopy(content.load_raw("children/cases"))
    content.validate("children/cases", raw)
    content.validate("children/young_people_page", content.load_raw("children/young_people_page"))
    raw["cases"][0]["synthetic"] = False
    with pytest.raises(ContentError, match="synthetic"):
        content.validate("children/cases", raw)


def test_the_young_people_page_is_in_short_sentences_and_plain_words() -> None:
    """Is every sentence of the page's own text short (20 words or fewer), and free of professional jargon?"""
    page = plain_page()
    sort = content.sorting_exercise("young_people_sort")
    sentences = [*page.intro, *page.good_outcome, *sort.intro, *(c.definition for c in sort.categories), *(i.text for i in sort.items), *(i.explanation for i in sort.items)]
    jargon = ("commission", "stakeholder", "provision", "intervention", "deliverable", "co-production", "holistic")
    for paragraph in sentences:
        for sentence in paragraph.replace("?", ".").split(". "):
            assert len(sentence.split()) <= 20, sentence
        assert not any(word in paragraph.lower() for word in jargon), paragraph


def test_the_adult_step_rewrites_childrens_service_led_statements_too() -> None:
    """Does step 3's rewrite exercise hold each child's service-led statement beside the adult ones?"""
    texts = {w.text for w in personal_guide().weak_statements}
    assert {c.service_led for c in cases().cases} <= texts
    assert {"Tom to attend a parenting group", "Improve wellbeing"} <= texts


def test_own_words_are_checked_saved_and_brought_back(store) -> None:
    """Is an empty or enormous 'I want to...' refused in a sentence, and a good one saved and shown again on reload?"""
    assert "Write something first" in own_problem("   ")
    assert "keep it under" in own_problem("x" * (MAX_OWN + 1))
    table = store.group("day", "Table <i>Y</i>")
    own = OwnOutcome(store)
    assert own.box.disabled
    own.set_group(table)
    own.box.value = ""
    own.save.click()
    assert "Write something first" in own.message.value
    own.box.value = "I want to go to the cinema with my friends <script>"
    own.save.click()
    assert "Saved" in own.message.value
    again = OwnOutcome(store)
    again.set_group(table)
    assert again.box.value == "I want to go to the cinema with my friends <script>"
    assert "<script>" not in again.message.value and "&lt;script&gt;" in again.message.value


def test_the_page_saves_the_sort_and_keeps_it_through_a_reload(page_context) -> None:
    """Built as Voila builds it, does a sorted card save under the table and come back on a fresh build?"""
    page = build()
    page.quiz.answer("yp-2", "service_or_resource")
    assert "Yes" in next(c for c in page.quiz.cards if c.item.id == "yp-2").feedback.value
    fresh = build()
    card = next(c for c in fresh.quiz.cards if c.item.id == "yp-2")
    assert card.choices.value == "service_or_resource" and "Welcome back" in fresh.quiz.status.value
    assert case_logic.VOICES["own_words"] in "".join(getattr(w, "value", "") for w in fresh.children if hasattr(w, "value"))
