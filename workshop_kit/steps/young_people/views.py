"""What the young people page shows besides its controls, as HTML built from its content (no widgets)."""

from __future__ import annotations

from markupsafe import Markup

from ... import content
from ...markup import render
from ...store import Group
from ...widgets.page_parts import pages_nav
from . import STEP_NOTEBOOK
from .logic import Case, cases, plain_page


def intro_html() -> str:
    """What a personal outcome is and what makes a good one, under its heading."""
    page = plain_page()
    return render("steps/young_people/intro.html", page=page, source=content.sources()[page.source].short)


def case_html(case: Case) -> str:
    """One child's or young person's case, from aspiration to the EHC plan's outcome (all synthetic)."""
    rows = (
        ("What they hope for (aspiration)", case.aspiration),
        (f"What they want now (outcome sought, {case.voice_label})", case.outcome_sought),
        ("How an EHC plan would write it (SMART outcome)", case.ehc_outcome),
        ("A smaller step for one service (target)", case.target),
        ("Written the service-led way (not an outcome)", f"{case.service_led} {case.why_service_led}"),
    )
    return render("steps/young_people/case.html", case=case, rows=rows)


def cases_html() -> str:
    """Every case under its heading, with the note that they are made up and the sources they follow."""
    found = cases()
    named = "; ".join(content.sources()[s].short for s in found.sources)
    return render(
        "steps/young_people/cases.html",
        synthetic_note=found.synthetic_note,
        cases=[Markup(case_html(c)) for c in found.cases],
        named=named,
    )


def nav_html(group: Group | None) -> str:
    return pages_nav(group, [(STEP_NOTEBOOK, "The full personal outcomes step (step 3)")])
