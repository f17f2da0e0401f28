"""The outcomes framework's pure logic: contributions, gaps, duplication, unlinked services, and the heat map."""

from __future__ import annotations

from workshop_kit.steps.outcomes_framework import heatmap
from workshop_kit.steps.outcomes_framework import logic as fw


def _fw(contributions):
    return {"outcomes": ["Safe", "Healthy", "Learning"], "services": ["Family support", "Youth", "Nursing"], "contributions": contributions}


def test_the_worked_example_shows_one_gap_one_duplication_and_one_unlinked_service() -> None:
    """Does the content file's example show what its own reading says?"""
    ex = fw.guide()["example"]
    a = fw.analyse(ex)
    assert a.gaps == ("Children and young people are safe",)
    assert [(d.outcome, d.services) for d in a.duplicates] == [("Children and young people attend school and learn", ("Family support service", "School nursing"))]
    assert a.unlinked == ("Holiday activities programme",)


def test_same_outcome_with_different_measures_is_not_duplication() -> None:
    """Two services on one outcome with different measures: contribution, not duplication?"""
    a = fw.analyse(
        _fw([{"service": "Family support", "outcome": "Safe", "measures": ["Repeat referrals"]}, {"service": "Youth", "outcome": "Safe", "measures": ["Young people saying they feel safe"]}])
    )
    assert a.duplicates == () and a.gaps == ("Healthy", "Learning") and a.unlinked == ("Nursing",)


def test_duplication_ignores_case_and_spacing_of_measures() -> None:
    """Is 'School  attendance' the same measure as 'school attendance'?"""
    a = fw.analyse(
        _fw([{"service": "Family support", "outcome": "Learning", "measures": ["School  attendance"]}, {"service": "Nursing", "outcome": "Learning", "measures": ["school attendance", "Exclusions"]}])
    )
    assert len(a.duplicates) == 1 and a.duplicates[0].measures == ("School  attendance",)


def test_counts_mark_non_contributors_minus_one() -> None:
    """Is the matrix -1 for no contribution and the number of measures otherwise?"""
    a = fw.analyse(_fw([{"service": "Youth", "outcome": "Healthy", "measures": []}]))
    assert a.counts == ((-1, -1, -1), (-1, 0, -1), (-1, -1, -1))


def test_setting_a_pair_again_replaces_its_measures_and_removal_drops_it() -> None:
    """Does choosing the same service and outcome replace the measures, and removing take the pair away?"""
    c = fw.set_contribution([], "Youth", "Safe", ["A"])
    c = fw.set_contribution(c, "Youth", "Safe", ["B"])
    assert c == [{"service": "Youth", "outcome": "Safe", "measures": ["B"]}]
    assert fw.remove_contribution(c, "Youth", "Safe") == []


def test_contributions_for_removed_outcomes_are_dropped() -> None:
    """When an outcome leaves the list, do its contributions leave the matrix?"""
    kept = fw.keep_known({"outcomes": ["Safe"], "services": ["Youth"], "contributions": [{"service": "Youth", "outcome": "Gone", "measures": []}]})
    assert kept == []


def test_measures_split_on_semicolons_and_lines() -> None:
    """Are 'a; b\\n c ; a' three measures, once each?"""
    assert fw.split_measures("a; b\n c ; a") == ["a", "b", "c"]


def test_too_many_or_too_long_items_get_sentences() -> None:
    """Are a ninth outcome and a 10,000-character service named?"""
    assert "There are 9 outcomes; keep it to 8" in fw.list_problems("outcomes", [str(n) for n in range(9)])[0]
    assert fw.list_problems("services", ["x" * 10_000]) == ["Service 1 is 10,000 characters long; keep each under 150 characters."]


def test_the_heat_map_is_deterministic_and_described_in_words() -> None:
    """Same PNG twice, and alt text naming each outcome's contributors and each finding?"""
    a = fw.analyse(fw.guide()["example"])
    png, alt = heatmap.draw(a)
    assert png == heatmap.draw(a)[0]
    assert "Children and young people are safe: no service contributes." in alt
    assert "Young people are ready for adult life: Youth service (1 measure)." in alt
    assert "'Holiday activities programme' is linked to no outcome." in alt
