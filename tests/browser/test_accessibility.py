"""axe-core inside Playwright, and the page structure a screen reader relies on, on every page the kiosk serves.

The pages are found by listing ``notebooks/`` (and ``dashboard/`` for the
facilitator's page), so a new page is checked without editing this file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from kiosk_support import NOTEBOOKS, WIDGET_TIMEOUT, name_table, new_context, open_page, start_dashboard, stop_kiosk

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
START = "00_start.ipynb"
PAGES = [n.name for n in NOTEBOOKS]
DASHBOARDS = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "dashboard").glob("*.ipynb"))
# words that say nothing about what a chart shows
EMPTY_ALT = {"", "chart", "image", "graph", "figure", "picture", "diagram", "plot"}


def serious(page) -> list:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def structure_problems(page, needs_nav: bool = True) -> list[str]:
    """What the page's landmarks, headings, images and tables lack for someone who cannot see them."""
    found = page.evaluate(
        """() => {
        const cells = document.getElementById('rendered_cells');
        const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
        return {
          main: document.querySelectorAll('main, [role=main]').length,
          nav: [...document.querySelectorAll('nav, [role=navigation]')].filter(visible).map(n => n.getAttribute('aria-label') || ''),
          headings: [...cells.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible).map(h => [Number(h.tagName[1]), h.textContent.trim()]),
          images: [...cells.querySelectorAll('img')].filter(visible).map(i => [i.getAttribute('alt'), i.getAttribute('src').slice(0, 30)]),
          tables: [...cells.querySelectorAll('table')].filter(visible).map(t => ({
            caption: t.caption ? t.caption.textContent.trim() : '',
            headers: t.querySelectorAll('th').length,
            scoped: [...t.querySelectorAll('th')].every(th => th.getAttribute('scope')),
          })),
          lang: document.documentElement.getAttribute('lang') || '',
        };
    }"""
    )
    problems = []
    if found["main"] != 1:
        problems.append(f"{found['main']} main landmarks, not 1")
    if needs_nav and not found["nav"]:
        problems.append("no navigation landmark")
    if any(not label for label in found["nav"]):
        problems.append("a navigation landmark without a name")
    levels = [level for level, _text in found["headings"]]
    if levels[:1] != [1] or levels.count(1) != 1:
        problems.append(f"the page should open with its one h1: {found['headings'][:3]}")
    for (before, _), (after, text) in zip(found["headings"], found["headings"][1:]):
        if after > before + 1:
            problems.append(f"heading h{after} {text!r} skips a level after h{before}")
    for alt, src in found["images"]:
        if alt is None or alt.strip().lower() in EMPTY_ALT or len(alt.split()) < 5:
            problems.append(f"an image ({src}...) without alt text describing it: {alt!r}")
    for table in found["tables"]:
        if not table["headers"] or not table["scoped"] or not table["caption"]:
            problems.append(f"a table without a caption and scoped header cells: {table}")
    if not found["lang"].startswith("en"):
        problems.append(f"the page's language is {found['lang']!r}")
    return problems


def _prepare(page, url: str, notebook: str) -> None:
    """Open a page with a table named and its help showing, so feedback and charts are on screen too."""
    if notebook == START:
        open_page(page, f"{url}/voila/render/{notebook}")
        name_table(page, "Axe Table")
        return
    open_page(page, f"{url}/voila/render/{notebook}?group=Axe+Table")
    page.locator(".kit-notice-success").first.wait_for(timeout=WIDGET_TIMEOUT)
    for label in ("Show a hint", "Show a model answer"):
        button = page.get_by_role("button", name=label)
        if button.count():
            button.first.click()
    if page.get_by_role("button", name="Show a model answer").count():
        page.locator(".kit-model-answer").first.wait_for(timeout=WIDGET_TIMEOUT)


@pytest.mark.parametrize("notebook", PAGES)
def test_no_serious_violations_and_a_sound_structure(kiosk, page, notebook: str) -> None:
    """With the table named and the hints and model answer showing, does axe find no serious or critical WCAG 2.2 AA
    violation, and does the page have one main landmark, named navigation, headings in order from one h1, alt text
    describing every chart, and a caption and scoped header cells on every table?"""
    _prepare(page, kiosk.url, notebook)
    assert serious(page) == []
    assert structure_problems(page) == []


def test_feedback_on_screen_keeps_the_first_step_accessible(kiosk, page) -> None:
    """With feedback of each colour showing, is the sorting page still free of serious violations?"""
    open_page(page, f"{kiosk.url}/voila/render/01_outputs_outcomes_impact.ipynb?group=Axe+Feedback")
    page.locator(".kit-notice-success").first.wait_for()
    cards = page.locator(".kit-card")
    cards.nth(0).get_by_role("button", name="Outcome", exact=True).click()
    cards.nth(1).get_by_role("button", name="Impact", exact=True).click()
    cards.nth(4).get_by_role("button", name="Impact", exact=True).click()
    page.locator(".kit-feedback-debatable").first.wait_for()
    page.locator(".kit-feedback-warning").first.wait_for()
    assert serious(page) == []


@pytest.mark.parametrize("notebook", DASHBOARDS)
def test_the_dashboard_is_accessible(kiosk, browser, tmp_path, notebook: str) -> None:
    """Is the facilitator's page free of serious or critical violations, with its landmarks, headings and tables in order?"""
    dashboard = start_dashboard(kiosk.data_dir, "browser-tests", tmp_path)
    try:
        page = new_context(browser).new_page()
        open_page(page, f"{dashboard.url}/voila/render/{notebook}")
        page.get_by_text("Last refreshed").wait_for(timeout=WIDGET_TIMEOUT)
        assert serious(page) == []
        assert structure_problems(page, needs_nav=False) == []
        page.context.close()
    finally:
        stop_kiosk(dashboard)
