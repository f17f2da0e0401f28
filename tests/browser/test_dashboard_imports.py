"""Importing the area's own material on the facilitator's dashboard in Chromium: choose, preview, confirm."""

from __future__ import annotations

from kiosk_support import WIDGET_TIMEOUT, open_page, start_dashboard, stop_kiosk
from test_accessibility import serious, structure_problems

from workshop_kit.settings import Settings
from workshop_kit.store import Store

HOSTILE = '<img src=x onerror="window.hacked=1">'
SESSION = "browser-imports"


def _imports(data_dir) -> list:
    store = Store.from_settings(Settings(data_dir=data_dir))
    try:
        return store.imports_in(SESSION)
    finally:
        store.close()


def test_a_facilitator_previews_then_imports_indicator_data_and_a_bad_file_is_refused(browser, tmp_path) -> None:
    """Does a chosen file show what the kit read (escaped, accessible) and store nothing until Import it; is a bad
    file refused with its rows and columns and left unstored?"""
    data_dir = tmp_path / "data"
    Store.from_settings(Settings(data_dir=data_dir)).close()
    good = tmp_path / "area figures.csv"
    good.write_text(f"Indicator,Period,Value,Area\nEHC plans within 20 weeks,2022-23,51,{HOSTILE}\nEHC plans within 20 weeks,2023-24,49.5,{HOSTILE}\n", encoding="utf-8")
    bad = tmp_path / "bad figures.csv"
    bad.write_text("Indicator,Period,Value\nNEET,2023-24,five\nNEET,someday,4\n", encoding="utf-8")
    dashboard = start_dashboard(data_dir, SESSION, tmp_path)
    try:
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        open_page(page, dashboard.url + "/")
        page.get_by_text("The area's own material").first.wait_for(timeout=WIDGET_TIMEOUT)
        page.get_by_label("What the file holds").select_option(label="The area's indicator data")
        upload = page.get_by_role("button", name="Choose a file")

        def choose(path) -> None:
            with page.expect_file_chooser(timeout=WIDGET_TIMEOUT) as chooser:
                upload.click()
            chooser.value.set_files(str(path))

        choose(bad)
        page.get_by_text("bad figures.csv cannot be imported (2 problems)").wait_for(timeout=WIDGET_TIMEOUT)
        assert 'Row 2, column C ("Value")' in page.inner_text("body") and 'Row 3, column B ("Period")' in page.inner_text("body")
        assert page.get_by_role("button", name="Import it").is_disabled()
        choose(good)
        page.get_by_text("area figures.csv can be imported").wait_for(timeout=WIDGET_TIMEOUT)
        preview = page.locator("table").filter(has_text="The first rows of area figures.csv")
        assert HOSTILE in preview.inner_text() and preview.locator("img").count() == 0
        assert _imports(data_dir) == []
        assert serious(page) == []
        assert structure_problems(page, needs_nav=False) == []
        page.get_by_role("button", name="Import it").click()
        page.get_by_text("Imported area figures.csv into session").wait_for(timeout=WIDGET_TIMEOUT)
        found = _imports(data_dir)
        assert [(i.kind, i.file_name, i.row_count) for i in found] == [("indicators", "area figures.csv", 2)]
        assert page.evaluate("window.hacked === undefined")
        page.context.close()
    finally:
        stop_kiosk(dashboard)
