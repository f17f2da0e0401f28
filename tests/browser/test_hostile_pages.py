"""Hostile text typed into every text box of every real page in Chromium: nothing runs, everything reads back as typed.

The widget tests (``tests/widgets/test_hostile_text.py``) put every string in
every box; here the same strings go through the real pages, the real kernels and
the browser's own rendering, spread over the boxes of each page, under a table
name that is hostile too. A sentinel (``window.hacked``, which every payload
would set) and a dialog listener prove that nothing ran.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING
from urllib.parse import quote_plus

import pytest
from hostile_strings import HOSTILE, MARKER, NOT_SAVING, shown_form
from kiosk_support import NOTEBOOKS, WIDGET_TIMEOUT, new_context, open_page, start_dashboard, stop_kiosk

from workshop_kit.settings import Settings
from workshop_kit.store import Store

if TYPE_CHECKING:
    from playwright.sync_api import Dialog, Page

# what a browser text box can hold as typed (control characters are left to the widget tests)
BROWSER_HOSTILE = [h.text for h in HOSTILE if not h.widget_only and not h.over_limit]
TABLE = f"<img {MARKER} src=x onerror=window.hacked=9>Table 😀"
PAGES = [n.name for n in NOTEBOOKS]


def _watch(page: Page) -> list[str]:
    """Record every dialog a page tries to open (and dismiss it)."""
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return dialogs


def _nothing_ran(page, dialogs: list[str]) -> None:
    assert page.evaluate("window.hacked === undefined"), f"a payload ran: window.hacked = {page.evaluate('window.hacked')!r}"
    assert dialogs == []
    assert page.locator(f"[{MARKER}]").count() == 0, "an element was made from typed text"
    assert page.locator("#rendered_cells a[href^='javascript:' i]").count() == 0
    scripts = page.evaluate("[...document.querySelectorAll('#rendered_cells script')].map(s => s.textContent)")
    assert not [s for s in scripts if "hacked" in s]
    handlers = page.evaluate("[...document.querySelectorAll('#rendered_cells *')].flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on'))")
    assert handlers == []


def _text_boxes(page):
    return page.locator("#rendered_cells input[type=text]:not(.kit-group-picker input):enabled, #rendered_cells textarea:enabled")


@pytest.mark.parametrize("notebook", PAGES)
def test_hostile_text_in_every_box_runs_nothing_and_reads_back_as_typed(kiosk, page, notebook: str) -> None:
    """Typed into every box of the real page, with every saving button pressed, does no string run, and does each read back?"""
    dialogs = _watch(page)
    open_page(page, f"{kiosk.url}/voila/render/{notebook}?group={quote_plus(TABLE)}")
    page.locator(".kit-notice-success").filter(has_text="Table 😀").first.wait_for(timeout=WIDGET_TIMEOUT)
    assert TABLE in page.locator(".kit-group-picker").inner_text()
    offset = PAGES.index(notebook)
    typed = []
    boxes = _text_boxes(page)
    for n in range(boxes.count()):
        value = f"{BROWSER_HOSTILE[(n + offset) % len(BROWSER_HOSTILE)]} #{n}"
        box = boxes.nth(n)
        box.fill(value)
        box.evaluate("e => e.blur()")  # a box that sends its value on change sends it now
        typed.append(value)
    buttons = page.locator("#rendered_cells button.widget-button:enabled")
    labels = [label.strip() for label in buttons.all_inner_texts()]
    for label in labels:
        if label and not NOT_SAVING.match(label):
            button = page.locator("#rendered_cells button.widget-button:enabled").filter(has_text=re.compile(f"^{re.escape(label)}$"))
            if button.count():
                button.first.click()
    # the kernel answers each press in turn; every typed string must come back as text or stay in its box
    deadline = time.monotonic() + 60
    missing = typed
    while missing and time.monotonic() < deadline:
        text = page.locator("#rendered_cells").inner_text()
        values = page.evaluate("[...document.querySelectorAll('#rendered_cells input, #rendered_cells textarea')].map(e => e.value)")
        missing = [t for t in typed if shown_form(t) not in text and not any(t in v for v in values)]
        time.sleep(0.5)
    assert missing == []
    assert "Something went wrong" not in page.locator("#rendered_cells").inner_text()
    _nothing_ran(page, dialogs)


def test_the_dashboard_shows_the_hostile_pages_work_and_runs_none_of_it(kiosk, browser, tmp_path) -> None:
    """With hostile tables' work saved (by the pages above, and drafts saved here), does the facilitator's page show
    every string as text, step by step, running none of it?"""
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.group("browser-tests", TABLE)
        for n, hostile in enumerate(BROWSER_HOSTILE):
            store.save(group, "drafting_statements", f"extra-{n + 1}", {"text": hostile, "proposed": n == 0})
    finally:
        store.close()
    dashboard = start_dashboard(kiosk.data_dir, "browser-tests", tmp_path)
    try:
        page = new_context(browser, viewport={"width": 1400, "height": 1000}).new_page()
        dialogs = _watch(page)
        open_page(page, dashboard.url + "/")
        page.get_by_text("Last refreshed").wait_for(timeout=WIDGET_TIMEOUT)
        step = page.get_by_label("Step")
        options = step.locator("option").all_inner_texts()
        assert options
        seen = ""
        for option in options:
            step.select_option(label=option)
            page.locator(".kit-dashboard-grid").filter(has_text=f"{option}: tables side by side").wait_for(timeout=WIDGET_TIMEOUT)
            seen += page.locator("#rendered_cells").inner_text()
            _nothing_ran(page, dialogs)
        assert TABLE in seen
        assert [h for h in BROWSER_HOSTILE if shown_form(h) not in seen] == []
        page.get_by_label("Statement", exact=True).select_option(index=0)
        page.get_by_role("button", name="Show full screen").click()
        page.locator(".kit-projected").wait_for(timeout=WIDGET_TIMEOUT)
        _nothing_ran(page, dialogs)
        page.context.close()
    finally:
        stop_kiosk(dashboard)
