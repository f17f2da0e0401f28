"""The 'with young people' page in a real browser: a sorted card and 'I want to...' come back after a reload."""

from __future__ import annotations

from urllib.parse import quote_plus

from kiosk_support import WIDGET_TIMEOUT, open_page

PAGE = "young_people.ipynb"
TABLE = "Young People Table"


def test_answers_survive_a_reload(kiosk, page) -> None:
    """Sort one card and save one 'I want to...'; after a reload are both back on screen?"""
    url = f"{kiosk.url}/voila/render/{PAGE}?group={quote_plus(TABLE)}"
    open_page(page, url)
    page.locator(".kit-notice-success").first.wait_for(timeout=WIDGET_TIMEOUT)
    first = page.locator(".kit-card").first
    first.get_by_role("button", name="Something I want", exact=True).click()
    first.locator(".kit-feedback-success").wait_for(timeout=WIDGET_TIMEOUT)
    box = page.get_by_label("What I want")
    box.fill("I want to go swimming with my friends on Saturdays")
    page.get_by_role("button", name="Save what I want").click()
    page.locator(".kit-notice-success", has_text="Saved.").wait_for(timeout=WIDGET_TIMEOUT)
    open_page(page, url)
    page.locator(".kit-notice-success", has_text="Welcome back").wait_for(timeout=WIDGET_TIMEOUT)
    page.locator(".kit-card").first.locator(".kit-feedback-success").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.get_by_label("What I want").input_value() == "I want to go swimming with my friends on Saturdays"
