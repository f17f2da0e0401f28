"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from ... import content
from ...stepkit.answers import Latest
from ...stepkit.sorting import key_answer, score
from ...stepkit.writeup import Section


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """The table's latest attempt as a table: statement, their answer, and what the sources say."""
    exercise = content.sorting_exercise(exercise_id)
    marker = latest.get("_attempt")
    attempt = int(marker.payload.get("attempt", 1)) if marker else 1
    choices = {item: answer.payload["choice"] for item, answer in latest.items() if not item.startswith("_") and answer.payload.get("attempt", 1) == attempt and "choice" in answer.payload}
    rows = []
    for item in exercise.items:
        chosen = choices.get(item.id)
        label = exercise.category(chosen).label if chosen in {c.id for c in exercise.categories} else "not answered"
        accepted = key_answer(exercise, item)
        rows.append((item.text, label, accepted, "yes" if chosen in item.accepted else "no"))
    tally = score(exercise, choices)
    return [
        Section(
            title=exercise.title,
            paragraphs=(f"Attempt {attempt}. {tally.message}",),
            header=("Statement", "Table's answer", "The key", "Matches"),
            rows=tuple(rows),
        )
    ]
