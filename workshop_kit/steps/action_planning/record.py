"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from typing import Sequence

from ... import content
from ...stepkit.answers import Latest
from ...stepkit.starting_rows import NOT_USED, Followed, StartingRow, saved_rows
from ...stepkit.writeup import Section
from ...wording import shorten

NOT_TIED = "Not tied to one outcome"


def outcome_choices(outcomes: Sequence[str]) -> list[tuple[str, str]]:
    """The outcomes an action can be tied to (the plan's starting rows), as (label, value), after "not tied"."""
    return [(NOT_TIED, "")] + [(shorten(text, 90), text) for text in dict.fromkeys(outcomes)]


def started_from(latest: Latest) -> tuple[StartingRow, ...]:
    """The outcomes the table's plan started from (its drafts, the room's, the area's), as saved with it."""
    saved = latest.get("plan")
    return saved_rows(saved.payload if saved else None)


def actions_for(latest: Latest, outcome: str) -> tuple[str, ...]:
    """The actions the table tied to one outcome, oldest first."""
    return tuple(str(a.payload.get("action", "")) for item, a in sorted(latest.items(), key=lambda kv: kv[1].id) if item.startswith("action-") and a.payload.get("outcome") == outcome)


def followed(latest: Latest) -> tuple[Followed, ...]:
    """What became of each outcome the plan started from: the actions tied to it, or not used."""
    found = []
    for row in started_from(latest):
        actions = actions_for(latest, row.text)
        found.append(Followed(row, "; ".join(actions), f"{len(actions)} action(s) tied to it" if actions else NOT_USED))
    return tuple(found)


def started_section(latest: Latest) -> Section | None:
    """Each outcome the plan started from, where it came from, and the actions tied to it."""
    found = followed(latest)
    if not found:
        return None
    rows = tuple((f.row.marked, f.row.text, f.now or "no action tied to it yet") for f in found)
    return Section(
        title="Action plan: the outcomes it started from",
        paragraphs=("The outcomes this table's plan started from, with where each came from, and the actions the table tied to each.",),
        header=("Where it came from", "Outcome", "Actions for it"),
        rows=rows,
    )


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """The table's plan and its actions, for the write-up."""
    plan = content.load_raw("action_planning/plan")
    saved = latest.get("plan")
    rows = tuple((s["label"], saved.payload.get(s["id"], "") if saved else "") for s in plan["sections"])
    follow_up = saved.payload.get("follow_up", "") if saved else ""
    actions = tuple((a.payload.get("action", ""), a.payload.get("owner", ""), a.payload.get("due", "")) for item, a in sorted(latest.items(), key=lambda kv: kv[1].id) if item.startswith("action-"))
    sections = [
        Section(
            title="Action plan",
            paragraphs=(f"Follow-up workshop: {follow_up or 'not set'}.",),
            header=("Part of the plan", "What the table wrote"),
            rows=rows,
        )
    ]
    if actions:
        sections.append(Section(title="Actions", header=("Action", "Who", "By when"), rows=actions))
    started = started_section(latest)
    return sections + ([started] if started else [])
