"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from ...stepkit.answers import Latest, text_of
from ...stepkit.writeup import Section
from .logic import DraftingContent, Theme, extra_ids


def drafts(latest: Latest, drafting: DraftingContent) -> list[tuple[str, Theme | None, str]]:
    """(item, theme or None for an added draft, latest wording) for every draft with text, themes first."""
    found = []
    for item in [t.id for t in drafting.themes] + extra_ids(latest):
        wording = text_of(latest.get(item))
        if wording.strip():
            found.append((item, drafting.theme(item), wording))
    return found


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """Each draft's latest wording with its review, for the write-up."""
    rows = []
    for item, answer in sorted(latest.items(), key=lambda kv: kv[1].id):
        payload = answer.payload
        if not isinstance(payload.get("text"), str):
            continue
        rows.append(
            (
                str(payload.get("theme") or item),
                payload["text"],
                f"{payload.get('score', '')}/100" if payload.get("score") is not None else "",
                str(payload.get("kind") or ""),
                "service-led wording" if payload.get("service_led") else "",
                "yes" if payload.get("proposed") else "no",
                str(payload.get("version", "")),
            )
        )
    return [
        Section(
            title="Draft outcome statements",
            paragraphs=("The latest wording of each draft, with the kit's review (strategic level) when it was saved.",),
            header=("Theme", "Latest wording", "Review score", "Reads like", "Flags", "Proposed to the room", "Version"),
            rows=tuple(rows),
        )
    ]
