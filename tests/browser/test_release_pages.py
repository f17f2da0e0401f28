"""The release's HTML in Chromium: each handout prints on one A4 page, and axe finds nothing serious."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_accessibility import serious

from workshop_kit import content
from workshop_kit.release.guide_html import write_guide
from workshop_kit.release.handouts import write_handouts

ROOT = Path(__file__).resolve().parents[2]
STEPS = content.start_page().steps
HANDOUTS = [f"handouts/{n:02d}_{s.id}.html" for n, s in enumerate(STEPS, 1)]
GUIDE = ["facilitator_guide/index.html", "facilitator_guide/agenda.html", "facilitator_guide/steps/05_homelessness_scenario.html", "facilitator_guide/setting_up_the_room.html"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide and handouts as a release writes them (the same functions, without the slow parts)."""
    folder = tmp_path_factory.mktemp("release-pages")
    write_guide(ROOT / "facilitator_guide", folder / "facilitator_guide", "0.0.0")
    write_handouts(folder / "handouts", "0.0.0")
    return folder


@pytest.mark.parametrize("name", HANDOUTS)
def test_each_handout_prints_on_one_a4_page(pages: Path, page, name: str) -> None:
    """Printed from Chromium to A4, is each step's handout exactly one page?"""
    page.goto((pages / name).as_uri())
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1


@pytest.mark.parametrize("name", ["handouts/index.html", *HANDOUTS, *GUIDE])
def test_release_pages_have_no_serious_accessibility_violations(pages: Path, page, name: str) -> None:
    """Does axe find no serious or critical WCAG 2.2 AA violation on the guide's and handouts' pages?"""
    page.goto((pages / name).as_uri())
    assert page.locator("html").get_attribute("lang") == "en-GB"
    assert serious(page) == []
