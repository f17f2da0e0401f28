"""A printable handout for each step, for people without a device, built from the content files.

Each step's builder reads the same content the page shows (the sorting items,
the ladder's rungs, the themes, the scenario, the logic model's cards...) and
returns a ``Handout``: plain data with items to tick and blanks to fill in.
``render`` turns one into an A4 page; nothing on a handout is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

from .. import content, guide
from ..content.model import SortingExercise, Step
from ..exercises import homelessness
from .pages import KIT_NAME, html_page

BOX = "\u2610"
"""An empty box to tick."""


@dataclass(frozen=True)
class Choice:
    """A statement and the options to tick one of."""

    text: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    heading: str
    instructions: str = ""
    terms: tuple[tuple[str, str], ...] = ()
    """Words and what they mean, to read before answering."""
    choices: tuple[Choice, ...] = ()
    choice_heading: str = "Statement"
    """What the choices' first column is headed: the kind of thing being sorted."""
    prompts: tuple[str, ...] = ()
    """Questions, each followed by ``lines`` lines to write on."""
    lines: int = 2
    columns: tuple[str, ...] = ()
    """Headings of a table; its ``rows`` may leave cells blank to fill in."""
    rows: tuple[tuple[str, ...], ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Handout:
    number: int
    step: Step
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    sources: tuple[str, ...]
    """Source ids from sources.json: the ones the step's facilitator guide page names."""

    @property
    def file_name(self) -> str:
        return f"{self.number:02d}_{self.step.id}.html"


_Parts = tuple[tuple[str, ...], tuple[Section, ...]]
"""What a step's builder returns: intro paragraphs and sections."""


def _sorting(exercise: SortingExercise, heading: str) -> tuple[Section, Section]:
    options = tuple(c.label for c in exercise.categories)
    return (
        Section("The words", terms=tuple((c.label, c.definition) for c in exercise.categories)),
        Section(heading, "Tick one box for each statement. Some are debatable: note why.",
                choices=tuple(Choice(item.text, options) for item in exercise.items)),
    )


def _outputs_outcomes_impact() -> _Parts:
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    return exercise.intro[:1], _sorting(exercise, "Sort each statement")


def _levels_of_outcomes() -> _Parts:
    exercise = content.sorting_exercise("levels_sort")
    ladder = content.load_raw("levels_of_outcomes/ladder")
    rungs = Section(
        "Your table's outcome ladder",
        "Think of one child or young person. Climb from their aspiration to a target one service could work on.",
        prompts=tuple(f"{rung['label']}: {rung['prompt']}" for rung in ladder["rungs"]),
    )
    return exercise.intro, (*_sorting(exercise, "Which level is each statement?"), rungs)


def _personal_outcomes() -> _Parts:
    exercise = content.sorting_exercise("personal_outcomes_sort")
    advice = content.load_raw("personal_outcomes/guide")
    rewrite = Section(
        "Rewrite the weak statements",
        "Rewrite each as the person might say it: what they want for their own life.",
        prompts=tuple(f"\u201c{weak['text']}\u201d" for weak in advice["weak_statements"]),
        lines=1,
    )
    qualities = Section("A good personal outcome is", notes=tuple(f"{q['label']}: {q['question']}" for q in advice["qualities"]))
    return exercise.intro, (_sorting(exercise, "Outcome, or a service or resource?")[1], rewrite, qualities)


def _drafting_statements() -> _Parts:
    themes = content.load_raw("drafting_statements/themes")
    drafts = Section(
        "Draft one statement for each theme",
        "In the voice of children, young people and families, about all of them in your area.",
        prompts=tuple(f"{theme['label']}: {theme['prompt']}" for theme in themes["themes"]),
        lines=3,
    )
    return themes["intro"][:1], (drafts, Section("Tips", notes=tuple(themes["hints"])))


def _homelessness_scenario() -> _Parts:
    scenario = homelessness.load()
    profile = homelessness.scenario_profile(scenario)
    latest = profile.periods[-1]
    labels = {s["id"]: s["label"] for s in scenario.profile["sections"]}
    by_section: dict[str, list[str]] = {}
    for row in profile.rows:
        by_section.setdefault(row.section, []).append(f"{row.category} {row.counts[-1]:,} {row.unit}")
    figures = Section(
        f"{profile.area} in {latest} (synthetic data)",
        scenario.profile["synthetic_note"],
        terms=tuple((labels.get(section, section), "; ".join(counts) + ".") for section, counts in by_section.items()),
    )
    stage_1 = Section("Stage 1: your outcomes (no more than 4)", "Changes for people who are homeless, not services.",
                      prompts=tuple(f"Outcome {n}" for n in range(1, 5)), lines=1)
    stage_2 = Section(
        "Stage 2: measures for each outcome",
        "Is anybody better off? Mix what people tell you with what records show.",
        columns=("Outcome (1 to 4)", "Measure", "Subjective or objective?", "Where the data comes from", "How often"),
        rows=tuple(("", "", "", "", "") for _ in range(6)),
        notes=("How often: " + ", ".join(scenario.frequencies) + ".",),
    )
    intro = (scenario.brief, scenario.intro[1])
    return intro, (figures, stage_1, stage_2)


def _logic_model() -> _Parts:
    model = content.load_raw("logic_model/example")
    cards = {card["id"]: card for card in model["cards"]}
    options = tuple(column["label"] for column in model["columns"])
    sections = (
        Section("The four columns", terms=tuple((c["heading"], c["definition"]) for c in model["columns"])),
        Section("Put each card back in its column", "Tick one column for each card.",
                choices=tuple(Choice(cards[card_id]["text"], options) for card_id in model["scramble_order"]), choice_heading="Card"),
        Section("Your own service", "One input, one output, one interim and one final outcome for a service you commission.",
                prompts=tuple(f"{c['label']}" for c in model["columns"]), lines=1),
    )
    return model["intro"][:1], sections


def _indicators() -> _Parts:
    page = content.load_raw("indicators/guide")
    questions = tuple(q["label"] for q in page["questions"])
    sections = (
        Section("Results Based Accountability's three questions", terms=tuple((q["label"], q["definition"]) for q in page["questions"])),
        Section(f"Which question does each measure answer? Outcome: \u201c{page['example']['outcome']}\u201d",
                choices=tuple(Choice(m["text"], questions) for m in page["example"]["measures"]), choice_heading="Measure"),
        Section("Your outcome and its measures", "Write your own outcome, then a measure on each line of the table.",
                prompts=("Your outcome",), lines=1, columns=("Measure", "Which question?", "Subjective or objective?", "Do we have the data?"),
                rows=tuple(("", "", "", "") for _ in range(4))),
        Section("Turning the curve", prompts=tuple(page["story_prompts"]), lines=1),
    )
    return page["intro"][1:2], sections


def _outcomes_framework() -> _Parts:
    page = content.load_raw("outcomes_framework/guide")
    sections = (
        Section("Required and actual", terms=(("Required", page["required_actual"]["required"]), ("Actual", page["required_actual"]["actual"]))),
        Section("Your area's required outcomes", prompts=tuple(f"Outcome {n}" for n in range(1, 5)), lines=1),
        Section("Which services contribute, and with which measures?",
                "Write each service down the side; in each outcome's column, write the measure it will report, or leave it empty.",
                columns=("Service", "Outcome 1", "Outcome 2", "Outcome 3", "Outcome 4"),
                rows=tuple(("", "", "", "", "") for _ in range(5))),
        Section("What the matrix shows", prompts=("Gaps: outcomes nobody contributes to", "Duplication: the same outcome claimed with the same measure",
                                                  "Services linked to no outcome"), lines=1),
    )
    return (page["intro"][0],), sections


def _action_planning() -> _Parts:
    plan = content.load_raw("action_planning/plan")
    sections = (
        Section("Your table's plan", "Name a person or team and a month for each part.",
                prompts=tuple(f"{s['label']}: {s['prompt']}" for s in plan["sections"]), lines=3),
        Section("Tips", notes=tuple(plan["hints"])),
    )
    return tuple(plan["intro"]), sections


BUILDERS: dict[str, Callable[[], _Parts]] = {
    "outputs_outcomes_impact": _outputs_outcomes_impact,
    "levels_of_outcomes": _levels_of_outcomes,
    "personal_outcomes": _personal_outcomes,
    "drafting_statements": _drafting_statements,
    "homelessness_scenario": _homelessness_scenario,
    "logic_model": _logic_model,
    "indicators": _indicators,
    "outcomes_framework": _outcomes_framework,
    "action_planning": _action_planning,
}
"""One builder per step id; a step without one has no handout (a test asks that every step has one)."""


def handouts() -> list[Handout]:
    """A handout for every step on the start page that has a builder, in start-page order."""
    found = []
    for number, step in enumerate(content.start_page().steps, start=1):
        if step.id in BUILDERS:
            intro, sections = BUILDERS[step.id]()
            found.append(Handout(number, step, tuple(intro), tuple(sections), guide.guide_step(step.id).sources))
    return found


# --- HTML --------------------------------------------------------------------

HANDOUT_STYLE = """
.kit-name-line { display: flex; gap: 0.5rem; margin: 0.4rem 0 0.8rem; }
.kit-name-line span.kit-blank { flex: 1; border-bottom: 1px solid #111; }
.kit-lines span { display: block; border-bottom: 1px solid #555; height: 1.9em; }
.kit-box { text-align: center; width: 4.2rem; } td.kit-box { font-size: 1.15em; }
.kit-grid td { height: 2.2em; }
.kit-terms dt { font-weight: bold; display: inline; }
.kit-terms dd { display: inline; margin: 0; }
.kit-terms dd::after { content: ""; display: block; margin-bottom: 0.2rem; }
h1 { font-size: 1.45rem; margin: 0 0 0.3rem; } h2 { font-size: 1.05rem; margin: 0.8rem 0 0.25rem; }
p { margin: 0.25rem 0; } ol, ul { margin: 0.25rem 0; }
table { margin: 0.3rem 0; } th, td { padding: 0.15rem 0.35rem; }
.kit-grid { table-layout: fixed; }
@media print {
  :root { font-size: 9pt; line-height: 1.3; }
  th, td { padding: 0.08rem 0.3rem; }
  .kit-lines span { height: 1.7em; }
  .kit-grid td { height: 1.9em; }
  h2 { margin: 0.5rem 0 0.15rem; }
  .kit-footer { margin-top: 0.5rem; padding-top: 0.2rem; }
}
"""


def _lines(count: int) -> str:
    return '<div class="kit-lines" aria-hidden="true">' + "<span></span>" * count + "</div>"


def _section(section: Section) -> str:
    parts = [f"<h2>{escape(section.heading)}</h2>"]
    if section.instructions:
        parts.append(f"<p>{escape(section.instructions)}</p>")
    if section.terms:
        parts.append('<dl class="kit-terms">' + "".join(f"<dt>{escape(term)}:</dt> <dd>{escape(meaning)}</dd>" for term, meaning in section.terms) + "</dl>")
    if section.choices:
        options = section.choices[0].options
        head = "".join(f'<th scope="col" class="kit-box">{escape(option)}</th>' for option in options)
        body = "".join(
            f"<tr><td>{escape(choice.text)}</td>" + "".join(f'<td class="kit-box">{BOX}</td>' for _ in choice.options) + "</tr>"
            for choice in section.choices
        )
        parts.append(f'<table><thead><tr><th scope="col">{escape(section.choice_heading)}</th>{head}</tr></thead><tbody>{body}</tbody></table>')
    if section.prompts:
        parts.append("<ol>" + "".join(f"<li>{escape(prompt)}{_lines(section.lines)}</li>" for prompt in section.prompts) + "</ol>")
    if section.columns:
        head = "".join(f'<th scope="col">{escape(column)}</th>' for column in section.columns)
        body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in section.rows)
        to_fill = ' class="kit-grid"' if not any(any(row) for row in section.rows) else ""
        parts.append(f"<table{to_fill}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if section.notes:
        parts.append("<ul>" + "".join(f"<li>{escape(note)}</li>" for note in section.notes) + "</ul>")
    return "\n".join(parts) + "\n"


def render(handout: Handout, version: str) -> str:
    """One handout as a printable HTML page (A4)."""
    known = content.sources()
    step = handout.step
    body = [
        '<article class="kit-handout">',
        f"<h1>Step {handout.number}: {escape(step.title)}</h1>",
        f"<p>{escape(step.purpose)} About {step.minutes} minutes.</p>",
        '<p class="kit-name-line"><span>Table or group name:</span><span class="kit-blank"></span></p>',
        *(f"<p>{escape(paragraph)}</p>" for paragraph in handout.intro),
        *(_section(section) for section in handout.sections),
    ]
    names = "; ".join(f"{known[s].title} ({known[s].publisher})" for s in handout.sources if s in known and s != "kit")
    body += [f"<p><small>Drawn from: {escape(names)}.</small></p>" if names else "", "</article>\n"]
    return html_page(
        f"Handout for step {handout.number}: {step.title} – {KIT_NAME} {version}",
        "\n".join(part for part in body if part),
        footer=f"{KIT_NAME} {version}: handout for step {handout.number}, for tables without a device.",
        nav='<a href="index.html">All handouts</a>',
        extra_style=HANDOUT_STYLE,
    )


def render_index(found: list[Handout], version: str) -> str:
    items = "".join(f'<li><a href="{h.file_name}">Step {h.number}: {escape(h.step.title)}</a> ({h.step.minutes} minutes)</li>' for h in found)
    body = (
        "<h1>Handouts</h1>\n<p>One printable page for each step, with its exercise, for people without a device. "
        "Print one per table, or one each.</p>\n"
        f"<ol>{items}</ol>\n"
    )
    return html_page(f"Handouts – {KIT_NAME} {version}", body, footer=f"{KIT_NAME} {version}: handouts.")


def write_handouts(target: Path, version: str) -> list[Path]:
    """Write every handout and their index into ``target``; the files written."""
    target.mkdir(parents=True, exist_ok=True)
    found = handouts()
    written = []
    for handout in found:
        path = target / handout.file_name
        path.write_text(render(handout, version), encoding="utf-8")
        written.append(path)
    index = target / "index.html"
    index.write_text(render_index(found, version), encoding="utf-8")
    return [index, *written]
