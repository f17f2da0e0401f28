"""The pure logic of the drafting step: service-led wording, rewrites, versions and draft ids."""

from __future__ import annotations

from workshop_kit.steps.drafting_statements import logic as drafting


def _content():
    return drafting.load()


def test_the_themes_are_the_five_common_ones() -> None:
    """Does the content offer the five common themes of strategic outcomes, each with a model answer?"""
    labels = [t.label for t in _content().themes]
    assert len(labels) == 5
    assert any("fun" in label for label in labels) and any("work" in label for label in labels)
    assert all(t.model_answer for t in _content().themes)


def test_provision_wording_is_flagged_with_a_rewrite_in_their_voice() -> None:
    """Is 'Provide access to fun activities' flagged as service-led, with a 'Children and young people' rewrite?"""
    fun = _content().theme("fun")
    result = drafting.review_draft("Provide access to fun activities for disabled children", fun, _content())
    assert result.service_led
    assert any("'provide'" in r for r in result.service_reasons)
    assert any("'access to'" in r for r in result.service_reasons)
    assert "Children and young people" in result.suggestion
    assert "fun activities" in result.suggestion


def test_receiving_a_service_is_flagged_even_when_it_names_people() -> None:
    """Is 'Young people receive support...' flagged because of the word 'receive'?"""
    result = drafting.review_draft("Young people receive support to get ready for work", None, _content())
    assert result.service_led
    assert any("'receive'" in r for r in result.service_reasons)


def test_a_change_in_their_own_voice_is_not_flagged() -> None:
    """Is an outcome in the voice of children and young people left unflagged, with a review score?"""
    result = drafting.review_draft("Children and young people have good relationships with friends and family", _content().theme("relationships"), _content())
    assert not result.service_led
    assert result.suggestion == ""
    assert result.kind == "outcome"
    assert result.review is not None and result.review.score is not None


def test_provision_words_match_whole_words_only() -> None:
    """Does 'offered' not count as 'offer', while 'Access  to' (odd spacing, capitals) counts?"""
    words = ("offer", "access to")
    assert drafting.provision_words_in("They offered help", words) == ()
    assert drafting.provision_words_in("Better ACCESS  to parks", words) == ("access to",)


def test_empty_and_over_long_drafts_are_not_reviewed() -> None:
    """Are blank drafts empty and 10,000-character drafts refused without a review?"""
    assert drafting.review_draft("   ", None, _content()).empty
    long = drafting.review_draft("a" * 10_000, None, _content())
    assert long.too_long and long.review is None
    assert "10,000 characters" in drafting.too_long_message(10_000, _content().max_chars)


def test_a_rewrite_without_a_theme_still_starts_with_the_people() -> None:
    """Without a theme, does the suggestion still start from children and young people?"""
    suggestion = drafting.rewrite_suggestion("Deliver 20 youth clubs", None)
    assert "Children and young people" in suggestion
    assert "20 youth clubs" in suggestion


def test_versions_are_numbered_and_keep_restores_and_proposals() -> None:
    """Are saved rows numbered from 1, skipping rows without text, with proposals and restores kept?"""
    found = drafting.versions([{"text": "a"}, {"nope": 1}, {"text": "b", "proposed": True}, {"text": "a", "restored_from": 1}])
    assert [(v.number, v.text, v.proposed, v.restored_from) for v in found] == [(1, "a", False, None), (2, "b", True, None), (3, "a", False, 1)]


def test_extra_draft_ids_count_on_from_the_highest() -> None:
    """After extra-1 and extra-3, is the next draft extra-4, and are extras sorted by number?"""
    assert drafting.next_extra_id(["fun", "extra-1", "extra-3"]) == "extra-4"
    assert drafting.next_extra_id(["fun"]) == "extra-1"
    assert drafting.extra_ids(["extra-10", "fun", "extra-2", "extra-x"]) == ["extra-2", "extra-10"]


def test_previews_are_one_short_line() -> None:
    """Is a long, multi-line wording shown as one line of at most 70 characters?"""
    shown = drafting.preview("line one\nline two " + "x" * 100)
    assert "\n" not in shown and len(shown) == 70 and shown.endswith("…")
