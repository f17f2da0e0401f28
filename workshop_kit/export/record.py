"""The day's record, gathered once from the store and then written in any format.

Each step in the registry (``workshop_kit.steps.STEPS``) may name, in its
``record.py``, what writes its exercises' sections: a scorecard, a diagram.
Anything without one is shown field by field, so no saved answer is ever left
out of the write-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from .. import content, steps
from ..golden_thread import HEADER as THREAD_HEADER
from ..golden_thread import GoldenThread, area_thread, rows_for_table, table_thread
from ..room import FACILITATOR, Candidate, agreed, candidates, vote_counts
from ..stepkit.starting_rows import Followed
from ..steps.indicators.record import sources_section
from ..store import Answer, Store
from ..stepkit.writeup import Section, generic_section, plain

__all__ = ["CarriedRow", "DayRecord", "GroupRecord", "SYNTHETIC_NOTE", "Section", "build_record", "generic_section", "group_sections", "plain"]

SYNTHETIC_NOTE = "Any figures taken from the kit's datasets are synthetic: made up for practice, shaped like public statistics, and not about any real place."


@dataclass(frozen=True)
class GroupRecord:
    name: str
    mode: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class CarriedRow:
    """One outcome a table's later step started from (its drafts, the room's, the area's) and what became of it there."""

    table: str
    step: str
    """The step's id: logic_model, indicators, outcomes_framework or action_planning."""
    followed: Followed


@dataclass(frozen=True)
class DayRecord:
    """Everything the facilitator sends round after the day."""

    session: str
    generated_at: datetime
    agreed: tuple[Candidate, ...]
    proposed: tuple[tuple[Candidate, int], ...]
    groups: tuple[GroupRecord, ...]
    rows: tuple[Answer, ...] = field(repr=False, default=())
    threads: tuple[tuple[str, GoldenThread], ...] = ()
    """Each table's golden thread (and the area's, from its imported framework), by name."""
    area_sections: tuple[Section, ...] = ()
    """The area's own material: its imported framework and indicator data."""
    carried: tuple[CarriedRow, ...] = ()
    """Each table's starting rows in steps 6 to 9, each with its first wording and what the step made of it."""

    @property
    def mentions_synthetic(self) -> bool:
        return any(s.synthetic for g in self.groups for s in g.sections)


def _exercise_titles() -> dict[str, str]:
    return {step.id: step.title for step in steps.listed()}


def group_sections(by_exercise: dict[str, dict[str, Answer]]) -> tuple[Section, ...]:
    """One table's (or one learner's) latest answers, exercise by exercise, as write-up sections."""
    titles = _exercise_titles()
    exporters = steps.exporters()
    sections: list[Section] = []
    for exercise, latest in sorted(by_exercise.items()):
        if exercise.startswith("room_"):
            continue
        title = titles.get(exercise, exercise.replace("_", " ").capitalize())
        made = exporters[exercise](exercise, latest) if exercise in exporters else None
        sections.extend(made if made else [generic_section(title, latest)])
    return tuple(sections)


AREA = "The area's framework"


def _by_group(rows: list[Answer]) -> dict[str, dict[str, dict[str, Answer]]]:
    by_group: dict[str, dict[str, dict[str, Answer]]] = {}
    for answer in rows:
        by_group.setdefault(answer.group, {}).setdefault(answer.exercise, {})[answer.item] = answer
    return by_group


def thread_section(thread: GoldenThread, title: str = "Golden thread", lead: tuple[str, ...] = ()) -> Section:
    """A golden thread as a write-up section: one row per outcome, and each break spelled out."""
    breaks = thread.breaks
    said = list(lead) + ["From each aspiration to its outcome, the outcome's indicators (with the RBA question each answers and where its data comes from), the services contributing and the actions."]
    said += [f"Break: {b}" for b in breaks] or ["No breaks: every outcome has an indicator, every indicator a data source, every service an outcome."]
    if thread.loose_actions:
        said.append("Actions not tied to one outcome: " + "; ".join(thread.loose_actions))
    return Section(title=title, paragraphs=tuple(said), header=THREAD_HEADER, rows=rows_for_table(thread))


