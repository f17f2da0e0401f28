"""The action-planning step without a browser."""

from __future__ import annotations

import datetime

from workshop_kit.steps.action_planning import page as action_planning

HOSTILE = "<script>window.hacked=1</script><img src=x onerror=alert(1)> 😀 مرحبا"


def _named(page_context, name: str = "Table 1"):
    page = action_planning.build()
    page.picker.name.value = name
    return page, page.plan


def test_nothing_can_be_typed_until_the_table_is_named(page_context) -> None:
    """Are the plan's boxes disabled until the table has a name?"""
    page = action_planning.build()
    assert all(box.disabled for box in page.plan.boxes.values())
    assert page.plan.save.disabled


def test_the_plan_and_actions_are_saved_and_come_back(page_context) -> None:
    """Does a saved plan, date and action come back when the table reopens the page?"""
    _, plan = _named(page_context)
    plan.boxes["consultation"].value = "Parent carer forum in March"
    plan.follow_up.value = datetime.date(2027, 3, 4)
    plan.save.click()
    assert "Plan saved" in plan.status.value
    plan.action.value = "Book the youth council"
    plan.owner.value = "Participation officer"
    plan.due.value = "April"
    plan.add.click()
    assert "Book the youth council" in plan.actions.value
    _, again = _named(page_context, " table 1 ")
    assert again.boxes["consultation"].value == "Parent carer forum in March"
    assert again.follow_up.value == datetime.date(2027, 3, 4)
    assert "Participation officer" in again.actions.value
    group = page_context.store().group("pages", "Table 1")
    saved = page_context.store().latest(group, "action_planning")
    assert saved["plan"].payload["follow_up"] == "2027-03-04"
    assert saved["action-1"].payload == {"action": "Book the youth council", "owner": "Participation officer", "due": "April"}


def test_empty_and_enormous_text_get_a_sentence_and_save_nothing(page_context) -> None:
    """Is an empty plan or a 10,000-character box refused plainly, with nothing saved?"""
    _, plan = _named(page_context)
    plan.save.click()
    assert "The plan is empty" in plan.status.value
    plan.boxes["contracts"].value = "x" * 10_000
    plan.save.click()
    assert "10,000 characters long" in plan.status.value
    plan.add.click()
    assert "Type the action first" in plan.status.value
    assert page_context.store().count_answers() == 0


def test_hostile_text_is_saved_exactly_and_shown_escaped(page_context) -> None:
    """Is script-like text stored as typed and shown only as text?"""
    _, plan = _named(page_context)
    plan.action.value = HOSTILE
    plan.owner.value = HOSTILE
    plan.add.click()
    assert "<script>" not in plan.actions.value and "<img" not in plan.actions.value
    assert "&lt;script&gt;window.hacked=1&lt;/script&gt;" in plan.actions.value
    group = page_context.store().group("pages", "Table 1")
    assert page_context.store().latest(group, "action_planning")["action-1"].payload["action"] == HOSTILE.strip()
