"""The indicators page without a browser: measures and feedback, data gaps, the curve and distance travelled."""

from __future__ import annotations


import pytest

from workshop_kit import context
from workshop_kit.steps.indicators import curve_chart, page as indicators, radar_chart

from .tree import all_html

HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "Plant yn teimlo'n ddiogel 😀", "يشعر الأطفال بالأمان"]


PAGE_SESSION, PAGE_QUERY = "pages", "group=Table+7"
pytestmark = pytest.mark.usefixtures("page_context")


def _rows(item: str) -> list[dict]:
    store = context.store()
    return [a.payload for a in store.history(store.group("pages", "Table 7"), "indicators", item)]


def _add(page, measure: str, question: str, subjective: bool = False, term: str = "interim", have: bool = True) -> None:
    e = page.exercise
    e.mapping.measure.value, e.mapping.question.value, e.mapping.subjective.value, e.mapping.term.value, e.mapping.have_data.value = measure, question, subjective, term, have
    e.mapping.add_measure.click()


def test_a_measure_is_classified_shown_in_the_map_and_saved() -> None:
    """Adding a measure: feedback from classify_measure, a row in the table, the balance, and a saved map?"""
    page = indicators.build()
    page.exercise.mapping.outcome.value = "Young people feel safe at home"
    _add(page, "Percentage of young people who say they feel safer", "better_off", subjective=True, have=False)
    e = page.exercise
    assert "Agreed: the wording reads as &#x27;Is anybody better off?&#x27;" in e.mapping.measure_feedback.value
    assert "<caption>Our measures for: <bdi>Young people feel safe at home</bdi></caption>" in e.mapping.map_html.value
    assert "1 subjective (what people tell you) and 0 objective" in e.mapping.balance_html.value
    assert "Data for: Percentage of young people who say they feel safer" in e.mapping.gaps_html.value
    assert _rows("map")[-1] == {
        "outcome": "Young people feel safe at home",
        "measures": [{"text": "Percentage of young people who say they feel safer", "question": "better_off", "kit_question": "better_off", "subjective": True, "term": "interim", "have_data": False}],
        "gaps": [],
    }


def test_a_disagreement_is_shown_as_something_to_discuss() -> None:
    """Calling a count 'better off' gets the kit's reading, without refusing the table's choice?"""
    page = indicators.build()
    _add(page, "Number of sessions run", "better_off")
    assert "kit-feedback-debatable" in page.exercise.mapping.measure_feedback.value
    assert "not &#x27;Is anybody better off?&#x27;" in page.exercise.mapping.measure_feedback.value
    assert _rows("map")[-1]["measures"][0]["question"] == "better_off"


