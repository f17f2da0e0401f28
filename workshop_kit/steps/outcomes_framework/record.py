"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from typing import Any

from ...stepkit.answers import Latest
from ...stepkit.starting_rows import Followed, StartingRow, follow, followed_section, saved_rows
from ...stepkit.writeup import Section
from . import logic


def framework(latest: Latest) -> dict[str, Any]:
    saved = latest.get("framework")
    payload = saved.payload if saved else {}
    return {key: list(payload.get(key, [])) for key in ("outcomes", "services", "contributions")}


def required_actual(latest: Latest) -> dict[str, Any]:
    saved = latest.get("required_actual")
    entries = saved.payload.get("entries", {}) if saved else {}
    return dict(entries) if isinstance(entries, dict) else {}


def started_from(latest: Latest) -> tuple[StartingRow, ...]:
    """The outcomes the table's framework started from (its drafts, the room's, the area's), as saved with it."""
    saved = latest.get("framework")
    return saved_rows(saved.payload if saved else None)


def followed(latest: Latest) -> tuple[Followed, ...]:
    """What became of each outcome the framework started from: kept, reworded or not used among its required outcomes."""
    return follow(started_from(latest), [o for o in framework(latest)["outcomes"] if isinstance(o, str)])


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """The contribution matrix (table and heat map), what it shows, and required against actual."""
    from . import heatmap  # matplotlib loads with the first chart, not with the page

    sections = []
    saved = latest.get("framework")
    if saved and saved.payload.get("outcomes") and saved.payload.get("services"):
        analysis = logic.analyse(saved.payload)
        found = {(c["service"], c["outcome"]): c["measures"] for c in logic.keep_known(saved.payload)}
        rows = tuple((outcome, *("; ".join(found[(s, outcome)]) or "contributes" if (s, outcome) in found else "" for s in analysis.services)) for outcome in analysis.outcomes)
        png, alt = heatmap.draw(analysis)
        sections.append(
            Section(
                title="Outcomes framework: contribution matrix",
                paragraphs=tuple(analysis.sentences()),
                header=("Required outcome", *analysis.services),
                rows=rows,
                image_png=png,
                image_alt=alt,
            )
        )
    followed = followed_section("Outcomes framework: where its outcomes came from", started_from(latest), framework(latest)["outcomes"], "outcomes framework")
    if followed:
        sections.append(followed)
    required = latest.get("required_actual")
    if required and required.payload.get("entries"):
        rows = tuple((o, e.get("required", ""), e.get("actual", "")) for o, e in required.payload["entries"].items())
        sections.append(Section(title="Required against actual outcomes", header=("Outcome", "Required", "Actual (now)"), rows=rows))
    return sections
