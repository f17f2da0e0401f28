"""The facilitator's dashboard in Chromium, while several tables write at once."""

from __future__ import annotations

import threading
import urllib.request

from kiosk_support import WIDGET_TIMEOUT, new_context, open_page, start_dashboard, stop_kiosk

from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = [
    "<script>window.hacked=1</script>",
    '<img src=x onerror="window.hacked=2">',
    '<a href="javascript:window.hacked=3">click me</a>',
    "\u202eright-to-left override",
    "😀 مرحبا Bwrdd",
]


def _table_writes(data_dir, table: str, hostile: str) -> None:
    store = Store.from_settings(Settings(data_dir=data_dir))
    group = store.group("browser-tests", table)
    for n in range(5):
        store.save(group, "drafting_statements", f"draft-{n}", {"text": f"{hostile} draft {n}", "proposed": n == 0})
    store.close()


def test_the_dashboard_shows_every_table_exactly_and_runs_none_of_it(kiosk, browser, tmp_path) -> None:
    """With five tables saving hostile text at once, does the dashboard show it all as text?"""
    writers = [threading.Thread(target=_table_writes, args=(kiosk.data_dir, f"Dash {n} {text}", text)) for n, text in enumerate(HOSTILE)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    dashboard = start_dashboard(kiosk.data_dir, "browser-tests", tmp_path)
    try:
        # the participants' address never serves the dashboard
        try:
            urllib.request.urlopen(f"{kiosk.url}/voila/render/dashboard.ipynb")
            served = True
        except urllib.error.HTTPError as refused:
            served = refused.code == 200
        assert not served

        page = new_context(browser, viewport={"width": 1400, "height": 1000}).new_page()
        open_page(page, dashboard.url + "/")
        assert page.url.endswith("/voila/render/dashboard.ipynb")
        page.get_by_text("Facilitator's view").first.wait_for()
        page.get_by_label("Step").select_option(label="Drafting outcome statements")
        grid = page.locator(".kit-dashboard-grid").filter(has_text="Drafting outcome statements: tables side by side")
        grid.wait_for()
        for text in HOSTILE:
            assert f"{text} draft 4" in grid.inner_text()
        assert grid.locator("script, img, a").count() == 0
        # project one statement full screen, then close it
        page.get_by_label("Statement", exact=True).select_option(index=0)
        page.get_by_role("button", name="Show full screen").click()
        projected = page.locator(".kit-projected")
        projected.wait_for()
        assert projected.is_visible()
        page.get_by_role("button", name="Close full screen").click()
        projected.wait_for(state="hidden")
        # a table votes; the count reaches the store and the page
        page.get_by_label("Voting table").select_option(index=0)
        page.get_by_role("button", name="Record this table's vote").click()
        page.get_by_text("Vote recorded.").wait_for()
        # a new table saves: the page refreshes by itself within a few seconds
        _table_writes(kiosk.data_dir, "Late Table", "Families are listened to")
        page.get_by_text("Families are listened to draft 4").wait_for(timeout=WIDGET_TIMEOUT)
        page.get_by_role("button", name="Write-up as HTML").click()
        page.get_by_role("link", name="Download the write-up (HTML").wait_for()
        assert page.evaluate("window.hacked === undefined")
        page.context.close()
    finally:
        stop_kiosk(dashboard)
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        votes = [a for a in store.all_answers("browser-tests") if a.exercise == "room_vote"]
    finally:
        store.close()
    assert len(votes) == 1
