"""What a page sends its kernel is limited and checked, in Chromium against a real kiosk."""

from __future__ import annotations

from kiosk_support import WIDGET_TIMEOUT, open_page

from workshop_kit.widgets.inbound import MAX_TEXT_CHARS

DRAFTING = "/voila/render/04_drafting_statements.ipynb"


def test_an_enormous_paste_is_cut_at_the_box_and_explained(kiosk, page) -> None:
    """Is a 38,000-character paste cut to the kernel's limit in the box, then explained by the step?"""
    open_page(page, f"{kiosk.url}{DRAFTING}?group=Paste+Table")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)
    box = page.locator(".kit-draft textarea").first
    box.fill("Children have fun. " * 2000)
    assert len(box.input_value()) == MAX_TEXT_CHARS
    box.press("Tab")
    page.get_by_text(f"This draft is {MAX_TEXT_CHARS:,} characters long").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.locator(".kit-refusal").is_hidden()
