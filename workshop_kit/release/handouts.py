"""A printable handout for each step, for people without a device, built from the content files.

Each step's builder reads the same content the page shows (the sorting items,
the ladder's rungs, the themes, the scenario, the logic model's cards...) and
returns a ``Handout``: plain data with items to tick and blanks to fill in.
The handouts' own words (headings, instructions, fixed blanks) are content
too, in ``content/handouts/wording.json``. ``render`` turns a handout into an
A4 page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from .. import content, guide, steps
from ..content import ContentError
from ..content.model import SortingExercise, Step
from ..steps.homelessness_scenario import logic as homelessness
from .pages import release_page


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

    @property
    def to_fill(self) -> bool:
        """A table with every cell blank: a grid to write in."""
        return not any(any(row) for row in self.rows)


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
WORDING = "handouts/wording"
"""The handouts' own words (headings, instructions, fixed blanks); the items come from each step's content."""


def _section(step_id: str, key: str, values: Mapping[str, str] | None = None, **parts: Any) -> Section:
    """Section ``key`` of a step's handout: its words from ``wording.json`` (with ``values`` filled in), then ``parts``."""
    try:
        words = content.load_raw(WORDING)["steps"][step_id][key]
        fill = lambda text: text.format(**(values or {}))  # noqa: E731
        columns = tuple(words.get("columns", ()))
        found = {
            "heading": fill(words["heading"]),
            "instructions": fill(words.get("instructions", "")),
            "choice_heading": words.get("choice_heading", "Statement"),
            "prompts": tuple(fill(prompt) for prompt in words.get("prompts", ())),
            "lines": words.get("lines", 2),
            "columns": columns,
            "rows": tuple(("",) * len(columns) for _ in range(words.get("blank_rows", 0))),
            "notes": tuple(fill(note) for note in words.get("notes", ())),
        }
    except KeyError as missing:
        raise ContentError(f"{WORDING}.json has no {missing} for the {step_id} handout's {key!r} section.") from None
    return Section(**{**found, **parts})


def _sorting(step_id: str, exercise: SortingExercise) -> tuple[Section, Section]:
    """The words to read, then a row of boxes for each item."""
    options = tuple(c.label for c in exercise.categories)
    return (
        _section(step_id, "words", terms=tuple((c.label, c.definition) for c in exercise.categories)),
        _section(step_id, "sort", choices=tuple(Choice(item.text, options) for item in exercise.items)),
    )


def _outputs_outcomes_impact() -> _Parts:
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    return exercise.intro[:1], _sorting("outputs_outcomes_impact", exercise)


def _levels_of_outcomes() -> _Parts:
    exercise = content.sorting_exercise("levels_sort")
    ladder = content.load_raw("levels_of_outcomes/ladder")
    rungs = _section("levels_of_outcomes", "ladder", prompts=tuple(f"{rung['label']}: {rung['prompt']}" for rung in ladder["rungs"]))
    return exercise.intro, (*_sorting("levels_of_outcomes", exercise), rungs)


def _personal_outcomes() -> _Parts:
    exercise = content.sorting_exercise("personal_outcomes_sort")
    advice = content.load_raw("personal_outcomes/guide")
    options = tuple(c.label for c in exercise.categories)
    sections = (
        _section("personal_outcomes", "sort", choices=tuple(Choice(item.text, options) for item in exercise.items)),
        _section("personal_outcomes", "rewrite", prompts=tuple(f"\u201c{weak['text']}\u201d" for weak in advice["weak_statements"])),
        _section("personal_outcomes", "qualities", notes=tuple(f"{q['label']}: {q['question']}" for q in advice["qualities"])),
    )
    return exercise.intro, sections


def _drafting_statements() -> _Parts:
    themes = content.load_raw("drafting_statements/themes")
    sections = (
        _section("drafting_statements", "drafts", prompts=tuple(f"{theme['label']}: {theme['prompt']}" for theme in themes["themes"])),
        _section("drafting_statements", "tips", notes=tuple(themes["hints"])),
    )
    return themes["intro"][:1], sections


