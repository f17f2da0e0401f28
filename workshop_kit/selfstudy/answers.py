"""A learner's latest saved rows turned back into the plain values each step's checks read.

The step pages save these shapes (see each step module's docstring); the
progress rules and the summary's feedback read them back here, in one place,
tolerating rows that are missing or malformed.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..exercises.drafting import DraftingContent, Theme, extra_ids
from ..exercises.homelessness import MAX_OUTCOMES, Measure, measure_from_payload
from ..exercises.levels import MAX_TARGETS, LadderDraft, ladder_content
from ..store import Answer

ATTEMPT_ITEM = "_attempt"
LADDER_RUNGS = ("aspiration", "sought", "smart", *(f"target_{n}" for n in range(1, MAX_TARGETS + 1)))

Latest = Mapping[str, Answer]


def _text(answer: Answer | None, key: str = "text") -> str:
    value = answer.payload.get(key) if answer is not None else None
    return value if isinstance(value, str) else ""


def sorting_choices(latest: Latest) -> tuple[int, dict[str, str]]:
    """The current attempt's number and its choices (item id -> category id), as the sorting page shows them."""
    marker = latest.get(ATTEMPT_ITEM)
    try:
        attempt = int(marker.payload.get("attempt", 1)) if marker else 1
    except (TypeError, ValueError):
        attempt = 1
    choices = {
        item: answer.payload["choice"]
        for item, answer in latest.items()
        if item != ATTEMPT_ITEM and answer.payload.get("attempt", 1) == attempt and isinstance(answer.payload.get("choice"), str)
    }
    return attempt, choices


def ladder_texts(latest: Latest) -> dict[str, str]:
    """Rung or link id -> the text saved for it ('' when not written)."""
    return {item: _text(latest.get(item)) for item in ("person", *LADDER_RUNGS, "link_1", "link_2")}


def ladder_level(rung: str) -> str:
    """The level a rung is reviewed at (targets share the 'target' rung's level)."""
    return ladder_content().rung("target" if rung.startswith("target_") else rung).level


def ladder_label(rung: str) -> str:
    if rung.startswith("target_"):
        return f"Target {rung.split('_', 1)[1]}"
    return ladder_content().rung(rung).label


def ladder_draft(texts: Mapping[str, str]) -> LadderDraft:
    return LadderDraft(
        person=texts.get("person", ""),
        aspiration=texts.get("aspiration", ""),
        sought=texts.get("sought", ""),
        smart=texts.get("smart", ""),
        targets=tuple(texts.get(f"target_{n}", "") for n in range(1, MAX_TARGETS + 1)),
        links=tuple(texts.get(f"link_{n}", "") for n in range(1, MAX_TARGETS + 1)),
    )


def rewrites(latest: Latest) -> dict[str, str]:
    """Weak statement id -> the learner's latest rewrite, for those with one."""
    return {item: _text(answer) for item, answer in latest.items() if _text(answer).strip()}


def drafts(latest: Latest, drafting: DraftingContent) -> list[tuple[str, Theme | None, str]]:
    """(item, theme or None for an added draft, latest wording) for every draft with text, themes first."""
    found = []
    for item in [t.id for t in drafting.themes] + extra_ids(latest):
        wording = _text(latest.get(item))
        if wording.strip():
            found.append((item, drafting.theme(item), wording))
    return found


def scenario(latest: Latest) -> tuple[list[str], list[Measure]]:
    """The homelessness scenario's outcomes (by position, blanks kept) and its measures still on the scorecard."""
    stage1 = latest.get("stage1")
    raw = stage1.payload.get("outcomes", []) if stage1 else []
    outcomes = [str(o) for o in raw][:MAX_OUTCOMES] if isinstance(raw, list) else []
    measures = [
        m for item, answer in latest.items() if item.startswith("measure-")
        for m in [measure_from_payload(item, answer.payload)] if m is not None
    ]
    return outcomes, sorted(measures, key=lambda m: m.id)


def logic_model(latest: Latest) -> dict[str, Any]:
    """The learner's own logic model as ``check_logic_model`` reads it (empty lists when none)."""
    saved = latest.get("model")
    payload = saved.payload if saved else {}
    cards = [c for c in payload.get("cards", []) if isinstance(c, dict) and {"id", "column", "text"} <= set(c)]
    links = [list(link) for link in payload.get("links", []) if isinstance(link, (list, tuple)) and len(link) == 2]
    return {"cards": cards, "links": links}


def indicator_measures(latest: Latest) -> list[dict[str, Any]]:
    saved = latest.get("map")
    measures = saved.payload.get("measures", []) if saved else []
    return [m for m in measures if isinstance(m, dict) and isinstance(m.get("text"), str)]


def framework(latest: Latest) -> dict[str, Any]:
    saved = latest.get("framework")
    payload = saved.payload if saved else {}
    return {key: list(payload.get(key, [])) for key in ("outcomes", "services", "contributions")}


def required_actual(latest: Latest) -> dict[str, Any]:
    saved = latest.get("required_actual")
    entries = saved.payload.get("entries", {}) if saved else {}
    return dict(entries) if isinstance(entries, dict) else {}