def _threads(store: Store, session: str, by_group: dict[str, dict[str, dict[str, Answer]]]) -> tuple[tuple[tuple[str, GoldenThread], ...], tuple[Section, ...]]:
    """Each table's golden thread, the area's (from its imported framework), and the sections on the area's own material."""
    from ..importing import stored

    themes = {t["id"]: t["label"] for t in content.load_raw("drafting_statements/themes")["themes"]}
    data = stored.latest(store, session, "indicators")
    summaries = store.indicator_series(data) if data else []
    series = sorted({s["indicator"] for s in summaries})
    source = f"{data.file_name}, imported {data.imported_at:%d %B %Y}" if data else ""
    threads: list[tuple[str, GoldenThread]] = []
    sections: list[Section] = []
    framework = stored.latest(store, session, "framework")
    if framework is not None:
        thread = area_thread(stored.framework_rows(store, framework), series, source)
        threads.append((AREA, thread))
        sections.append(
            thread_section(
                thread, f"The area's framework and its golden thread (imported from {framework.file_name})", (f"Imported {framework.imported_at:%d %B %Y at %H:%M} UTC: {framework.row_count:,} rows.",)
            )
        )
    if data is not None:
        sections.append(_indicator_data_section(data.file_name, data.row_count, summaries, data.imported_at))
    for name in sorted(by_group, key=str.casefold):
        if name == FACILITATOR:
            continue
        latest = {exercise: {item: a.payload for item, a in items.items()} for exercise, items in by_group[name].items()}
        thread = table_thread(latest, themes, series, source)
        if not thread.empty:
            threads.append((name, thread))
    return tuple(threads), tuple(sections)


def _indicator_data_section(file_name: str, figures: int, summaries: list[dict[str, Any]], imported_at: datetime) -> Section:
    """One row per imported series: what it counts, where, its periods and its latest figure."""
    rows = tuple((s["indicator"], s["area"] or "-", s["unit"] or "-", f"{s['first_period']} to {s['last_period']} ({s['count']})", f"{s['last_value']:,.10g} ({s['last_period']})") for s in summaries)
    return Section(
        title=f"The area's indicator data (imported from {file_name})",
        paragraphs=(f"Imported {imported_at:%d %B %Y at %H:%M} UTC: {figures:,} figures in {len(summaries):,} series. These are the area's own figures, not the kit's synthetic data.",),
        header=("Indicator", "Area", "Unit", "Periods (how many)", "Latest"),
        rows=rows,
    )


def _beside_thread(by_exercise: dict[str, dict[str, Answer]], thread: GoldenThread | None) -> tuple[Section, ...]:
    """A table's golden thread, and beside it the data sources it has and the gaps it sees (step 7)."""
    sources = sources_section(by_exercise.get("indicators", {}), thread)
    return ((thread_section(thread),) if thread is not None else ()) + ((sources,) if sources is not None else ())


def _group_records(store: Store, session: str, by_group: dict[str, dict[str, dict[str, Answer]]], threads: dict[str, GoldenThread]) -> tuple[GroupRecord, ...]:
    """Each table's latest answers, step by step, as sections (drawing any charts), its golden thread and its data sources."""
    modes = {g.name: g.mode for g in store.groups_in(session)}
    return tuple(
        GroupRecord(name, modes.get(name, "table"), group_sections(by_group[name]) + _beside_thread(by_group[name], threads.get(name)))
        for name in sorted(by_group, key=str.casefold)
        if name != FACILITATOR
    )


def _carried(by_group: dict[str, dict[str, dict[str, Answer]]]) -> tuple[CarriedRow, ...]:
    """For each table, each step that started from earlier outcomes (``Step.carries``), what became of each."""
    found: list[CarriedRow] = []
    for name in sorted(by_group, key=str.casefold):
        if name == FACILITATOR:
            continue
        for step in steps.STEPS:
            for exercise, follower in step.carries.items():
                latest = by_group[name].get(exercise)
                if latest:
                    found.extend(CarriedRow(name, step.id, followed) for followed in follower(latest))
    return tuple(found)


def build_record(store: Store, session: str, with_sections: bool = True) -> DayRecord:
    """Read the session once and arrange it by table and step.

    ``with_sections=False`` keeps the rows only (all the CSV needs) and skips the
    tables' sections and their charts, which take most of a write-up's time.
    """
    rows = store.all_answers(session)
    votes = vote_counts(store, session)
    proposed = tuple((c, votes.get(c.key, 0)) for c in candidates(store, session))
    by_group = _by_group(rows)
    threads, area_sections = _threads(store, session, by_group)
    return DayRecord(
        session=session,
        generated_at=datetime.now(timezone.utc),
        agreed=tuple(agreed(store, session)),
        proposed=proposed,
        groups=_group_records(store, session, by_group, dict(threads)) if with_sections else (),
        rows=tuple(rows),
        threads=threads,
        area_sections=area_sections,
        carried=_carried(by_group),
    )
