"""Tests of review_outcome's criteria at each level."""

import pytest

from workshop_kit.scoring import review_outcome

BEA = "By the time she is 14, Bea will enjoy a meal in a café or restaurant with her family once every two months."


def crit(result, name):
    return next(c for c in result.criteria if c.name == name)


def test_strategic_needs_no_date():
    """Does a big, broad strategic outcome with no date score full marks?"""
    res = review_outcome("All children and young people in our area are happy and healthy", "strategic")
    assert res.score == 100
    assert not any(c.name == "time_bound" for c in res.criteria)


def test_strategic_about_one_person_fails_broad():
    """Does a strategic outcome about one named person fail 'broad'?"""
    assert not crit(review_outcome("Jessica has improved quality of sleep", "strategic"), "broad").passed


def test_smart_needs_a_date():
    """Does a SMART outcome without a date fail 'time_bound' and lose its weight?"""
    res = review_outcome("Bea will enjoy a meal in a café with her family once every two months", "smart")
    assert not crit(res, "time_bound").passed
    assert res.score == 100 - crit(res, "time_bound").weight
    assert res.verdict == "nearly" and not res.accepted


def test_smart_example_scores_full_marks():
    """Does the Council for Disabled Children's SMART example score 100?"""
    assert review_outcome(BEA, "smart_outcome").score == 100


def test_provision_fails_change_for_people():
    """Does provision ('receives a home care service') fail 'change_for_people' at every level?"""
    for level in ("strategic", "operational", "individual", "smart", "target"):
        assert not crit(review_outcome("Mrs Jones receives a home care service", level), "change_for_people").passed


def test_individual_wants_the_persons_voice():
    """Does an individual outcome in the person's own words pass 'person_centred', and a service-voiced one fail?"""
    assert crit(review_outcome("I want to make friends at college", "individual"), "person_centred").passed
    assert not crit(review_outcome("Young people with SEND have good friendships", "individual"), "person_centred").passed


def test_deficit_words_are_flagged():
    """Are deficit words like 'challenging behaviour' flagged, with a strengths tip?"""
    res = review_outcome("Children with challenging behaviour have fewer problems at school", "operational")
    c = crit(res, "strengths_not_deficits")
    assert not c.passed and "challenging behaviour" in c.reason and c.tip


def test_jargon_and_acronyms_are_flagged():
    """Are jargon and acronyms flagged, with a tip to spell acronyms out?"""
    c = crit(review_outcome("CYP receive holistic multi-agency interventions", "operational"), "plain_english")
    assert not c.passed and "CYP" in c.tip and "holistic" in c.reason


def test_one_outcome_per_statement():
    """Are two outcomes joined by 'and', or several sentences, flagged?"""
    assert not crit(review_outcome("Children are safe and parents feel less isolated", "strategic"), "one_outcome").passed
    assert not crit(review_outcome("Children are safe. Parents are happy.", "strategic"), "one_outcome").passed
    assert crit(review_outcome("Children and young people are safe", "strategic"), "one_outcome").passed


def test_score_is_weighted_and_explained():
    """Is the score the weighted share of criteria passed, with the sum shown in words?"""
    res = review_outcome("Parents feel less isolated", "target")
    got = sum(c.weight for c in res.criteria if c.passed)
    assert res.score == round(100 * got / sum(c.weight for c in res.criteria))
    assert res.score_explained.startswith(f"{got} of 100 points")


def test_failed_criteria_give_tips():
    """Does every failed criterion carry a reason and a tip?"""
    res = review_outcome("Deliver 24 workshops to CYP with problems", "smart")
    for c in res.criteria:
        assert c.reason
        if not c.passed:
            assert c.tip


def test_unknown_level_is_a_clear_error():
    """Does an unknown level raise a ValueError naming the allowed levels?"""
    with pytest.raises(ValueError, match="strategic"):
        review_outcome("Parents feel less isolated", "galactic")


def test_empty_text_does_not_raise():
    """Does empty text give an empty result with no score, not an exception?"""
    res = review_outcome("   ", "strategic")
    assert res.empty and res.score is None


def test_a_statement_failing_a_gate_is_not_praised_for_the_gates_it_passed() -> None:
    """'Young people are helped' names no change: is it then never told it 'describes a change for people'?"""
    result = review_outcome("Young people are helped", "strategic")
    assert result.verdict == "rework" and [c.name for c in result.failed_gates] == ["names_a_change"]
    praised = [c.reason for c in result.criteria if c.passed]
    assert not any("change for people" in reason or "change is in the person" in reason for reason in praised)


@pytest.mark.parametrize("text", ["to raise school attendance", "Increase attainment at 16", "Reduce the number of children in care"])
def test_an_aim_that_names_no_one_better_off_is_not_a_strategic_outcome(text):
    """Is an aim that moves a figure or a service with no one named as better off kept under the pass line,
    with the aim quoted?"""
    result = review_outcome(text, "strategic")
    assert not result.accepted
    assert any(not c.passed and c.name in ("broad", "change_for_people") for c in result.criteria)


def test_an_aim_for_named_people_is_still_a_strategic_outcome():
    """Does naming who is better off keep a strategic aim acceptable?"""
    assert review_outcome("Improve the physical and mental health of all children and young people in the borough", "strategic").accepted


def test_a_bare_feeling_is_vague_at_individual_level():
    """'I am happy' names no change anyone could see; a feeling tied to something checkable passes."""
    assert not review_outcome("I am happy", "individual").accepted
    assert review_outcome("I am happy at school and see my two best friends every day", "individual").accepted


def test_a_description_after_a_noun_is_not_a_second_outcome():
    """'the support they get' describes the support: is it one outcome, not two joined together?"""
    result = review_outcome("Young people have a say in the support they get", "strategic")
    assert next(c for c in result.criteria if c.name == "one_outcome").passed


def test_what_was_done_to_people_is_not_a_change_they_show():
    """Is wording that only says what was done to people, with no verb of their own, vague,
    while a service named on the way to a change the people show is accepted?"""
    assert not review_outcome("Tenants diverted from eviction", "operational").accepted
    assert not review_outcome("Older people are kept active", "operational").accepted
    assert review_outcome("Tenants supported by the scheme keep their homes for a year", "operational").accepted