def test_a_data_gap_can_be_added_and_a_blank_one_is_refused() -> None:
    """Is a typed gap added and saved, and an empty one met with a sentence?"""
    page = indicators.build()
    e = page.exercise
    e.mapping.add_gap.click()
    assert "Type the data gap first." in e.mapping.gaps_html.value
    e.mapping.gap.value = "Young people's own view of feeling safe"
    e.mapping.add_gap.click()
    assert "<li><bdi>Young people&#x27;s own view of feeling safe</bdi></li>" in e.mapping.gaps_html.value
    assert _rows("map")[-1]["gaps"] == ["Young people's own view of feeling safe"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_saved_exactly_and_shown_escaped(hostile: str) -> None:
    """Script, HTML, emoji and Arabic in outcome, measure, gap and story: saved as typed, never markup?"""
    page = indicators.build()
    e = page.exercise
    e.mapping.outcome.value = hostile
    _add(page, hostile, "how_much")
    e.mapping.gap.value = hostile
    e.mapping.add_gap.click()
    e.curve.story.value = hostile
    e.curve.draw_curve.click()
    saved = _rows("map")[-1]
    assert saved["outcome"] == hostile and saved["measures"][0]["text"] == hostile and saved["gaps"] == [hostile]
    assert _rows("curve")[-1]["story"] == hostile
    shown = all_html(page)
    assert "<script>" not in shown and "<img src=x" not in shown


def test_ten_thousand_characters_get_a_sentence_and_nothing_is_saved() -> None:
    """Are a huge measure, gap and story each refused with a sentence?"""
    page = indicators.build()
    e = page.exercise
    _add(page, "m" * 10_000, "how_much")
    assert "The measure is 10,000 characters long" in e.mapping.measure_feedback.value
    e.mapping.gap.value = "g" * 10_000
    e.mapping.add_gap.click()
    assert "The data gap is 10,000 characters long" in e.mapping.gaps_html.value
    e.curve.story.value = "s" * 10_000
    e.curve.draw_curve.click()
    assert "The story is 10,000 characters long; please keep it under 2,000." in e.curve.curve_message.value
    assert _rows("map") == [] and _rows("curve") == []


def test_the_curve_is_drawn_with_its_forecast_and_the_target_is_saved() -> None:
    """Choosing an indicator and area redraws the chart; saving stores target, story and the figures shown?"""
    page = indicators.build()
    e = page.exercise
    e.curve.indicator.value, e.curve.area.value = "neet_16_17", "Kingsmere"
    assert "Line chart of 16 and 17 year olds not in education" in e.curve.curve_html.value and "No target set yet." in e.curve.curve_html.value
    e.curve.target.value = 5.5
    e.curve.story.value = "More apprenticeships with local employers"
    e.curve.draw_curve.click()
    assert "The target is 5.5 by 2027-Q4." in e.curve.curve_html.value
    assert "trend falling; target 5.5 by 2027-Q4" in e.curve.curve_message.value
    saved = _rows("curve")[-1]
    assert (saved["indicator"], saved["area"], saved["target"], saved["forecast_period"]) == ("neet_16_17", "Kingsmere", 5.5, "2027-Q4")
    assert saved["trend_per_quarter"] < 0


def test_distance_travelled_is_drawn_and_saved() -> None:
    """Choosing scores and saving: does the chart's description and the saved row follow the scores?"""
    page = indicators.build()
    e = page.exercise
    e.distance.start[0].value, e.distance.review[0].value = 2, 9
    e.distance.draw_radar.click()
    assert "Feeling safe: 2 at the start, 9 at the review (up 7)" in e.distance.radar_html.value
    saved = _rows("distance")[-1]
    assert saved["start"][0] == 2 and saved["review"][0] == 9 and saved["areas"][0] == "Feeling safe"


def test_saving_says_so_before_the_chart_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    """Do the saved-curve and saved-distance messages reach the screen before their charts are redrawn?"""
    page = indicators.build()
    e = page.exercise
    shown: list[str] = []
    for module, name in ((curve_chart, "curve"), (radar_chart, "radar")):
        drawing = module.draw
        monkeypatch.setattr(module, "draw", lambda *args, _d=drawing, _n=name, **kw: (shown.append(f"{_n} chart"), _d(*args, **kw))[1])
    e.curve.curve_message.observe(lambda _c: shown.append("curve message"), names="value")
    e.distance.radar_message.observe(lambda _c: shown.append("radar message"), names="value")
    e.curve.story.value = "Earlier help for families at risk"
    e.curve.draw_curve.click()
    e.distance.start[0].value = 3
    shown.clear()
    e.distance.draw_radar.click()
    assert shown == ["radar message", "radar chart"]
    shown.clear()
    e.curve.story.value = "More apprenticeships with local employers"
    e.curve.draw_curve.click()
    assert shown == ["curve message", "curve chart"]


def test_saved_work_comes_back_and_start_again_clears_without_deleting() -> None:
    """Does a new page show the saved map and curve, and 'start again' clear and disable them, keeping rows?"""
    page = indicators.build()
    page.exercise.mapping.outcome.value = "Families stay together"
    _add(page, "Number of visits", "how_much")
    page.exercise.curve.area.value = "Westerby"
    page.exercise.curve.draw_curve.click()
    again = indicators.build()
    assert again.exercise.mapping.outcome.value == "Families stay together" and len(again.exercise.mapping.measures) == 1
    assert again.exercise.curve.area.value == "Westerby"
    again.start_again()
    e = again.exercise
    assert e.mapping.outcome.value == "" and e.mapping.measures == [] and e.mapping.add_measure.disabled and e.curve.draw_curve.disabled
    assert "No target set yet." in e.curve.curve_html.value and e.curve.area.value == "Northbrook"
    assert len(_rows("map")) == 1 and len(_rows("curve")) == 1
