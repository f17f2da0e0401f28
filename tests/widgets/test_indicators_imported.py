"""The indicators step on the area's own data: imported figures replace the synthetic set, and every chart says which."""

from __future__ import annotations

from pathlib import Path

import pytest

from workshop_kit import context
from workshop_kit.steps.indicators import curve_chart
from workshop_kit.steps.indicators import logic as ind
from workshop_kit.export import export_bytes
from workshop_kit.importing import import_file
from workshop_kit.steps.indicators import page as indicators

DATA = (
    "Indicator,Period,Value,Area,Unit\n"
    "EHC plans issued within 20 weeks,2020-21,58,Northbrook,%\n"
    "EHC plans issued within 20 weeks,2021-22,55,Northbrook,%\n"
    "EHC plans issued within 20 weeks,2022-23,51,Northbrook,%\n"
    "EHC plans issued within 20 weeks,2023-24,49.5,Northbrook,%\n"
    "<b>Referrals</b> $x$,2024-Q1,10,Eastvale,count\n"
    "<b>Referrals</b> $x$,2024-Q2,12,Eastvale,count\n"
)


@pytest.fixture(autouse=True)
def fresh_context(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WORKSHOP_KIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("WORKSHOP_KIT_SESSION", "council")
    monkeypatch.setenv("QUERY_STRING", "group=Table+1")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()
    yield
    context.store().close()
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()


def _import(tmp_path: Path) -> None:
    path = tmp_path / "area figures.csv"
    path.write_text(DATA, encoding="utf-8")
    import_file(context.store(), "council", "indicators", path)


def test_without_an_import_the_synthetic_data_is_used() -> None:
    data = ind.data_for(context.store(), "council")
    assert data.synthetic and data.indicator_choices() == ind.indicator_choices()
    c = data.curve("neet_16_17", "Kingsmere")
    assert c == ind.curve("neet_16_17", "Kingsmere")
    assert curve_chart.draw(c, None)[1].startswith("Synthetic data.")


def test_an_imported_series_is_forecast_in_its_own_periods_and_says_whose_data(tmp_path: Path) -> None:
    """Are financial years forecast as financial years, the trend given per year, and the data named as the area's?"""
    _import(tmp_path)
    data = ind.data_for(context.store(), "council")
    assert not data.synthetic and data.source == "the area's own data, imported from area figures.csv"
    c = data.curve("EHC plans issued within 20 weeks", "Northbrook")
    assert c.periods == ("2020-21", "2021-22", "2022-23", "2023-24") and c.forecast_periods == ("2024-25", "2025-26", "2026-27")
    assert c.direction == "falling" and c.step == "year"
    png, alt = curve_chart.draw(c, 60.0)
    assert png[:4] == b"\x89PNG"
    assert alt.startswith("The area's own data, imported from area figures.csv. Line chart of EHC plans issued within 20 weeks in Northbrook, yearly")
    assert "a year)" in alt and "Synthetic" not in alt
    quarters = data.curve("<b>Referrals</b> $x$", "Eastvale")
    assert quarters.forecast_periods[:2] == ("2024-Q3", "2024-Q4")


def test_the_page_offers_the_areas_indicators_and_saves_the_figures_with_the_curve(tmp_path: Path) -> None:
    """Does the step list the imported indicators, draw them saying so, and save a curve the write-up can draw again?"""
    _import(tmp_path)
    page = indicators.build()
    e = page.exercise
    assert [value for _label, value in e.curve.indicator.options] == ["EHC plans issued within 20 weeks", "<b>Referrals</b> $x$"]
    assert "the area&#x27;s own data, imported from area figures.csv" in "".join(w.value for w in e.view.children if hasattr(w, "value") and isinstance(w.value, str))
    e.curve.indicator.value, e.curve.area.value = "EHC plans issued within 20 weeks", "Northbrook"
    assert "The area&#x27;s own data, imported from area figures.csv. Line chart of" in e.curve.curve_html.value
    e.curve.area.value = "Eastvale"  # this indicator has no figures there
    assert "no figures for this indicator in this area" in e.curve.curve_html.value
    e.curve.indicator.value, e.curve.area.value = "<b>Referrals</b> $x$", "Eastvale"
    assert "<b>Referrals</b>" not in e.curve.curve_html.value
    e.curve.indicator.value, e.curve.area.value = "EHC plans issued within 20 weeks", "Northbrook"
    e.curve.target.value = 70.0
    e.curve.draw_curve.click()
    store = context.store()
    saved = store.latest(store.group("council", "Table 1"), "indicators")["curve"].payload
    assert saved["data"] == "imported" and saved["series"]["values"] == [58.0, 55.0, 51.0, 49.5]
    page_html = export_bytes(store, "council", "html").decode("utf-8")
    assert "Data: the area&#x27;s own data, imported from area figures.csv." in page_html
    assert ind.curve_from_payload(saved).forecast_periods[-1] == "2026-27"
