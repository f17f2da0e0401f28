"""What the page shows besides its controls, rendered from templates/html/steps/homelessness_scenario/ (no widgets)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ... import charts, content
from .logic import (
    QUADRANT_LABELS,
    Measure,
    Profile,
    Scenario,
    profile_alt_text,
    scenario_profile,
    short,
)
from .record import scorecard_chart, subjective_label as _subjective_label
from ...markup import render
from ...widgets.common import notice

TEMPLATES = "steps/homelessness_scenario"


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
    """The synthetic profile as a table and a chart, said to be synthetic."""
    profile = scenario_profile(scenario)
    sections = []
    for section in scenario.profile["sections"]:
        rows = [r for r in profile.rows if r.section == section["id"]]
        if rows:
            sections.append((section["label"], rows))
    return render(
        f"{TEMPLATES}/profile.html",
        synthetic_note=scenario.profile["synthetic_note"],
        caption=scenario.profile["caption"],
        profile=profile,
        sections=sections,
        chart=Markup(profile_chart_html(profile, scenario)),
    )


def scorecard_table_html(outcomes: list[str], measures: list[Measure]) -> str:
    """Each outcome with a row per measure (or one row saying it has none yet); typed text isolated."""
    rows: list[tuple[int, str, Measure | None, str, str]] = []
    for n, outcome in enumerate(outcomes):
        if not outcome.strip():
            continue
        mine = [m for m in measures if m.outcome == n]
        if not mine:
            rows.append((n + 1, outcome, None, "", ""))
        rows += [(n + 1, outcome, m, QUADRANT_LABELS.get(m.quadrant or "", ""), _subjective_label(m.subjective)) for m in mine]
    return render(f"{TEMPLATES}/scorecard_table.html", rows=rows)


def scorecard_chart_html(outcomes: list[str], measures: list[Measure]) -> str:
    drawn = scorecard_chart(outcomes, measures)
    if drawn is None:
        return ""
    png, alt = drawn
    return charts.image_html(png, alt, "Measures per outcome by RBA question")


def warnings_html(warnings: list[Any]) -> str:
    if not warnings:
        return notice("No warnings: every outcome has a 'better off' measure, and every measure says where its data comes from and how often.", "success")
    return render(f"{TEMPLATES}/warnings.html", warnings=warnings)


def outcomes_result_html(result: Any) -> str:
    return render(f"{TEMPLATES}/outcomes_result.html", result=result)


def measure_added_html(measure: Measure, result: Any, problem: str) -> str:
    """What adding a measure tells the table: its RBA question, tips, and whether anyone could collect it."""
    return render(f"{TEMPLATES}/measure_added.html", measure_text=short(measure.text), number=measure.outcome + 1, result=result, problem=problem)


def section(part: str) -> str:
    """One of the page's own headings with its instructions (``sections.html``)."""
    return render(f"{TEMPLATES}/sections.html", part=part)


def intro_html(scenario: Scenario) -> str:
    sources = content.sources()
    return render(f"{TEMPLATES}/intro.html", brief=scenario.brief, drawn_from="; ".join(sources[s].short for s in scenario.sources))


def model_answer_html(scenario: Scenario) -> str:
    answer = scenario.model_answer
    measures = [Measure(f"measure-{n}", m["outcome"], m["text"], m["subjective"], m["source"], m["frequency"], m["reporting"]) for n, m in enumerate(answer["measures"], 1)]
    return render(f"{TEMPLATES}/model_answer.html", scorecard=Markup(scorecard_table_html(list(answer["outcomes"]), measures)))
