"""The drafting page without a browser: drafts reviewed, saved as versions, restored and proposed."""

from __future__ import annotations

import asyncio
import threading

import ipywidgets as widgets
import pytest

from workshop_kit import context
from workshop_kit.steps.drafting_statements.logic import load
from workshop_kit.steps.drafting_statements import page as drafting_statements
from workshop_kit.steps.drafting_statements.page import EXERCISE, DraftingBoard
from workshop_kit.store import Store
from workshop_kit.widgets.group_picker import GroupPicker

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)> Children have fun",
    "Children and young people have fun 😀🎉",
    "الأطفال والشباب لديهم أصدقاء",
]


PAGE_SESSION, PAGE_QUERY = "drafting", ""
pytestmark = pytest.mark.usefixtures("page_context")


def _board(store: Store, name: str | None = "Table 1"):
    board = DraftingBoard(load(), store)
    picker = GroupPicker(store, "day", board.set_group)
    if name is not None:
        picker.name.value = name
    return picker, board


def _rows(store: Store, name: str = "Table 1", item: str | None = None):
    return [a.payload for a in store.history(store.group("day", name), EXERCISE, item)]


def test_nothing_can_be_typed_before_the_table_is_named(store: Store) -> None:
    """Are the drafts disabled, with a sentence saying why, and is nothing saved?"""
    _picker, board = _board(store, None)
    assert all(card.box.disabled and card.check_button.disabled for card in board.cards)
    assert board.add_button.disabled
    assert "name at the top" in board.status.value
    assert store.count_answers() == 0


def test_service_led_wording_is_flagged_and_saved_as_version_one(store: Store) -> None:
    """Does 'Provide access to...' get a service-led warning and a rewrite, and land in the store?"""
    _picker, board = _board(store)
    card = board.card("fun")
    card.box.value = "Provide access to fun activities for disabled children"
    card.check_button.click()
    assert "Service-led wording" in card.feedback.value
    assert "Children and young people do fun things" in card.feedback.value
    assert "Saved as version 1" in card.status.value
    [row] = _rows(store, item="fun")
    assert row["text"] == "Provide access to fun activities for disabled children"
    assert row["service_led"] is True and row["kind"] == "output" and row["version"] == 1
    assert row["theme"] == "fun" and row["proposed"] is False and row["trigger"] == "check"


def test_an_outcome_in_their_voice_is_not_flagged(store: Store) -> None:
    """Is a good strategic outcome reviewed without a service-led warning?"""
    _picker, board = _board(store)
    card = board.card("relationships")
    card.box.value = "Children and young people have good relationships with friends and family"
    board.check(card)
    assert "Service-led" not in card.feedback.value
    assert "<strong>Ready</strong> as a strategic outcome" in card.feedback.value and "score 100 out of 100" in card.feedback.value
    assert _rows(store, item="relationships")[0]["verdict"] == "ready" and _rows(store, item="relationships")[0]["accepted"] is True
    assert _rows(store, item="relationships")[0]["service_led"] is False


def test_checking_an_unchanged_draft_saves_no_new_row(store: Store) -> None:
    """Do a pause and a Check on the same wording save just one version?"""
    _picker, board = _board(store)
    card = board.card("health")
    card.box.value = "Children are as healthy as possible"
    board.check(card, "pause")
    card.check_button.click()
    assert len(_rows(store, item="health")) == 1


def test_typing_waits_for_a_pause_before_reviewing(store: Store) -> None:
    """With an event loop, do several keystrokes lead to one review and one save after the pause?"""
    _picker, board = _board(store)
    board.pause = 0.05
    card = board.card("work")

    async def type_then_wait() -> None:
        for so_far in ("Young", "Young people", "Young people get the jobs they want"):
            card.box.value = so_far
            await asyncio.sleep(0.01)
        assert card.feedback.value == ""  # still typing: no review yet
        await asyncio.sleep(0.2)

    # A thread of its own, so an event loop elsewhere in the test run (Playwright's) cannot interfere.
    failures: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(type_then_wait())
        except BaseException as problem:  # noqa: BLE001 - re-raised below in the test's thread
            failures.append(problem)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=30)
    if failures:
        raise failures[0]
    rows = _rows(store, item="work")
    assert [r["text"] for r in rows] == ["Young people get the jobs they want"]
    assert rows[0]["trigger"] == "pause"
    assert "as a strategic outcome" in card.feedback.value and "kit-verdict" in card.feedback.value


