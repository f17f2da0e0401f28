"""The start page and the first exercise, in Debian's Chromium against a real kiosk."""

from __future__ import annotations

import json
import time
from urllib.parse import quote

from workshop_kit import content

from kiosk_support import WIDGET_TIMEOUT, card, name_table, new_context, open_page

STEP = "/voila/render/01_outputs_outcomes_impact.ipynb"


def _kernel_id(page) -> str:
    return json.loads(page.locator("#jupyter-config-data").text_content())["kernelId"]


def _saved(kiosk, table: str) -> dict:
    store = kiosk.open_store()
    try:
        group = store.group("browser-tests", table)
        return {item: answer.payload for item, answer in store.latest(group, "outputs_outcomes_impact").items()}
    finally:
        store.close()


def test_the_root_address_opens_the_start_page_with_no_code(kiosk, page) -> None:
    """Does / land on the start page, show no code, link the first step and list the rest as coming?"""
    open_page(page, kiosk.url + "/")
    assert page.url.endswith("/voila/render/00_start.ipynb")
    assert page.locator("h1").first.inner_text() == "Outcomes-based commissioning: a workshop"
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    steps = content.start_page().steps
    for step in steps:
        assert page.get_by_role("link", name=step.title, exact=True).count() == (1 if step.ready else 0)
    assert page.locator(".kit-coming").count() == sum(not step.ready for step in steps)
    assert page.locator("[role=main]").count() == 1
    _title_shown_once(page, content.start_page().title)


def _title_shown_once(page, title: str) -> None:
    """The page's one h1 is its title, and the notebook's lesson cell (for JupyterLab) is not shown again."""
    cells = page.locator("#rendered_cells")
    assert [h.strip() for h in cells.locator("h1").all_inner_texts()] == [title]
    assert cells.inner_text().count(title) == 1
    assert cells.get_by_text("What you will learn").count() == 0
    assert cells.get_by_text("Source documents").count() == 0


def test_a_step_page_shows_its_title_once_though_its_notebook_opens_with_a_lesson(kiosk, page) -> None:
    """Does the step page show its own heading once, with the notebook's lesson cell left out of the kiosk?"""
    open_page(page, f"{kiosk.url}{STEP}?group=Title+Table")
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    _title_shown_once(page, content.start_page().steps[0].title)


def test_odd_names_are_refused_plainly_or_shown_exactly(kiosk, page) -> None:
    """Empty and 10,000-character names get a sentence; HTML, emoji and Arabic are shown as typed."""
    open_page(page, kiosk.url + "/")
    page.get_by_role("button", name="Use this name").click()
    page.get_by_text("Please type a name for your table or group first").wait_for()
    box = page.get_by_label("Table or group name")
    box.fill("n" * 10_000)
    box.press("Enter")
    page.get_by_text("That name is 10,000 characters long").wait_for()
    hostile = '<img src=x onerror="window.hacked=1">Table <b>5</b> 😀 مرحبا'
    name_table(page, hostile)
    notice = page.locator(".kit-notice-success")
    assert hostile in notice.inner_text()
    assert notice.locator("img, b").count() == 0
    assert page.evaluate("window.hacked === undefined")
    link = page.get_by_role("link", name="Outputs, outcomes and impact")
    assert quote(hostile, safe="").replace("%20", "+")[:20] in link.get_attribute("href").replace("%20", "+")
    link.click()
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    page.locator(".kit-notice-success").first.wait_for()
    assert hostile in page.locator(".kit-notice-success").first.inner_text()
    assert page.evaluate("window.hacked === undefined")


def test_answers_by_mouse_and_keyboard_are_saved_and_come_back_on_reload(any_kiosk, page) -> None:
    """Mouse and keyboard answers show feedback, land in the database and survive a reload
    (on a kiosk saving to SQLite, and on one saving to PostgreSQL)."""
    kiosk = any_kiosk
    open_page(page, f"{kiosk.url}{STEP}?group=Browser+Table")
    page.get_by_text("Saving your table's answers as").wait_for()
    # by mouse: statement 8 is "Number of workshops delivered"
    card(page, 8).get_by_role("button", name="Output", exact=True).click()
    card(page, 8).get_by_text("Yes: this is an output.").wait_for()
    # by keyboard: focus the first choice of statement 1, Tab to "Outcome", press Space
    card(page, 1).get_by_role("button", name="Input", exact=True).focus()
    for _ in range(3):
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Outcome"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Space")
    card(page, 1).get_by_text("Yes: this is an outcome.").wait_for()
    # one for discussion, by Enter
    card(page, 6).get_by_role("button", name="Impact", exact=True).focus()
    page.keyboard.press("Enter")
    card(page, 6).get_by_text("For discussion: impact is a fair reading").wait_for()
    card(page, 6).get_by_text("The argument both ways").wait_for()
    page.get_by_text("You have sorted 3 of").wait_for()

    deadline = time.monotonic() + 120
    while len(_saved(kiosk, "Browser Table")) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    saved = _saved(kiosk, "browser table")
    assert saved["cdc-output-1"]["choice"] == "output"
    assert saved["ipc-1"]["choice"] == "outcome"
    assert saved["ipc-6"] == {"choice": "impact", "attempt": 1, "correct": True, "verdict": "debatable"}

    page.reload()
    page.wait_for_selector(".kit-card", timeout=WIDGET_TIMEOUT)
    card(page, 1).get_by_text("Yes: this is an outcome.").wait_for()
    assert "mod-active" in card(page, 8).get_by_role("button", name="Output", exact=True).get_attribute("class")
    assert card(page, 8).get_by_role("button", name="Output", exact=True).get_attribute("aria-pressed") == "true"
    page.get_by_text("Welcome back. 3 of your earlier answers").wait_for()


def test_closing_the_tab_shuts_its_kernel(kiosk, browser) -> None:
    """When a participant closes the tab, is that page's kernel shut down (not refused with 403)?"""
    context = new_context(browser)
    tab = context.new_page()
    open_page(tab, f"{kiosk.url}{STEP}?group=Closing+Table")
    kernel = _kernel_id(tab)
    assert f"Kernel shutdown: {kernel}" not in kiosk.log()
    assert any(kernel in " ".join(p.cmdline()) for p in kiosk.kernel_processes())
    tab.close(run_before_unload=True)
    deadline = time.monotonic() + 120
    while f"Kernel shutdown: {kernel}" not in kiosk.log() and time.monotonic() < deadline:
        time.sleep(0.25)
    context.close()
    assert f"Kernel shutdown: {kernel}" in kiosk.log()
    assert "403 POST /voila/api/shutdown" not in kiosk.log()
    assert kiosk.wait_until_gone(kernel), "the kernel process is still running"
