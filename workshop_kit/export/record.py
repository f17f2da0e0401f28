"""The day's record, gathered once from the store and then written in any format.

Each step in the registry (``workshop_kit.steps.STEPS``) may name, in its
``record.py``, what writes its exercises' sections: a scorecard, a diagram.
Anything without one is shown field by field, so no saved answer is ever left
out of the write-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from .. import steps
from ..room import FACILITATOR, Candidate, agreed, candidates, vote_counts
from ..store import Answer, Store
from ..stepkit.writeup import Section, generic_section, plain

__all__ = ["DayRecord", "GroupRecord", "SYNTHETIC_NOTE", "Section", "build_record", "generic_section", "group_sections", "plain"]

SYNTHETIC_NOTE = (
    "Any figures taken from the kit's datasets are synthetic: made up for practice, "
    "shaped like public statistics, and not about any real place."
)


@dataclass(frozen=True)
class GroupRecord:
    name: str
    mode: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class DayRecord:
    """Everything the facilitator sends round after the day."""

    session: str
    generated_at: datetime
    agreed: tuple[Candidate, ...]
    proposed: tuple[tuple[Candidate, int], ...]
    groups: tuple[GroupRecord, ...]
    rows: tuple[Answer, ...] = field(repr=False, default=())

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


def _group_records(store: Store, session: str, rows: list[Answer]) -> tuple[GroupRecord, ...]:
    """Each table's latest answers, step by step, as sections (drawing any charts)."""
    by_group: dict[str, dict[str, dict[str, Answer]]] = {}
    for answer in rows:
        by_group.setdefault(answer.group, {}).setdefault(answer.exercise, {})[answer.item] = answer
    modes = {g.name: g.mode for g in store.groups_in(session)}
    return tuple(
        GroupRecord(name, modes.get(name, "table"), group_sections(by_group[name]))
        for name in sorted(by_group, key=str.casefold)
        if name != FACILITATOR
    )


def build_record(store: Store, session: str, with_sections: bool = True) -> DayRecord:
    """Read the session once and arrange it by table and step.

    ``with_sections=False`` keeps the rows only (all the CSV needs) and skips the
    tables' sections and their charts, which take most of a write-up's time.
    """
    rows = store.all_answers(session)
    votes = vote_counts(store, session)
    proposed = tuple((c, votes.get(c.key, 0)) for c in candidates(store, session))
    return DayRecord(
        session=session,
        generated_at=datetime.now(timezone.utc),
        agreed=tuple(agreed(store, session)),
        proposed=proposed,
        groups=_group_records(store, session, rows) if with_sections else (),
        rows=tuple(rows),
    )