def test_versions_history_restore_and_reload(store: Store) -> None:
    """Is each change a new version, shown in the history, restorable as a new version, and back on reload?"""
    picker, board = _board(store)
    card = board.card("independence")
    for wording in ("Deliver travel training", "Young people travel on their own"):
        card.box.value = wording
        card.check_button.click()
    assert "Version 2: <bdi>Young people travel on their own</bdi>" in card.history_view.value
    card.version_choice.value = 1
    card.restore_button.click()
    assert card.box.value == "Deliver travel training"
    rows = _rows(store, item="independence")
    assert [(r["text"], r["version"], r["restored_from"]) for r in rows] == [("Deliver travel training", 1, None), ("Young people travel on their own", 2, None), ("Deliver travel training", 3, 1)]
    _picker2, again = _board(store)
    reloaded = again.card("independence")
    assert reloaded.box.value == "Deliver travel training"
    assert "restored from version 1" in reloaded.history_view.value
    assert [o[1] for o in reloaded.version_choice.options] == [3, 2, 1]
    assert "Welcome back" in again.status.value
    assert len(_rows(store, item="independence")) == 3  # reloading saves nothing


def test_proposing_to_the_room_is_saved_and_listed(store: Store) -> None:
    """Does ticking 'Propose' save a row with proposed=True and list the draft for the room?"""
    _picker, board = _board(store)
    card = board.card("fun")
    card.box.value = "We do activities we enjoy with our friends"
    card.check_button.click()
    card.proposed.value = True
    rows = _rows(store, item="fun")
    assert [r["proposed"] for r in rows] == [False, True]
    assert rows[-1]["trigger"] == "propose"
    assert "We do activities we enjoy with our friends" in board.proposed_view.value
    _picker2, again = _board(store)
    assert again.card("fun").proposed.value is True


def test_proposing_an_empty_draft_is_refused_plainly(store: Store) -> None:
    """Is an empty draft unticked with a sentence, and nothing saved?"""
    _picker, board = _board(store)
    card = board.card("health")
    card.proposed.value = True
    assert card.proposed.value is False
    assert "Write a draft before proposing" in card.status.value
    assert store.count_answers() == 0


def test_added_drafts_are_saved_and_come_back(store: Store) -> None:
    """Does 'Add another draft' give a new box whose wording is saved as extra-1 and back on reload?"""
    _picker, board = _board(store)
    card = board.add_draft()
    assert card is not None and card.item_id == "extra-1"
    card.box.value = "Families feel listened to"
    card.check_button.click()
    assert _rows(store, item="extra-1")[0]["theme"] is None
    _picker2, again = _board(store)
    assert again.card("extra-1").box.value == "Families feel listened to"
    assert again.add_draft().item_id == "extra-2"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_shown_escaped_and_saved_exactly(store: Store, hostile: str) -> None:
    """Is markup, emoji or Arabic saved exactly and shown only escaped?"""
    _picker, board = _board(store)
    card = board.card("fun")
    card.box.value = hostile
    card.check_button.click()
    card.proposed.value = True
    assert _rows(store, item="fun")[-1]["text"] == hostile
    for shown in (card.history_view.value, board.proposed_view.value, card.feedback.value):
        assert "<script>" not in shown and "<img" not in shown
    assert "&lt;" in card.history_view.value or "<" not in hostile


def test_ten_thousand_characters_get_a_sentence_and_are_not_saved(store: Store) -> None:
    """Is a 10,000-character draft refused with a plain sentence, no crash and no row?"""
    _picker, board = _board(store)
    card = board.card("work")
    card.box.value = "x" * 10_000
    card.check_button.click()
    assert "10,000 characters long" in card.feedback.value
    assert "Not saved" in card.status.value
    assert store.count_answers() == 0


def test_a_failed_save_says_so_plainly(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the store fails, is there a plain sentence and no traceback?"""
    _picker, board = _board(store)

    def broken(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(store, "save", broken)
    card = board.card("fun")
    card.box.value = "Children have fun"
    card.check_button.click()
    assert "We could not save that just now" in card.status.value
    assert "Traceback" not in card.status.value + card.feedback.value


def test_the_page_starts_again_for_the_next_group_without_deleting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does 'Start again' clear the drafts and disable them, keeping every saved row?"""
    monkeypatch.setenv("QUERY_STRING", "group=Table+7")
    context.query_string.cache_clear()
    page = drafting_statements.build()
    board = page.board
    card = board.card("fun")
    assert not card.box.disabled
    card.box.value = "We have fun with friends"
    card.check_button.click()
    extra = board.add_draft()
    page.start_again()
    assert all(c.box.value == "" and c.box.disabled for c in board.cards)
    assert len(board.cards) == len(load().themes)
    assert context.store().count_answers() == 1
    assert extra is not None


def test_the_page_has_hints_a_model_answer_and_labelled_controls(monkeypatch: pytest.MonkeyPatch) -> None:
    """Does every control have a label, and does the page offer hints and a model answer?"""
    page = drafting_statements.build()
    stack, found = [page], []
    while stack:
        current = stack.pop()
        if isinstance(current, (widgets.Textarea, widgets.Button, widgets.Checkbox, widgets.Dropdown)):
            found.append(current)
            assert current.description, f"{type(current).__name__} has no label"
        stack.extend(getattr(current, "children", ()))
    descriptions = {w.description for w in found}
    assert {"Show a hint", "Show a model answer", "Start again for the next group", "Add another draft"} <= descriptions
    assert "Draft 1 wording" in descriptions
