"""Indicators and data: RBA feedback, balance, data gaps, the synthetic data set, the curve and the radar."""

from __future__ import annotations

import numpy as np
import pandas as pd

from workshop_kit.steps.indicators import curve_chart
from workshop_kit.steps.indicators import radar_chart as radar
from workshop_kit.steps.indicators import logic as ind


def test_the_model_answer_measures_agree_with_classify_measure() -> None:
    """Does each worked-example measure get the question the model answer gives it?"""
    for m in ind.guide()["example"]["measures"]:
        assert ind.measure_feedback(m["text"], m["question"]).agrees, m["text"]


def test_a_disagreement_names_both_questions() -> None:
    """When the table picks 'better off' for a plain count, does the feedback say what the wording reads as?"""
    fb = ind.measure_feedback("Number of sessions run", "better_off")
    assert not fb.agrees and fb.kit_question == "how_much"
    assert "reads the wording as 'How much did we do?', not 'Is anybody better off?'" in fb.sentence


def test_an_empty_measure_asks_for_words() -> None:
    """Is a blank measure met with a request, not a verdict?"""
    assert ind.measure_feedback("   ", "how_much") == ind.MeasureFeedback(False, None, "Write the measure first.")


def test_balance_asks_for_what_is_missing() -> None:
    """With one objective count, does the balance ask for a subjective, a better-off and a distance measure?"""
    said = ind.balance([{"text": "Sessions", "question": "how_much", "subjective": False, "term": "interim", "have_data": True}])
    assert "0 subjective" in said[0] and "Aim for at least one of each." in said[0]
    assert "Add at least one 'better off' measure." in said[1]
    assert "Consider a distance-travelled measure." in said[2]
    assert said[3] == "1 use data the area already has; 0 need data the area lacks."


def test_the_worked_example_is_balanced() -> None:
    """Does the model answer's map ask for nothing more?"""
    said = " ".join(ind.balance(ind.guide()["example"]["measures"]))
    assert "Aim for" not in said and "Add at least" not in said and "Consider" not in said


def test_data_gaps_list_measures_we_lack_then_added_gaps() -> None:
    """Are measures without data listed first, then gaps the table added?"""
    measures = [{"text": "A", "have_data": True}, {"text": "B", "have_data": False}]
    assert ind.data_gaps(measures, ["Housing waiting times"]) == ["Data for: B", "Housing waiting times"]


def test_the_data_set_is_synthetic_quarterly_and_complete() -> None:
    """Four areas, three indicators, 20 quarters each, every row labelled synthetic, magnitudes plausible?"""
    frame = pd.read_csv(ind.DATASET)
    assert set(frame["synthetic"]) == {"yes"} and len(frame) == 240
    assert set(frame["area"]) == {"Northbrook", "Eastvale", "Kingsmere", "Westerby"}
    assert frame.groupby(["indicator", "area"]).size().eq(20).all()
    ranges = frame.groupby("indicator")["value"].agg(["min", "max"])
    assert 0 < ranges.loc["temporary_accommodation", "min"] and ranges.loc["temporary_accommodation", "max"] < 15
    assert 0 < ranges.loc["neet_16_17", "min"] and ranges.loc["neet_16_17", "max"] < 15
    assert 15 < ranges.loc["send_persistent_absence", "min"] and ranges.loc["send_persistent_absence", "max"] < 50


def test_the_forecast_is_the_least_squares_line_projected_eight_quarters() -> None:
    """Does the forecast continue a straight line fitted to the baseline, from 2026-Q1 to 2027-Q4?"""
    c = ind.curve("temporary_accommodation", "Eastvale")
    assert len(c.values) == 20 and c.forecast_periods[0] == "2026-Q1" and c.forecast_periods[-1] == "2027-Q4"
    slope, intercept = np.polyfit(np.arange(20), np.array(c.values), 1)
    assert abs(c.forecast[-1] - (intercept + slope * 27)) < 0.01
    assert c.direction == "rising"
    assert ind.curve("neet_16_17", "Kingsmere").direction == "falling"


def test_the_curve_alt_text_states_latest_value_trend_and_target() -> None:
    """Does the curve's alt text give the latest value, the trend direction and the target, and say synthetic?"""
    c = ind.curve("temporary_accommodation", "Eastvale")
    png, alt = curve_chart.draw(c, 6.0)
    assert png == curve_chart.draw(c, 6.0)[0]
    assert alt.startswith("Synthetic data.")
    assert f"The latest value (2025-Q4) is {c.latest:,.1f}" in alt and "the trend is rising" in alt
    assert "The target is 6.0 by 2027-Q4." in alt
    assert "No target set yet." in curve_chart.draw(c, None)[1]


def test_the_radar_alt_text_gives_each_area_start_and_review() -> None:
    """Does the radar's alt text name every area with its two scores and the change?"""
    png, alt = radar.draw(["Home", "Health", "Feeling safe"], [3, 5, 4], [6, 5, 2])
    assert png[:4] == b"\x89PNG" and png == radar.draw(["Home", "Health", "Feeling safe"], [3, 5, 4], [6, 5, 2])[0]
    assert "Home: 3 at the start, 6 at the review (up 3); Health: 5 at the start, 5 at the review (no change); Feeling safe: 4 at the start, 2 at the review (down 2)." in alt


def test_long_text_gets_a_sentence() -> None:
    """Is 10,000 characters refused with its length in words, and short text let through?"""
    assert ind.too_long("The measure", "x" * 10_000) == "The measure is 10,000 characters long; please keep it under 300."
    assert ind.too_long("The measure", "fine") == ""
