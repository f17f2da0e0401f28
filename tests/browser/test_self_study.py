"""A learner studying alone over two sittings, in Debian's Chromium against a real kiosk."""

from __future__ import annotations

import re
import time

from kiosk_support import WIDGET_TIMEOUT, card, new_context, open_page
from test_accessibility import serious

from workshop_kit import content
from workshop_kit.settings import Settings
from workshop_kit.store import Store

LEARNER = "Sam O'Hara & co"
HOSTILE = '<img src=x onerror="window.hacked=1">Children have fun <script>window.hacked=2</script>'
STEP_ONE = content.sorting_exercise("outputs_outcomes_impact")


def _name_myself(page, name: str) -> None:
    page.get_by_label("Studying alone").check()
    box = page.get_by_label("Your name")
    box.fill(name)
    box.press("Enter")
    page.get_by_text("Saving your answers as").wait_for(timeout=WIDGET_TIMEOUT)


def _rows(kiosk, name: str) -> int:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        return len(store.rows_of(store.group("browser-tests", name)))
    finally:
        store.close()


def _wait_rows(kiosk, name: str, count: int) -> int:
    deadline = time.monotonic() + 120
    while (found := _rows(kiosk, name)) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return found


def _choices() -> list[tuple[int, str]]:
    """Statements 1 and 2 sorted as the sources do, statement 3 not."""
    picked = []
    for number, item in enumerate(STEP_ONE.items[:3], start=1):
        category = item.accepted[0] if number < 3 else next(c.id for c in STEP_ONE.categories if c.id not in item.accepted)
        picked.append((number, STEP_ONE.category(category).label))
    return picked


def test_a_learner_picks_up_in_a_second_sitting_and_keeps_a_summary(kiosk, browser, tmp_path) -> None:
    """Part of a step, browser closed; next sitting: progress shows it scored, 'continue' finds the answers, the summary runs nothing."""
    # -- first sitting: a draft with hostile text, then part of step 1; then the browser is closed
    first = new_context(browser, viewport={"width": 1200, "height": 900})
    page = first.new_page()
    open_page(page, kiosk.url + "/")
    _name_myself(page, LEARNER)
    page.get_by_role("link", name="Drafting outcome statements").click()
    page.get_by_text("Saving your answers as").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_label("Draft 1 wording").fill(HOSTILE)
    page.locator(".kit-draft").nth(0).get_by_role("button", name="Check and save").click()
    page.get_by_text("Saved as version 1").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_role("link", name="Back to the start page").first.click()
    page.get_by_role("link", name="Outputs, outcomes and impact").wait_for(timeout=WIDGET_TIMEOUT)
    page.get_by_role("link", name="Outputs, outcomes and impact").click()
    page.get_by_text("Saving your answers as").wait_for(timeout=WIDGET_TIMEOUT)
    for number, label in _choices():
        card(page, number).get_by_role("button", name=label, exact=True).click()
        card(page, number).locator(".kit-feedback").wait_for(timeout=WIDGET_TIMEOUT)
    assert _wait_rows(kiosk, LEARNER, 4) == 4
    first.close()

    # -- second sitting: a fresh browser, the start page, "Studying alone", the progress page
    second = new_context(browser, viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = second.new_page()
    open_page(page, kiosk.url + "/")
    _name_myself(page, LEARNER)
    page.get_by_role("link", name="Your progress and your summary").click()
    table = page.locator(".kit-progress")
    table.wait_for(timeout=WIDGET_TIMEOUT)
    step_one = table.locator("tbody tr").nth(0).inner_text()
    assert "In progress" in step_one and f"3 of {len(STEP_ONE.items)} statements sorted so far." in step_one
    assert f"2 out of {len(STEP_ONE.items)}: statements sorted the way the sources do" in step_one
    assert "1 of 5 themes drafted." in table.locator("tbody tr").nth(3).inner_text()
    assert table.locator("tbody tr", has_text="Not started").count() == 7
    assert serious(page) == []

    page.get_by_role("link", name="Continue: step 1, Outputs, outcomes and impact").click()
    page.get_by_text("Welcome back. 3 of your earlier answers are shown below.").wait_for(timeout=WIDGET_TIMEOUT)
    for number, label in _choices():
        assert "mod-active" in card(page, number).get_by_role("button", name=label, exact=True).get_attribute("class")

    # -- the summary, from the progress page the step links to
    page.get_by_role("link", name="Your progress and your summary").click()
    page.get_by_role("button", name="Make my summary").click()
    link = page.get_by_role("link", name=re.compile("Download your summary"))
    link.wait_for(timeout=WIDGET_TIMEOUT)
    assert serious(page) == []
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=&quot;window.hacked=1&quot;&gt;Children have fun &lt;script&gt;" in text
    assert "<img src=x" not in text and "<script" not in text
    assert "default-src 'none'" in text
    assert list((kiosk.data_dir / "summaries").glob(saved.name))

    viewer = second.new_page()
    viewer.goto(saved.as_uri())
    viewer.get_by_role("heading", name="Your self-study summary").wait_for()
    assert viewer.evaluate("window.hacked === undefined")
    assert viewer.locator("script, img[src='x']").count() == 0
    assert HOSTILE in viewer.locator("main").inner_text()
    assert "Sam O'Hara & co" in viewer.locator("h1 + p").inner_text()
    second.close()
