"""The facilitator guide's answer keys match the pages: every key item is on its page, every page item has a key."""

from __future__ import annotations

import pytest

from workshop_kit import content, guide
from workshop_kit.steps import PAGE_ITEMS, page_items

STEPS = [step.id for step in content.start_page().steps]


def test_every_step_says_what_its_page_shows() -> None:
    """Does every step on the start page have a list of page items (so no key can go unchecked)?"""
    assert sorted(PAGE_ITEMS) == sorted(STEPS)


@pytest.mark.parametrize("step_id", STEPS)
def test_every_key_item_is_on_the_page(step_id: str) -> None:
    """Is each answer-key entry in the guide something the step's page actually shows?"""
    on_page = set(page_items(step_id))
    assert on_page, f"{step_id}: the page shows no items"
    missing = [entry.item for entry in guide.guide_step(step_id).answer_key if entry.item not in on_page]
    assert not missing, f"{step_id}: the guide's key lists items not on the page: {missing}"


@pytest.mark.parametrize("step_id", STEPS)
def test_every_page_item_has_a_key(step_id: str) -> None:
    """Does every item the page shows have an entry in the guide's answer key, once?"""
    keyed = [entry.item for entry in guide.guide_step(step_id).answer_key]
    assert len(keyed) == len(set(keyed)), f"{step_id}: an item is keyed twice"
    unkeyed = [item for item in page_items(step_id) if item not in keyed]
    assert not unkeyed, f"{step_id}: page items with no key: {unkeyed}"


def test_a_key_item_missing_from_the_page_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Would the check fail if a page lost an item the guide still keys?"""
    real = PAGE_ITEMS["indicators"]
    monkeypatch.setitem(PAGE_ITEMS, "indicators", lambda: real()[1:])
    with pytest.raises(AssertionError, match="not on the page"):
        test_every_key_item_is_on_the_page("indicators")
