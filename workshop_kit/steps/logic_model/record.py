"""What this step saves, read back as plain values, and what it adds to the day's write-up."""

from __future__ import annotations

from typing import Any

from ...stepkit.answers import Latest
from ...stepkit.starting_rows import Followed, StartingRow, follow, followed_section, saved_rows
from ...stepkit.writeup import Section


def logic_model(latest: Latest) -> dict[str, Any]:
    """The learner's own logic model as ``check_logic_model`` reads it (empty lists when none)."""
    saved = latest.get("model")
    payload = saved.payload if saved else {}
    cards = [c for c in payload.get("cards", []) if isinstance(c, dict) and {"id", "column", "text"} <= set(c)]
    links = [list(link) for link in payload.get("links", []) if isinstance(link, (list, tuple)) and len(link) == 2]
    return {"cards": cards, "links": links}


def started_from(latest: Latest) -> tuple[StartingRow, ...]:
    """The outcomes the table's model started from (its drafts, the room's, the area's), as saved with it."""
    saved = latest.get("model")
    return saved_rows(saved.payload if saved else None)


def outcome_cards(latest: Latest) -> tuple[str, ...]:
    """The model's outcome cards now, final outcomes first: where a starting row is looked for."""
    cards = logic_model(latest)["cards"]
    return tuple(c["text"] for column in ("final_outcomes", "interim_outcomes") for c in cards if c["column"] == column and isinstance(c["text"], str))


def followed(latest: Latest) -> tuple[Followed, ...]:
    """What became of each outcome the model started from: kept, reworded or not used among its outcome cards."""
    return follow(started_from(latest), outcome_cards(latest))


def export_sections(exercise_id: str, latest: Latest) -> list[Section]:
    """The table's own logic model: its diagram and its cards, for the write-up."""
    from . import diagram  # matplotlib loads with the first chart, not with the page

    saved = latest.get("model")
    if saved is None or not saved.payload.get("cards"):
        return []
    payload = saved.payload
    cards, links = payload["cards"], payload.get("links", [])
    png, alt = diagram.draw(cards, links, payload.get("assumptions", ""), payload.get("external_factors", ""))
    by_id = {c["id"]: c["text"] for c in cards}
    rows = tuple((c["column"].replace("_", " "), c["text"], "; ".join(by_id.get(b, b) for a, b in links if a == c["id"])) for c in cards)
    notes = tuple(f"{label}: {payload[key]}" for label, key in (("Assumptions", "assumptions"), ("External factors", "external_factors")) if str(payload.get(key, "")).strip())
    followed = followed_section("Logic model: where its outcomes came from", started_from(latest), outcome_cards(latest), "logic model")
    return [Section(title="Logic model", paragraphs=notes, header=("Column", "Card", "Leads to"), rows=rows, image_png=png, image_alt=alt)] + ([followed] if followed else [])
