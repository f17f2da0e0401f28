"""What the page shows besides its controls, as HTML built from content and results (no widgets)."""

from __future__ import annotations

import html


from ... import content
from .logic import LitmusResult, ThreadResult, ladder_content, levels
from ...widgets.common import notice

from . import SORT_EXERCISE


def levels_table_html() -> str:
    sources = content.sources()
    rows = "".join(
        f'<tr><th scope="row">{html.escape(lv.label)}</th><td>{html.escape(lv.what)}</td><td>{html.escape(lv.owner)}</td><td>{"<br>".join(html.escape(e) for e in lv.examples)}</td></tr>'
        for lv in levels()
    )
    return (
        '<table class="kit-table"><caption>Three levels of outcomes</caption>'
        '<thead><tr><th scope="col">Level</th><th scope="col">What it is</th><th scope="col">Who owns it</th>'
        f'<th scope="col">Examples</th></tr></thead><tbody>{rows}</tbody></table>'
        f'<p class="kit-source">Drawn from {html.escape(sources["seed-000"].short)}.</p>'
    )


def worked_example_html() -> str:
    """Bea's ladder from the source, top rung first, each target under the SMART outcome it serves."""
    data = ladder_content()
    ex = data.example
    smart_items = []
    for index, smart in enumerate(ex.smart):
        targets = [t for t in ex.targets if t.serves == index]
        inner = "".join(f"<li><strong>Target:</strong> {html.escape(t.text)}<br><em>How it helps:</em> {html.escape(t.link)}</li>" for t in targets)
        smart_items.append(f"<li><strong>SMART outcome:</strong> {html.escape(smart)}" + (f"<ul>{inner}</ul>" if inner else " <em>(the source gives no targets for this one)</em>") + "</li>")
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in ex.notes)
    return (
        f'<div class="kit-card kit-ladder-example"><h3>{html.escape(ex.person)}\'s ladder</h3>'
        f'<ol class="kit-ladder"><li><strong>Aspiration:</strong> {html.escape(ex.aspiration)}</li>'
        f"<li><strong>Outcomes sought:</strong> {html.escape(ex.sought)}</li>"
        f"<li><strong>SMART outcomes and targets:</strong><ul>{''.join(smart_items)}</ul></li></ol>"
        f"<p><strong>What to notice</strong></p><ul>{notes}</ul>"
        f'<p class="kit-source">From {html.escape(content.sources()[data.source].short)}. '
        "The 'how it helps' sentences were written for this kit.</p></div>"
    )


def thread_html(result: ThreadResult) -> str:
    if result.empty:
        return notice(result.headline, "info")
    rows = "".join(
        f'<tr><th scope="row">{html.escape(_rung_label(c.rung))}</th><td>{html.escape(_check_label(c.check))}</td>'
        f"<td>{'Ask the table' if c.needs_judgement else 'Yes' if c.passed else 'Not yet'}</td>"
        f"<td>{html.escape(c.reason)}</td><td>{html.escape(c.tip)}</td></tr>"
        for c in result.checks
    )
    kind = "success" if result.ok else "warning"
    return (
        f'<div class="kit-feedback kit-feedback-{kind}"><p><strong>{html.escape(result.headline)}</strong></p>'
        '<table class="kit-table"><caption>The golden thread</caption><thead><tr><th scope="col">Rung</th>'
        '<th scope="col">Check</th><th scope="col">Holds?</th><th scope="col">Why</th><th scope="col">Tip</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        '<p class="kit-source">The kit reads words only: a link it cannot see may still be there, and one it sees may '
        "still be weak. Talk it through.</p></div>"
    )


def litmus_html(result: LitmusResult) -> str:
    if result.empty:
        return notice(result.headline, "info")
    found = "".join(f"<li>{html.escape(label)}: {html.escape(', '.join(where))}</li>" for label, where in result.themes_found)
    missing = ", ".join(result.themes_missing)
    service = "".join(f"<li>{html.escape(_rung_label(s.rung))}: {html.escape(s.reason)}.</li>" for s in result.service_like)
    tips = "".join(f"<li>{html.escape(t)}</li>" for t in result.tips)
    return (
        f'<div class="kit-feedback kit-feedback-{"success" if result.ok else "warning"}">'
        f"<p><strong>{html.escape(result.headline)}</strong></p>"
        + (f"<p>Strategic themes found:</p><ul>{found}</ul>" if found else "<p>No strategic themes found in the words.</p>")
        + (f"<p>Not found: {html.escape(missing)}.</p>" if missing else "")
        + (f"<p>Reads like a service target:</p><ul>{service}</ul>" if service else "")
        + (f"<p>Tips:</p><ul>{tips}</ul>" if tips else "")
        + f'<p class="kit-source">The themes are the common ones listed by {html.escape(content.sources()["seed-000"].short)}.</p></div>'
    )


def _rung_label(rung: str) -> str:
    if rung.startswith("target_"):
        return f"Target {rung.split('_', 1)[1]}"
    return {"smart": "SMART outcome", "sought": "Outcomes sought", "aspiration": "Aspiration"}.get(rung, rung)


def _check_label(check: str) -> str:
    return {"serves": "Serves the rung above", "time_bound": "Says by when", "smaller": "A smaller step"}.get(check, check)


def model_answer_html() -> str:
    exercise = content.sorting_exercise(SORT_EXERCISE)
    rows = "".join(
        f"<tr><td>{html.escape(item.text)}</td><td>{html.escape(' or '.join(exercise.category(c).label for c in item.accepted))}{' (for discussion)' if item.debatable else ''}</td></tr>"
        for item in exercise.items
    )
    return (
        '<table class="kit-table"><caption>Which level: what the source suggests</caption>'
        '<thead><tr><th scope="col">Statement</th><th scope="col">Level</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        "<p>A model ladder (synthetic: a made-up young person):</p><ol>"
        "<li><strong>Aspiration:</strong> Sam wants to be a famous chef.</li>"
        "<li><strong>Outcomes sought:</strong> Sam wants to cook meals for his family and friends and to get a job in a kitchen one day.</li>"
        "<li><strong>SMART outcome:</strong> By the time he is 17, Sam will cook a meal for his family and friends once a week.</li>"
        "<li><strong>Target 1:</strong> In 6 months, Sam will use the cooker safely on his own at college three times a week. "
        "<em>How it helps:</em> using the cooker on his own is a step towards cooking the meal for his family.</li>"
        "<li><strong>Target 2:</strong> In 3 months, Sam will choose and buy the ingredients for one meal each week with a friend.</li>"
        "</ol><p>Themes that show: fun, relationships, independence and work. Nothing reads like a service Sam attends.</p>"
    )
