"""The facilitator's grid shows the review's verdict in words, read from what the page saved."""

from datetime import datetime, timezone

from workshop_kit.dashboard.render import answer_text, verdict_label
from workshop_kit.scoring import review_outcome
from workshop_kit.store import Answer
from workshop_kit.widgets.verdict import verdict_fields


def _answer(payload: dict) -> Answer:
    return Answer(1, "Table 1", "personal_rewrite", "home-care", payload, datetime.now(timezone.utc))


def test_a_saved_verdict_is_shown_in_words_with_the_score() -> None:
    """Does a saved review show 'Rework, score 40' (not the bare score), escaped like any other text?"""
    review = review_outcome("Ella will go to a social skills group", "individual")
    payload = {"text": "Ella will go to a social skills group", "score": review.score, **verdict_fields(review)}
    assert verdict_label(payload) == f"Rework, score {review.score}"
    assert answer_text(_answer(payload)).endswith(f"(Rework, score {review.score})")


def test_answers_saved_before_verdicts_still_show_their_score() -> None:
    """Does an answer saved without a verdict (an older row) still show its review score?"""
    assert answer_text(_answer({"text": "Children are happy", "score": 90})) == "Children are happy (review score 90)"
    assert verdict_label({"verdict": "<script>", "score": 1}) == ""
