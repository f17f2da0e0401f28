"""What the young people page shows besides its controls, as HTML built from its content (no widgets)."""

from __future__ import annotations

import html

from ... import content
from ...store import Group
from ...widgets.page_parts import START_NOTEBOOK, step_link
from . import STEP_NOTEBOOK
from .logic import Case, cases, plain_page


def intro_html() -> str:
    page = plain_page()
    sentences = "".join(f"<p>{html.escape(s)}</p>" for s in page.intro)
    good = "".join(f"<li>{html.escape(s)}</li>" for s in page.good_outcome)
    return f'{sentences}<h2>A good outcome</h2><ul>{good}</ul><p class="kit-source">From {html.escape(content.sources()[page.source].short)}, in plain words.</p>'


def case_html(case: Case) -> str:
    """One child's or young person's case, from aspiration to the EHC plan's outcome (all synthetic)."""
    rows = (
        ("What they hope for (aspiration)", case.aspiration),
        (f"What they want now (outcome sought, {case.voice_label})", case.outcome_sought),
        ("How an EHC plan would write it (SMART outcome)", case.ehc_outcome),
        ("A smaller step for one service (target)", case.target),
        ("Written the service-led way (not an outcome)", f"{case.service_led} {case.why_service_led}"),
    )
    body = "".join(f'<tr><th scope="row">{html.escape(label)}</th><td>{html.escape(value)}</td></tr>' for label, value in rows)
    return (
        f'<div class="kit-card"><h3>{html.escape(case.name)}, {html.escape(case.age)}: {html.escape(case.stage_label)} (synthetic)</h3>'
        f"<p>{html.escape(case.about)}</p>"
        f'<table class="kit-table"><caption>{html.escape(case.name)}\'s outcome, step by step</caption><tbody>{body}</tbody></table></div>'
    )


def cases_html() -> str:
    found = cases()
    named = "; ".join(content.sources()[s].short for s in found.sources)
    return (
        f"<p>{html.escape(found.synthetic_note)}</p>"
        + "".join(case_html(c) for c in found.cases)
        + f'<p class="kit-source">The steps from aspiration to target follow {html.escape(named)}. The people are made up.</p>'
    )


def nav_html(group: Group | None) -> str:
    start = html.escape(step_link(START_NOTEBOOK, group), quote=True)
    step = html.escape(step_link(STEP_NOTEBOOK, group), quote=True)
    return (
        '<nav class="kit-step-nav" aria-label="Move between pages"><ul>'
        f'<li><a href="{step}">The full personal outcomes step (step 3)</a></li>'
        f'<li><a href="{start}">Back to the start page</a></li></ul></nav>'
    )
