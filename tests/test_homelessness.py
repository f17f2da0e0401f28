"""The pure logic of the homelessness scenario: the synthetic profile, collectability, output-only
monitoring and the scorecard counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_kit.content import ContentError
from workshop_kit.steps.homelessness_scenario import logic as h


def _m(outcome: int, text: str, subjective=False, source="Council homelessness case records", frequency="Quarterly", item: str = "measure-1") -> h.Measure:
    return h.Measure(item, outcome, text, subjective, source, frequency, "quarterly report")


def test_the_profile_is_labelled_synthetic_and_complete() -> None:
    """Does the profile load as one fictional area, four quarters, with the statutory statistics' sections?"""
    profile = h.scenario_profile()
    assert profile.area == "Northbrook"
    assert len(profile.periods) == 4
    assert {r.section for r in profile.rows} == {"duties", "reasons", "support_needs", "temporary_accommodation"}
    assert all(len(r.counts) == 4 for r in profile.rows)


def test_the_reasons_add_up_to_the_duties_owed() -> None:
    """In each quarter, do the main reasons for losing a home add up to the households owed a duty?"""
    profile = h.scenario_profile()
    for q in range(4):
        duties = sum(r.counts[q] for r in profile.rows if r.section == "duties")
        reasons = sum(r.counts[q] for r in profile.rows if r.section == "reasons")
        assert duties == reasons


def test_a_profile_not_labelled_synthetic_is_refused(tmp_path: Path) -> None:
    """Would a file with a row not labelled synthetic be refused on load?"""
    source = (h.DATASETS / "homelessness_profile_synthetic.csv").read_text(encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text(source.replace("Northbrook,synthetic", "Northbrook,real", 1), encoding="utf-8")
    with pytest.raises(ContentError, match="synthetic"):
        h.load_profile(bad)


def test_the_profile_alt_text_comes_from_the_data() -> None:
    """Does the chart's description name the area, say synthetic and give the first and last figures?"""
    profile = h.scenario_profile()
    alt = h.profile_alt_text(profile, ["Owed a relief duty"])
    row = profile.row("Owed a relief duty")
    assert "synthetic" in alt and "Northbrook" in alt
    assert f"from {row.counts[0]} in 2024-25 Q1 to {row.counts[-1]} in 2024-25 Q4" in alt


@pytest.mark.parametrize("source", ["", "   ", "unknown", "Not sure.", "N/A", "TBC"])
def test_measures_with_no_real_source_cannot_be_collected(source: str) -> None:
    """Is an empty or 'unknown' data source named as nobody collecting the measure?"""
    scenario = h.load()
    problem = h.collect_problem({"source": source, "subjective": False}, scenario.unrealistic_sources, scenario.asking_words)
    assert "nobody would collect it" in problem


def test_a_subjective_measure_needs_a_way_of_asking_people() -> None:
    """Is 'people feel safe' from case records flagged, but the same from an exit survey accepted?"""
    scenario = h.load()
    args = (scenario.unrealistic_sources, scenario.asking_words)
    assert "not a way of asking people" in h.collect_problem({"source": "Case records", "subjective": True}, *args)
    assert h.collect_problem({"source": "Exit survey", "subjective": True}, *args) == ""
    assert h.collect_problem({"source": "Case records", "subjective": False}, *args) == ""


def test_all_output_monitoring_is_spotted() -> None:
    """Are only-'how much' measures all-output, but not once a 'better off' one is added, nor with none?"""
    assert h.all_output(["how_much", "how_much"])
    assert not h.all_output(["how_much", "better_off"])
    assert not h.all_output([])


def test_warnings_name_missing_better_off_and_output_only_monitoring() -> None:
    """With only counts, are there warnings for no 'better off' measure and for all-output monitoring?"""
    scenario = h.load()
    warnings = h.measure_warnings(["People keep their home", "", ""], [_m(0, "Number of households given advice")], scenario)
    messages = " ".join(w.message for w in warnings)
    assert "better off" in messages
    assert "Every measure counts what was done" in messages


def test_the_model_answer_raises_no_warnings() -> None:
    """Does the kit's own model answer pass every check it asks of a table?"""
    scenario = h.load()
    answer = scenario.model_answer
    measures = [h.Measure(f"measure-{n}", m["outcome"], m["text"], m["subjective"], m["source"], m["frequency"], m["reporting"]) for n, m in enumerate(answer["measures"], 1)]
    assert h.measure_warnings(answer["outcomes"], measures, scenario) == []


def test_quadrant_counts_and_their_description() -> None:
    """Are measures counted per outcome per RBA question, and described in words?"""
    measures = [_m(0, "Number of people given advice"), _m(0, "Percentage of people still in their home after a year"), _m(1, "Percentage of people who feel less lonely"), _m(5, "Number of leaflets")]
    counts = h.quadrant_counts(2, measures)
    assert counts == [{"how_much": 1, "how_well": 0, "better_off": 1}, {"how_much": 0, "how_well": 0, "better_off": 1}]
    alt = h.scorecard_alt_text(["People keep their home", "People feel less lonely"], counts)
    assert "outcome 1 (People keep their home): 1 how much did we do, 0 how well did we do it, 1 is anyone better off" in alt
    assert "no measures yet" in h.scorecard_alt_text(["A"], [{"how_much": 0, "how_well": 0, "better_off": 0}])


def test_saved_rows_become_measures_unless_removed() -> None:
    """Is a removed or malformed row skipped, and an unsaid subjective kept as None?"""
    assert h.measure_from_payload("measure-1", {"removed": True, "outcome": 0, "text": "x"}) is None
    assert h.measure_from_payload("measure-1", {"outcome": "0", "text": "x"}) is None
    m = h.measure_from_payload("measure-2", {"outcome": 1, "text": "x", "subjective": None})
    assert m is not None and m.subjective is None and m.outcome == 1
    assert h.next_measure_id(["stage1", "measure-2", "measure-10"]) == "measure-11"
