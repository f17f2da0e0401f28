"""The presenter page in a real browser: keys move the slides, large type grows the text, answers survive a reload."""

from __future__ import annotations

from urllib.parse import quote_plus

from kiosk_support import WIDGET_TIMEOUT, open_page

from workshop_kit.steps.presenter.logic import deck

PAGE = "presenter.ipynb"
TABLE = "Presenter Table"


def _where(page) -> str:
    return page.locator(".kit-slide-where").inner_text()


def _wait_for_slide(page, number: int) -> None:
    page.locator(".kit-slide-where", has_text=f"Slide {number} of").wait_for(timeout=WIDGET_TIMEOUT)


def test_arrows_space_home_and_end_move_the_slides(kiosk, page) -> None:
    """From the page body, do right arrow, space, left arrow, End and Home move the slides as they say?"""
    count = len(deck().slides)
    open_page(page, f"{kiosk.url}/voila/render/{PAGE}?group={quote_plus(TABLE)}")
    _wait_for_slide(page, 1)
    page.locator("h1").click()  # focus on the page, not in a box
    page.keyboard.press("ArrowRight")
    _wait_for_slide(page, 2)
    page.keyboard.press(" ")
    _wait_for_slide(page, 3)
    page.keyboard.press("ArrowLeft")
    _wait_for_slide(page, 2)
    page.keyboard.press("End")
    _wait_for_slide(page, count)
    assert page.get_by_role("button", name="Next slide").is_disabled()
    page.keyboard.press("Home")
    _wait_for_slide(page, 1)
    page.get_by_role("button", name="Next slide").click()  # focus now on a button: arrows still move
    _wait_for_slide(page, 2)
    page.keyboard.press("ArrowRight")
    _wait_for_slide(page, 3)
    assert "Agenda slot" in _where(page)


def test_large_type_makes_the_slide_text_bigger(kiosk, page) -> None:
    """Does the large-type switch make the slide's points much larger, and back?"""
    open_page(page, f"{kiosk.url}/voila/render/{PAGE}")
    point = page.locator(".kit-slide-points li").first
    point.wait_for(timeout=WIDGET_TIMEOUT)
    normal = float(point.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    page.get_by_role("button", name="Large type for a projector").click()
    page.locator(".kit-slides-large").wait_for(timeout=WIDGET_TIMEOUT)
    large = float(point.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert large >= 1.5 * normal


def test_a_check_answer_survives_a_reload(kiosk, page) -> None:
    """Is a table's answer to a check question shown again, with its feedback, after the page is reloaded?"""
    number = deck().index_of("cycle") + 1
    url = f"{kiosk.url}/voila/render/{PAGE}?group={quote_plus(TABLE + ' reload')}"
    open_page(page, url)
    _wait_for_slide(page, 1)
    page.locator("h1").click()
    for n in range(2, number + 1):
        page.keyboard.press("ArrowRight")
        _wait_for_slide(page, n)
    page.get_by_role("radio", name="Review").check()
    page.get_by_role("button", name="Check our answer").click()
    page.locator(".kit-notice-success", has_text="Yes.").wait_for(timeout=WIDGET_TIMEOUT)
    open_page(page, url)
    page.locator(".kit-notice-success", has_text="Welcome back").wait_for(timeout=WIDGET_TIMEOUT)
    page.locator("h1").click()
    for n in range(2, number + 1):
        page.keyboard.press("ArrowRight")
        _wait_for_slide(page, n)
    page.locator(".kit-notice-success", has_text="Yes.").wait_for(timeout=WIDGET_TIMEOUT)
    assert page.get_by_role("radio", name="Review").is_checked()
