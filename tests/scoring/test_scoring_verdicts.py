"""The review's gates and verdict bands: what a facilitator would send back, and why, in words."""

import json
from importlib import resources

import pytest

from workshop_kit.scoring import review_outcome
from workshop_kit.scoring.review import LEVELS, bands, pass_line

BEA = "By the time she is 14, Bea will enjoy a meal in a café or restaurant with her family once every two months."


def crit(result, name):
    return next(c for c in result.criteria if c.name == name)


@pytest.mark.parametrize("text", ["Young people are helped", "Better lives for CYP", "People get the care they need when they need it"])
@pytest.mark.parametrize("level", LEVELS)
def test_vague_or_passive_statements_are_rework_at_every_level(text, level):
    """Is a statement that names no change anyone could see sent back as 'Rework' at any level, with the
    triggering words named and a rewrite pattern, and its score capped?"""
    res = review_outcome(text, level)
    assert res.verdict == "rework" and not res.accepted
    assert res.failed_gates and all(g.words and g.rewrite for g in res.failed_gates)
    assert res.score <= bands()["gate_cap"]


@pytest.mark.parametrize(
    "text, words, service",
    [
        ("Ella will go to a social skills group", "go to a social skills group", "group"),
        ("Dan will get two hours of mentoring a week", "get two hours of", "hours of"),
        ("Parents are referred to the right agencies", "referred to the right agencies", "referral"),
    ],
)
def test_provision_written_as_the_change_fails_the_gate(text, words, service):
    """Is a service written as the change a failed gate that names the words and says how to rewrite it?"""
    for level in ("operational", "individual", "smart"):
        res = review_outcome(text, level)
        gate = crit(res, "not_provision")
        assert not gate.passed and gate.gate and res.verdict == "rework"
        assert any(words in w for w in gate.words)


def test_provision_rewrite_names_the_person_and_the_service():
    """Does the rewrite pattern say 'Say what Ella will be able to do because of the group'?"""
    gate = crit(review_outcome("Ella will go to a social skills group", "individual"), "not_provision")
    assert gate.rewrite == "Say what Ella will be able to do because of the group."


@pytest.mark.parametrize("text", ["Cut self-harm among teenagers", "Fewer disabled adults are isolated"])
def test_deficit_framing_is_not_accepted_at_strategic_level(text):
    """Does deficit framing keep a strategic outcome from being accepted, naming the deficit words?"""
    res = review_outcome(text, "strategic")
    c = crit(res, "strengths_not_deficits")
    assert not c.passed and c.words and not res.accepted


def test_strengths_framing_is_not_a_deficit():
    """Are 'safe from harm' and 'overcome difficulties' read as strengths, not deficits?"""
    assert crit(review_outcome("Children and young people are safe from harm", "strategic"), "strengths_not_deficits").passed
    assert crit(review_outcome("I can overcome difficulties with support", "strategic"), "strengths_not_deficits").passed


def test_smart_without_measure_or_date_is_rework():
    """Is 'Zoe will get better at reading' not accepted at SMART level (it reached 70 before the gates)?"""
    res = review_outcome("Zoe will get better at reading", "smart")
    assert res.verdict == "rework" and not res.accepted


def test_target_needs_a_date_and_a_measure():
    """Does a target with a date but nothing to count come out 'Nearly: one thing to fix'?"""
    res = review_outcome("By the end of term, Noah will be calmer", "target")
    assert res.verdict in ("nearly", "rework") and not res.accepted
    assert review_outcome("By half term, Isla will count to 10", "target").accepted


def test_unexplained_acronyms_are_named_but_explained_ones_pass():
    """Is an unexplained acronym named as the trigger, and one spelled out in brackets accepted?"""
    c = crit(review_outcome("Every CYP on the programme makes a friend", "operational"), "plain_english")
    assert not c.passed and "CYP" in c.words
    assert crit(review_outcome("Every young person (YP) on the programme makes a friend", "operational"), "plain_english").passed


def test_good_statements_are_ready_at_their_level():
    """Are good statements at each level accepted as 'Ready'?"""
    for text, level in (
        ("All children and young people in the borough enjoy good physical and mental health", "strategic"),
        ("Young people using the youth service feel more confident meeting new people", "operational"),
        ("I want to walk to the shop on my own", "individual"),
        (BEA, "smart"),
        ("In 6 months, Bea will use her PECS book to choose her lunch at school and at home, every day.", "target"),
    ):
        res = review_outcome(text, level)
        assert res.accepted and res.verdict == "ready" and res.verdict_label == "Ready", (text, res.reasons)


def test_nearly_means_one_thing_would_make_it_ready():
    """When the verdict is 'nearly', does fixing the one failed criterion's weight reach the pass line?"""
    res = review_outcome("Lily will be able to dress herself", "smart")
    assert res.verdict == "nearly" and res.verdict_label == "Nearly: one thing to fix"
    failed = [c for c in res.criteria if not c.passed]
    assert any(res.score + c.weight >= pass_line() for c in failed)


def test_pass_line_and_words_come_from_content_data():
    """Are the pass line and band words read from content/review/bands.json, so every page shares them?"""
    path = resources.files("workshop_kit.content").joinpath("review/bands.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert pass_line() == data["pass_line"]
    res = review_outcome(BEA, "smart")
    assert res.verdict_label == data["bands"][res.verdict]["label"]
    assert res.accepted == (res.score >= data["pass_line"] and not res.failed_gates)


def test_accepted_matches_verdict_on_many_statements():
    """Is 'accepted' True exactly when the verdict is 'ready', and never with a failed gate?"""
    for text in ("Young people are helped", BEA, "Zoe will get better at reading", "Two family support workers", "I want to see my dad every weekend", "Reduce the vacancy rate by 5%"):
        for level in LEVELS:
            res = review_outcome(text, level)
            assert res.accepted == (res.verdict == "ready")
            assert not (res.accepted and res.failed_gates)


def test_empty_text_has_no_verdict():
    """Does empty text give no verdict and accepted False?"""
    res = review_outcome("", "smart")
    assert res.empty and res.verdict == "" and not res.accepted