def _homelessness_scenario() -> _Parts:
    scenario = homelessness.load()
    profile = homelessness.scenario_profile(scenario)
    labels = {s["id"]: s["label"] for s in scenario.profile["sections"]}
    by_section: dict[str, list[str]] = {}
    for row in profile.rows:
        by_section.setdefault(row.section, []).append(f"{row.category} {row.counts[-1]:,} {row.unit}")
    values = {"area": profile.area, "period": profile.periods[-1], "frequencies": ", ".join(scenario.frequencies)}
    sections = (
        _section(
            "homelessness_scenario",
            "figures",
            values,
            instructions=scenario.profile["synthetic_note"],
            terms=tuple((labels.get(section, section), "; ".join(counts) + ".") for section, counts in by_section.items()),
        ),
        _section("homelessness_scenario", "stage_1", values),
        _section("homelessness_scenario", "stage_2", values),
    )
    return (scenario.brief, scenario.intro[1]), sections


def _logic_model() -> _Parts:
    model = content.load_raw("logic_model/example")
    cards = {card["id"]: card for card in model["cards"]}
    options = tuple(column["label"] for column in model["columns"])
    sections = (
        _section("logic_model", "columns", terms=tuple((c["heading"], c["definition"]) for c in model["columns"])),
        _section("logic_model", "cards", choices=tuple(Choice(cards[card_id]["text"], options) for card_id in model["scramble_order"])),
        _section("logic_model", "own", prompts=options),
    )
    return model["intro"][:1], sections


def _indicators() -> _Parts:
    page = content.load_raw("indicators/guide")
    questions = tuple(q["label"] for q in page["questions"])
    sections = (
        _section("indicators", "questions", terms=tuple((q["label"], q["definition"]) for q in page["questions"])),
        _section("indicators", "example", {"outcome": page["example"]["outcome"]}, choices=tuple(Choice(m["text"], questions) for m in page["example"]["measures"])),
        _section("indicators", "own"),
        _section("indicators", "curve", prompts=tuple(page["story_prompts"])),
    )
    return page["intro"][1:2], sections


def _outcomes_framework() -> _Parts:
    page = content.load_raw("outcomes_framework/guide")
    sections = (
        _section("outcomes_framework", "required_actual", terms=tuple((key.capitalize(), text) for key, text in page["required_actual"].items())),
        _section("outcomes_framework", "outcomes"),
        _section("outcomes_framework", "matrix"),
        _section("outcomes_framework", "reading"),
    )
    return (page["intro"][0],), sections


def _action_planning() -> _Parts:
    plan = content.load_raw("action_planning/plan")
    sections = (
        _section("action_planning", "plan", prompts=tuple(f"{s['label']}: {s['prompt']}" for s in plan["sections"])),
        _section("action_planning", "tips", notes=tuple(plan["hints"])),
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
    for number, step in enumerate(steps.listed(), start=1):
        if step.id in BUILDERS:
            intro, sections = BUILDERS[step.id]()
            found.append(Handout(number, step, tuple(intro), tuple(sections), guide.guide_step(step.id).sources))
    return found


# --- HTML (templates/html/release/handout.html and handout_index.html) -----------


def render(handout: Handout, version: str) -> str:
    """One handout as a printable HTML page (A4)."""
    known = content.sources()
    drawn_from = "; ".join(f"{known[s].title} ({known[s].publisher})" for s in handout.sources if s in known and s != "kit")
    return release_page("release/handout.html", version, handout=handout, name_line=content.load_raw(WORDING)["name_line"], drawn_from=drawn_from)


def render_index(found: list[Handout], version: str) -> str:
    return release_page("release/handout_index.html", version, handouts=found, intro=content.load_raw(WORDING)["index_intro"])


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
