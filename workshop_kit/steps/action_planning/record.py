"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from ... import content
from ...stepkit.answers import Latest
from ...stepkit.writeup import Section


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
    return sections
