"""The outcome ladder's pure checks: the golden thread and the strategic-themes litmus test."""

from __future__ import annotations

import dataclasses

import pytest

from workshop_kit import content
from workshop_kit.steps.levels_of_outcomes.logic import LadderDraft, check_golden_thread, horizon_months, ladder_content, levels, litmus_test, meaningful_words, themes_in


def _bea(with_links: bool = True) -> LadderDraft:
    ex = ladder_content().example
    return LadderDraft(ex.person, ex.aspiration, ex.sought, ex.smart[0], tuple(t.text for t in ex.targets), tuple(t.link for t in ex.targets) if with_links else ())


def test_the_content_loads_with_three_levels_and_the_five_themes() -> None:
    """Are the three levels and the five common strategic themes from the source all there?"""
    assert [level.id for level in levels()] == ["strategic", "operational", "individual"]
    assert len(ladder_content().themes) == 5
    assert content.sorting_exercise("levels_sort").categories[0].id == "strategic"


def test_bea_with_the_how_it_helps_sentences_keeps_the_thread() -> None:
    """Does the worked example, with its link sentences, pass every check the kit can run?"""
    result = check_golden_thread(_bea())
    assert result.ok and not result.empty
    assert "'café'" in result.checks[0].reason and result.checks[0].rung == "smart"
    assert {c.rung for c in result.checks} == {"smart", "target_1", "target_2"}


def test_a_target_with_no_shared_words_is_flagged_until_the_link_is_said() -> None:
    """Without the link sentences, do Bea's targets show as weak points with a tip?"""
    result = check_golden_thread(_bea(with_links=False))
    weak = [c for c in result.checks if not c.passed]
    assert {c.rung for c in weak} == {"target_1", "target_2"} and all(c.check == "serves" for c in weak)
    assert result.tips and "how it helps" in result.tips[0]


def test_the_person_s_name_alone_is_not_a_link() -> None:
    """Does sharing only the person's name fail to count as a link?"""
    draft = LadderDraft("Sam", "", "Sam wants to sing in a choir", "By July 2027 Sam will swim 20 lengths every week")
    check = check_golden_thread(draft).checks[0]
    assert not check.passed
    named = dataclasses.replace(draft, person="")
    assert check_golden_thread(named).checks[0].passed  # 'sam' counts when no name is given


def test_a_target_due_after_the_outcome_is_not_smaller() -> None:
    """Is a target due in 2 years under an outcome due in 1 year called out?"""
    draft = LadderDraft("", "", "I want friends to play football with", "Within a year, Jo will play football with friends every week", ("In 2 years, Jo will play football with friends at the park",))
    smaller = next(c for c in check_golden_thread(draft).checks if c.check == "smaller")
    assert not smaller.passed and "later than" in smaller.reason


def test_a_copy_of_the_outcome_is_not_a_smaller_step_and_undated_targets_are_flagged() -> None:
    """Does a target that repeats the SMART outcome, with no date, fail 'smaller' and 'time_bound'?"""
    draft = LadderDraft("", "", "I want to cook for my family", "Ali will cook for his family", ("Ali will cook for his family",))
    checks = {c.check: c for c in check_golden_thread(draft).checks if c.rung == "target_1"}
    assert not checks["smaller"].passed and not checks["time_bound"].passed


def test_time_scales_that_cannot_be_compared_ask_the_table() -> None:
    """When the outcome gives an age, does the 'smaller' check say it needs the table's judgement?"""
    smaller = next(c for c in check_golden_thread(_bea()).checks if c.check == "smaller")
    assert smaller.passed and smaller.needs_judgement


def test_an_empty_ladder_is_empty_not_an_error() -> None:
    """Is a blank ladder reported as nothing to check, for both checks?"""
    assert check_golden_thread(LadderDraft()).empty
    assert litmus_test(LadderDraft()).empty and not litmus_test(LadderDraft()).ok


def test_horizons_read_periods_not_frequencies_or_ages() -> None:
    """Is 'in 6 months' a horizon, while 'once every two months' and 'by 14' are not?"""
    assert horizon_months("In 6 months, Bea will choose") == 6
    assert horizon_months("within a year") == 12
    assert horizon_months("once every two months") is None
    assert horizon_months("By the time she is 14") is None


def test_bea_passes_the_litmus_test_and_service_words_fail_it() -> None:
    """Do Bea's outcomes show the strategic themes, and does 'attend sessions' read like a service target?"""
    bea = litmus_test(_bea())
    assert bea.ok and {"Having good relationships", "Taking part in fun activities"} <= {label for label, _ in bea.themes_found}
    service = litmus_test(LadderDraft("Kai", "", "Kai will attend physiotherapy sessions", "Kai will receive 10 physiotherapy sessions by March"))
    assert not service.ok
    assert {s.rung for s in service.service_like} == {"sought", "smart"}
    assert "'sessions'" in service.service_like[0].reason


def test_words_are_compared_by_stem_and_stop_words_are_ignored() -> None:
    """Do 'friends' and 'friend' meet, while 'will' and 'every' never count?"""
    assert meaningful_words("She will see her friends every week") == frozenset({"see", "friend"})
    assert [t.id for t in themes_in("going on a sleepover", ladder_content().themes)] == ["relationships"]


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "😀" * 50, "مرحبا بكم", "x" * 10_000, ""])
def test_odd_text_never_crashes(hostile: str) -> None:
    """Do hostile, emoji, Arabic, very long and empty texts give results rather than errors?"""
    draft = LadderDraft(hostile, hostile, hostile, hostile, (hostile,), (hostile,))
    check_golden_thread(draft)
    litmus_test(draft)
