"""Tests of the structural checks: scenario outcomes, logic model, indicator map."""

from workshop_kit.scoring import check_indicator_map, check_logic_model, check_scenario_outcomes

GOOD = ["People who were homeless have a settled home", "Fewer people sleep rough in the town", "People who were homeless feel part of their community"]


def test_three_distinct_outcomes_pass():
    """Do three distinct outcomes pass?"""
    assert check_scenario_outcomes(GOOD).ok


def test_too_many_outcomes():
    """Are more than 4 outcomes flagged (Institute of Public Care: no more than 3 or 4)?"""
    res = check_scenario_outcomes(GOOD + ["Young people leaving care have a home", "Adults are in paid work"])
    assert not res.ok and any("5 outcomes" in p.message for p in res.problems)


def test_output_in_scenario_outcomes_is_named():
    """Is an output among the outcomes named as such?"""
    res = check_scenario_outcomes(GOOD + ["Provide 20 beds in the night shelter"])
    assert any(p.item.startswith("Provide 20 beds") and "output" in p.message for p in res.problems)


def test_near_duplicates_are_flagged():
    """Are two near-identical outcomes flagged?"""
    res = check_scenario_outcomes(GOOD + ["People who were homeless have a settled home now"])
    assert any("near-duplicates" in p.message for p in res.problems)


def test_empty_scenario():
    """Does an empty list say there is nothing to check?"""
    assert check_scenario_outcomes([]).empty


def model(links, extra=()):
    cards = [
        {"id": "in", "column": "inputs", "text": "3 volunteers"},
        {"id": "out", "column": "outputs", "text": "Provide supported activities"},
        {"id": "mid", "column": "interim_outcomes", "text": "Reduce incidents of bullying"},
        {"id": "fin", "column": "final_outcomes", "text": "Successful transition into adult life"},
        *extra,
    ]
    return {"cards": cards, "links": links}


CHAIN = [["in", "out"], ["out", "mid"], ["mid", "fin"]]


def test_seed_logic_model_passes():
    """Does a chain from the Institute of Public Care's example logic model pass?"""
    assert check_logic_model(model(CHAIN)).ok


def test_backward_link_is_named():
    """Is a link pointing backwards named?"""
    res = check_logic_model(model(CHAIN + [["fin", "in"]]))
    assert any(p.item == "fin → in" for p in res.problems)


def test_orphan_card_is_named():
    """Is a card with no links named as an orphan?"""
    res = check_logic_model(model(CHAIN, [{"id": "x", "column": "outputs", "text": "Training provided to 3 schools"}]))
    assert any(p.item.startswith("x ") and "orphan" in p.message for p in res.problems)


def test_card_in_wrong_column_is_named():
    """Is an outcome card placed among the inputs named, with the column it belongs in?"""
    res = check_logic_model(model(CHAIN + [["odd", "out"]], [{"id": "odd", "column": "inputs", "text": "Parents feel less isolated"}]))
    p = next(p for p in res.problems if p.item.startswith("odd"))
    assert "outcome" in p.message and "interim_outcomes" in p.tip


def test_impact_card_in_an_outcome_column_is_named():
    """Is a change for staff or the system in an outcome column named as impact, not accepted as an outcome?"""
    impact = "Staff across education, health and care understand each other's roles better"
    res = check_logic_model(model(CHAIN + [["out", "imp"], ["imp", "fin"]], [{"id": "imp", "column": "interim_outcomes", "text": impact}]))
    p = next(p for p in res.problems if p.item.startswith("imp"))
    assert "impact" in p.message and "outputs" in p.tip


def test_impact_card_among_outputs_is_accepted():
    """Does the same impact card sit with outputs without a wording problem?"""
    impact = "Staff across education, health and care understand each other's roles better"
    res = check_logic_model(model(CHAIN + [["in", "imp"], ["imp", "mid"]], [{"id": "imp", "column": "outputs", "text": impact}]))
    assert not [p for p in res.problems if p.item.startswith("imp")]


def test_unknown_card_in_link_and_unknown_column():
    """Are links to missing cards and unknown columns reported, not crashing?"""
    res = check_logic_model({"cards": [{"id": "a", "column": "middle", "text": "x"}], "links": [["a", "zz"], "bad"]})
    assert not res.ok and len(res.problems) >= 3


def indicator(text, subjective, source="survey", frequency="quarterly"):
    return {"text": text, "subjective": subjective, "source": source, "frequency": frequency}


def test_good_indicator_map_passes():
    """Does a map with better-off measures, balance, sources and frequencies pass?"""
    res = check_indicator_map(
        {"Parents feel less isolated": [indicator("Percentage of parents reporting less isolation", True), indicator("Number of parents in paid work after 6 months", False, "DWP data", "yearly")]}
    )
    assert res.ok, res.problems


def test_indicator_map_problems_are_named():
    """Are a missing indicator, a missing better-off measure, imbalance and missing source named?"""
    res = check_indicator_map({"Parents feel less isolated": [indicator("Number of coffee mornings", False, source="")], "Children are safe": []})
    messages = " | ".join(f"{p.item}: {p.message}" for p in res.problems)
    assert "Children are safe: This outcome has no indicators" in messages
    assert "better off" in messages and "data source" in messages and "0 subjective" in messages
