"""What the page shows besides its controls, as HTML built from content and results (no widgets)."""

from __future__ import annotations

import html
from typing import Any


from ... import charts, content
from .logic import (
    QUADRANT_LABELS,
    Measure,
    Profile,
    Scenario,
    profile_alt_text,
    scenario_profile,
)
from .record import scorecard_chart, subjective_label as _subjective_label
from ...widgets.common import notice, text


def profile_table_html(profile: Profile, scenario: Scenario) -> str:
    head = "".join(f'<th scope="col">{html.escape(p)}</th>' for p in profile.periods)
    body = []
    for section in scenario.profile["sections"]:
        rows = [r for r in profile.rows if r.section == section["id"]]
        if not rows:
            continue
        body.append(f'<tr><th scope="colgroup" colspan="{len(profile.periods) + 1}">{html.escape(section["label"])}</th></tr>')
        for r in rows:
            cells = "".join(f"<td>{c:,}</td>" for c in r.counts)
            body.append(f'<tr><th scope="row">{html.escape(r.category)}</th>{cells}</tr>')
    return (
        f'<table class="kit-table"><caption>{html.escape(scenario.profile["caption"])}</caption>'
        f'<thead><tr><th scope="col">What is counted</th>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def profile_chart_html(profile: Profile, scenario: Scenario) -> str:
    categories = scenario.profile["chart_categories"]
    figure, axes = charts.new_figure(10, 5)
    width = 0.8 / len(categories)
    hatches = ("", "//", "..")
    for n, category in enumerate(categories):
        row = profile.row(category)
        xs = [i + (n - (len(categories) - 1) / 2) * width for i in range(len(profile.periods))]
        axes.bar(xs, row.counts, width, label=category, color=charts.PALETTE[n % len(charts.PALETTE)], hatch=hatches[n % len(hatches)], edgecolor="white")
    axes.set_xticks(range(len(profile.periods)), profile.periods)
    axes.set_ylabel("Households")
    axes.set_title(f"{profile.area} (synthetic data)")
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, fontsize=11, frameon=False)
    alt = profile_alt_text(profile, categories)
    return charts.image_html(charts.png_bytes(figure), alt, f"{profile.area} homelessness, synthetic figures by quarter")


def profile_html(scenario: Scenario) -> str:
    profile = scenario_profile(scenario)
    return (
        notice(scenario.profile["synthetic_note"], "info")
        + profile_table_html(profile, scenario)
        + profile_chart_html(profile, scenario)
        + '<p class="kit-source">Synthetic data. Shape: statutory homelessness statistics for England, '
        "Ministry of Housing, Communities and Local Government. Data dictionary: "
        "datasets/homelessness_profile_synthetic.md.</p>"
    )


def scorecard_table_html(outcomes: list[str], measures: list[Measure]) -> str:
    rows = []
    for n, outcome in enumerate(outcomes):
        if not outcome.strip():
            continue
        mine = [m for m in measures if m.outcome == n]
        if not mine:
            rows.append(f'<tr><th scope="row">{n + 1}. {text(outcome)}</th><td colspan="6"><em>No measures yet</em></td></tr>')
        for m in mine:
            quadrant = QUADRANT_LABELS.get(m.quadrant or "", "")
            rows.append(
                f'<tr><th scope="row">{n + 1}. {text(outcome)}</th><td>{text(m.text)}</td><td>{html.escape(quadrant)}</td>'
                f"<td>{_subjective_label(m.subjective)}</td><td>{text(m.source) if m.source else '<em>none</em>'}</td>"
                f"<td>{text(m.frequency) if m.frequency else '<em>none</em>'}</td>"
                f"<td>{text(m.reporting) if m.reporting else '<em>not said</em>'}</td></tr>"
            )
    if not rows:
        return "<p>Agree your outcomes in Stage 1 to start the scorecard.</p>"
    return (
        '<table class="kit-table kit-scorecard"><caption>Scorecard: outcomes and their measures</caption><thead><tr>'
        '<th scope="col">Outcome</th><th scope="col">Measure</th><th scope="col">RBA question</th>'
        '<th scope="col">Subjective or objective</th><th scope="col">Data source</th><th scope="col">How often</th>'
        f'<th scope="col">How the contract reports it</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def scorecard_chart_html(outcomes: list[str], measures: list[Measure]) -> str:
    drawn = scorecard_chart(outcomes, measures)
    if drawn is None:
        return ""
    png, alt = drawn
    return charts.image_html(png, alt, "Measures per outcome by RBA question")


def warnings_html(warnings: list[Any]) -> str:
    if not warnings:
        return notice("No warnings: every outcome has a 'better off' measure, and every measure says where its data comes from and how often.", "success")
    items = "".join(f"<li><strong>{text(w.about)}</strong>: {html.escape(w.message)} {html.escape(w.tip)}</li>" for w in warnings)
    return f'<div class="kit-feedback kit-feedback-warning"><p><strong>{len(warnings)} thing(s) to look at</strong></p><ul>{items}</ul></div>'


def outcomes_result_html(result: Any) -> str:
    css = "success" if result.ok else "warning"
    parts = [f'<div class="kit-feedback kit-feedback-{css}"><p><strong>{html.escape(result.headline())}</strong></p><ul>']
    parts.extend(f"<li>{text(r)}</li>" for r in result.reasons)
    parts.append("</ul>")
    if result.tips:
        parts.append("<p>Tips:</p><ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in result.tips) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def intro_html(scenario: Scenario) -> str:
    sources = content.sources()
    drawn_from = "; ".join(sources[s].short for s in scenario.sources)
    return f'<div class="kit-card"><p><strong>The brief.</strong> {html.escape(scenario.brief)}</p></div><p class="kit-source">This exercise draws on: {html.escape(drawn_from)}.</p>'


def model_answer_html(scenario: Scenario) -> str:
    answer = scenario.model_answer
    outcomes = answer["outcomes"]
    measures = [Measure(f"measure-{n}", m["outcome"], m["text"], m["subjective"], m["source"], m["frequency"], m["reporting"]) for n, m in enumerate(answer["measures"], 1)]
    return (
        "<p>One possible set of outcomes and measures. Yours will differ: what matters is that each outcome is a "
        "change for people, and each has a 'better off' measure someone can collect.</p>" + scorecard_table_html(list(outcomes), measures)
    )
