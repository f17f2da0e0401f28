"""Tests of each rule in classify_measure (Results Based Accountability)."""

import pytest

from workshop_kit.scoring import classify_measure


@pytest.mark.parametrize("text", ["Number of workshops delivered", "How many sessions were run", "Hours of respite provided"])
def test_counts_of_effort_are_how_much(text):
    """Are counts of activity 'how much did we do?'."""
    assert classify_measure(text).quadrant == "how_much"


@pytest.mark.parametrize(
    "text", ["Percentage of referrals seen within 4 weeks", "Average cost per placement", "Percentage of parents satisfied with the service", "Staff turnover", "Number of complaints received"]
)
def test_quality_timeliness_cost_satisfaction_are_how_well(text):
    """Are quality, timeliness, cost and satisfaction 'how well did we do it?'."""
    assert classify_measure(text).quadrant == "how_well"


@pytest.mark.parametrize(
    "text",
    [
        "Percentage of young people in education, employment or training 6 months after leaving the programme",
        "Percentage of parents reporting less isolation",
        "Number of children who improved their reading age",
    ],
)
def test_change_for_people_is_better_off(text):
    """Is change for the people served 'is anyone better off?', even when it starts 'Number of'?"""
    assert classify_measure(text).quadrant == "better_off"


def test_reasons_and_tip():
    """Does a how-much measure get a tip to pair it with a better-off measure?"""
    res = classify_measure("Number of home visits")
    assert res.reasons[-1].startswith("Verdict: how_much")
    assert "better off" in res.tips[0]


def test_effectiveness_of_a_service_is_how_well():
    """Is the effectiveness or efficiency of a service a question of how well it works?"""
    assert classify_measure("Effectiveness of the youth offending service").quadrant == "how_well"
    assert classify_measure("Efficiency of the assessment team").quadrant == "how_well"
