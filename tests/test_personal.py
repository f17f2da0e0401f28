"""Personal outcomes: the guide's content, and comparing a rewrite with the weak original."""

from __future__ import annotations

from workshop_kit import content
from workshop_kit.steps.personal_outcomes.logic import compare_rewrite, guide
from workshop_kit.scoring import review_outcome


def test_the_guide_has_the_five_qualities_and_the_four_oars_skills() -> None:
    """Are the five qualities and O, A, R, S from the source all in the guide?"""
    data = guide()
    assert [q.id for q in data.qualities] == ["aspirations", "realistic", "achievable", "meaningful", "evolving"]
    assert "".join(s.letter for s in data.oars) == "OARS"
    assert all(s.prompts for s in data.oars)


def test_the_sort_offers_outcome_or_service_and_quotes_the_source_examples() -> None:
    """Does the sort have the two categories and the source's parenting group, shower and home care items?"""
    exercise = content.sorting_exercise("personal_outcomes_sort")
    assert [c.id for c in exercise.categories] == ["personal_outcome", "service_or_resource"]
    services = {i.text for i in exercise.items if i.accepted == ("service_or_resource",)}
    assert {"A person might attend a parenting group", "Have a walk-in shower fitted", "Receive a home care service"} <= services


def test_every_weak_statement_scores_below_its_model_rewrite() -> None:
    """Does each model rewrite beat the weak statement it replaces, so the exercise can show progress?"""
    for weak in guide().weak_statements:
        comparison = compare_rewrite(weak.text, review_outcome(weak.model_rewrite, "individual"))
        assert comparison.after > comparison.before, weak.id
        assert comparison.summary.startswith("Up ")


def test_a_rewrite_that_names_a_service_gains_nothing() -> None:
    """Is 'Mrs Evans will get a carer' no better than the original, with nothing gained?"""
    weak = guide().weak_statements[0]
    comparison = compare_rewrite(weak.text, review_outcome("Mrs Evans will receive a care package", "individual"))
    assert comparison.after <= comparison.before and "change_for_people" not in comparison.gained


def test_a_worse_rewrite_says_what_was_lost() -> None:
    """If the rewrite drops the person's voice, does the comparison name the loss?"""
    comparison = compare_rewrite("I want to see my friends", review_outcome("Provide a befriending service", "individual"))
    assert comparison.summary.startswith("Down ") and "change_for_people" in comparison.lost


def test_an_empty_rewrite_is_not_compared() -> None:
    """Does an empty rewrite ask for text instead of scoring?"""
    comparison = compare_rewrite("Improve wellbeing", review_outcome("   ", "individual"))
    assert comparison.after is None and "Type a rewrite" in comparison.summary
