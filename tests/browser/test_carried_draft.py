"""A draft flows through the day in Chromium: what a table saves in step 4 is on its step 6 page, filled in as a
final outcome and marked "from your drafts", with its markup shown as text."""

from __future__ import annotations

from kiosk_support import WIDGET_TIMEOUT, open_page

DRAFT = '<img src=x onerror="window.hacked=1">Disabled young people have friends and things to do near home'


def test_a_step_4_draft_is_on_the_step_6_page_marked_from_your_drafts(kiosk, page) -> None:
    """Save a draft in step 4, open step 6 for the same table: is it in Final outcomes and listed with its origin, nothing run?"""
    open_page(page, f"{kiosk.url}/voila/render/04_drafting_statements.ipynb?group=Carried+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)
    draft = page.locator(".kit-draft").nth(0)
    page.get_by_label("Draft 1 wording").fill(DRAFT)
    draft.get_by_role("button", name="Check and save").click()
    draft.get_by_text("Saved as version").first.wait_for(timeout=WIDGET_TIMEOUT)

    open_page(page, f"{kiosk.url}/voila/render/06_logic_model.ipynb?group=Carried+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)
    panel = page.locator(".kit-starting-rows")
    panel.get_by_text("from your drafts").wait_for(timeout=WIDGET_TIMEOUT)
    assert DRAFT in panel.inner_text()
    assert page.get_by_label("Final outcomes (one card per line)").input_value() == DRAFT
    assert panel.locator("img").count() == 0
    assert page.evaluate("window.hacked === undefined")
