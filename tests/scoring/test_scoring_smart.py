"""Tests of each rule in check_smart."""

import pytest

from workshop_kit.scoring import check_smart

BEA = "By the time she is 14, Bea will enjoy a meal in a café or restaurant with her family once every two months."


def test_bea_is_specific_measurable_and_time_bound():
    """Does the Council for Disabled Children's SMART example pass all three letters?"""
    res = check_smart(BEA)
    assert (res.specific, res.measurable, res.time_bound) == (True, True, True)


@pytest.mark.parametrize("phrase", ["by the time she is 14", "in 6 months", "by March", "over the next term", "by the end of Year 6", "by 2026", "within a year", "at age 16"])
def test_time_bound_phrases(phrase):
    """Do dates, ages, stages and periods count as time-bound?"""
    assert check_smart(f"Sam will go to youth club once a week {phrase}").time_bound


@pytest.mark.parametrize("phrase", ["soon", "as soon as possible", "in the future"])
def test_vague_times_are_not_time_bound(phrase):
    """Are 'soon' and 'in the future' rejected as time-bound?"""
    res = check_smart(f"Sam will go to youth club once a week {phrase}")
    assert not res.time_bound
    assert any("Not time-bound" in r for r in res.reasons)


@pytest.mark.parametrize("phrase", ["once every two months", "one night per month", "by 50%", "3 times a week", "every day", "80% of"])
def test_quantities_are_measurable(phrase):
    """Do frequencies, percentages and counts make a statement measurable?"""
    assert check_smart(f"Young people will go to a club {phrase}").measurable


@pytest.mark.parametrize("word", ["regularly", "more", "better"])
def test_vague_words_are_not_measurable(word):
    """Are 'regularly', 'more' and 'better' on their own not measurable, and named in the reason?"""
    res = check_smart(f"Sam will see his friends {word}")
    assert not res.measurable
    assert any(word in r for r in res.reasons if r.startswith("Not measurable"))


def test_numbers_in_the_time_phrase_do_not_make_it_measurable():
    """Is 'by the time she is 14' only time, not a measurable quantity?"""
    res = check_smart("By the end of Year 6, Oliver will write his name without help")
    assert res.time_bound and not res.measurable


def test_vague_statement_is_not_specific():
    """Is 'Things get better' not specific?"""
    assert not check_smart("Things get better").specific
    assert not check_smart("Improve outcomes for children").specific


def test_who_and_what_is_specific():
    """Does naming who and what changes make it specific?"""
    assert check_smart("Parents feel less isolated").specific


def test_achievable_and_relevant_need_judgement():
    """Do achievable and relevant honestly say they need a person's judgement, with prompts?"""
    res = check_smart(BEA)
    for j in (res.achievable, res.relevant):
        assert j.needs_judgement and j.prompts
        assert str(j) == "needs a person's judgement"


def test_tips_for_missing_letters():
    """Does a statement missing all three letters get a tip for each?"""
    assert len(check_smart("Things get better").tips) == 3


def test_an_indicators_percentage_wording_is_a_measure():
    """Is '% of parents who say...' (an indicator with no target figure yet) measurable, while 'more' alone is not?"""
    assert check_smart("% of parents who say they feel less alone").measurable
    assert check_smart("The proportion of care leavers in their own home").measurable
    assert not check_smart("More parents feel less alone").measurable


def test_the_day_ahead_is_not_a_deadline():
    """Is planning 'the day ahead' not read as a period to reach the outcome in, while 'within a week' is?"""
    assert not check_smart("Ravi plans the day ahead with a picture timetable").time_bound
    assert check_smart("Ravi plans his meals within a week").time_bound
