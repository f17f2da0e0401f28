"""Drafting strategic outcome statements: loading the themes, reviewing a draft, service-led wording.

Pure logic, no widgets. A draft is reviewed with the kit's scoring library
(``review_outcome`` at the level the content names, ``classify_statement``)
and flagged as service-led when it reads like an input, process or output, or
uses provision words ("provide", "deliver", "access to", "receive"...). A
flagged draft gets a rewrite suggestion in the voice of children and young
people (Council for Disabled Children, "Outcomes, outputs and impact"; Social
Care Wales, "Understanding an outcomes approach": services and resources are
not outcomes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from ... import content
from ...content import ContentError
from ...scoring import classify_statement, review_outcome
from ...scoring.results import ReviewResult
from ...store import Answer
from ...wording import shorten, with_article

CONTENT = "drafting_statements/themes"
SERVICE_KINDS = frozenset({"input", "process", "output"})
EXTRA_PREFIX = "extra-"


@dataclass(frozen=True)
class Theme:
    """A common theme of strategic outcomes, with a prompt and a model answer."""

    id: str
    label: str
    prompt: str
    starter: str
    model_answer: str
    source: str


@dataclass(frozen=True)
class DraftingContent:
    """Everything the drafting page shows, from ``content/drafting_statements/themes.json``."""

    title: str
    intro: tuple[str, ...]
    sources: tuple[str, ...]
    level: str
    max_chars: int
    provision_words: tuple[str, ...]
    themes: tuple[Theme, ...]
    hints: tuple[str, ...]

    def theme(self, theme_id: str | None) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)


@lru_cache(maxsize=1)
def load() -> DraftingContent:
    """The drafting content, with its sources and theme ids checked."""
    raw = content.load_raw(CONTENT)
    themes = tuple(Theme(**t) for t in raw["themes"])
    ids = [t.id for t in themes]
    if len(ids) != len(set(ids)):
        raise ContentError(f"{CONTENT}: two themes share an id.")
    if any(i.startswith(EXTRA_PREFIX) for i in ids):
        raise ContentError(f"{CONTENT}: theme ids may not start with {EXTRA_PREFIX!r}.")
    known = content.sources()
    for ref in list(raw["sources"]) + [t.source for t in themes]:
        if ref not in known:
            raise ContentError(f"{CONTENT}: unknown source {ref!r}; add it to sources.json.")
    return DraftingContent(
        title=raw["title"],
        intro=tuple(raw["intro"]),
        sources=tuple(raw["sources"]),
        level=raw["level"],
        max_chars=raw["max_chars"],
        provision_words=tuple(raw["provision_words"]),
        themes=themes,
        hints=tuple(raw["hints"]),
    )


def provision_words_in(text: str, words: Iterable[str]) -> tuple[str, ...]:
    """The provision words or phrases found in *text* as whole words, in the order given."""
    lower = " ".join(str(text).casefold().split())
    return tuple(w for w in words if re.search(rf"(?<![\w]){re.escape(w.casefold())}(?![\w])", lower))


_PROVIDED = re.compile(
    r"\b(?:provide|provides|deliver|delivers|offer|offers|receive|receives|access to|commission)\s+"
    r"(?:access to\s+)?(?:(?:a|an|the|more|good|better)\s+)?([^,.;:!?]{3,60}?)(?:\s+(?:for|to|by|so|in order)\b.*)?[,.;:!?]?$",
    re.I,
)


def provided_thing(text: str) -> str:
    """What a service-led draft says will be provided ("fun activities" in "Provide access to fun activities"), or ""."""
    match = _PROVIDED.search(" ".join(str(text).split()))
    return match.group(1).strip() if match else ""


def rewrite_suggestion(text: str, theme: Theme | None) -> str:
    """A rewrite in the voice of children and young people: the change, not the service."""
    thing = provided_thing(text)
    if theme is not None:
        suggestion = f"Children and young people {theme.starter}."
    else:
        suggestion = "Children and young people ... (say what will be different in their lives)."
    if thing:
        return f'Ask what {thing} would make possible for them, and say that instead. For example: "{suggestion}"'
    return f'Say what will be different for children and young people, not what a service does. For example: "{suggestion}"'


@dataclass(frozen=True)
class DraftReview:
    """The review of one draft: the scoring library's verdicts plus the service-led check."""

    text: str
    """The draft as typed."""
    empty: bool
    """True when there was nothing to review."""
    too_long: bool
    """True when the draft is longer than the content's ``max_chars`` (it is then neither reviewed nor saved)."""
    kind: str | None
    """What ``classify_statement`` says the draft reads like."""
    review: ReviewResult | None
    """``review_outcome`` at the content's level (None when empty or too long)."""
    service_led: bool
    """True when the draft describes a service rather than a change for people."""
    service_reasons: tuple[str, ...]
    """Why it was flagged as service-led."""
    suggestion: str
    """A rewrite suggestion when service-led, else ""."""


def review_draft(text: str, theme: Theme | None, drafting: DraftingContent) -> DraftReview:
    """Review a draft outcome statement; never raises for any string."""
    text = "" if text is None else str(text)
    if not text.strip():
        return DraftReview(text, True, False, None, None, False, (), "")
    if len(text) > drafting.max_chars:
        return DraftReview(text, False, True, None, None, False, (), "")
    kind = classify_statement(text).kind
    review = review_outcome(text, drafting.level)
    found = provision_words_in(text, drafting.provision_words)
    reasons: list[str] = []
    if kind in SERVICE_KINDS:
        reasons.append(f"It reads like {with_article(kind)}: something a service does or uses, not a change for people.")
    if found:
        reasons.append("It uses service words (" + ", ".join(f"'{w}'" for w in found) + "): it says what will be provided, not what will be different for children, young people and families.")
    service_led = bool(reasons)
    return DraftReview(text, False, False, kind, review, service_led, tuple(reasons), rewrite_suggestion(text, theme) if service_led else "")


def draft_payload(theme: Theme | None, result: DraftReview, proposed: bool, version: int, verdict: Mapping[str, object], trigger: str, restored_from: int | None = None) -> dict[str, Any]:
    """The row saved for one version of a reviewed draft::

        {"theme": "fun" | None, "text": "...", "proposed": false, "version": 3,
         "kind": "outcome", "score": 80, "verdict": "ready", "accepted": true, "service_led": false,
         "restored_from": None | 1, "trigger": "pause" | "check" | "propose" | "restore"}

    ``version`` counts that draft's rows from 1; ``kind`` is what ``classify_statement`` says,
    ``score`` the ``review_outcome`` score at the content's level; ``verdict`` is what every page
    saves beside a review (``verdict_fields``).
    """
    assert result.review is not None
    return {
        "theme": theme.id if theme else None,
        "text": result.text,
        "proposed": proposed,
        "version": version,
        "kind": result.kind,
        "score": result.review.score,
        **verdict,
        "service_led": result.service_led,
        "restored_from": restored_from,
        "trigger": trigger,
    }


def too_long_message(length: int, limit: int) -> str:
    return f"This draft is {length:,} characters long, which is more than the {limit:,} we can save. Please shorten it; a strategic outcome is usually one sentence."


def next_extra_id(existing: Iterable[str]) -> str:
    """The id for another draft after the themed ones: extra-1, extra-2, ..."""
    numbers = [int(i[len(EXTRA_PREFIX) :]) for i in existing if i.startswith(EXTRA_PREFIX) and i[len(EXTRA_PREFIX) :].isdigit()]
    return f"{EXTRA_PREFIX}{max(numbers, default=0) + 1}"


def extra_ids(existing: Iterable[str]) -> list[str]:
    """The extra draft ids among saved items, in number order."""
    found = [i for i in existing if i.startswith(EXTRA_PREFIX) and i[len(EXTRA_PREFIX) :].isdigit()]
    return sorted(found, key=lambda i: int(i[len(EXTRA_PREFIX) :]))


def payloads_by_item(rows: Iterable[Answer]) -> dict[str, list[dict[str, Any]]]:
    """Each draft's saved payloads, oldest first, by item (rows as ``store.history`` gives them)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        found.setdefault(row.item, []).append(row.payload)
    return found


@dataclass(frozen=True)
class Version:
    """One saved wording of a draft."""

    number: int
    text: str
    proposed: bool
    restored_from: int | None


def versions(payloads: Sequence[dict[str, Any]]) -> list[Version]:
    """Every saved wording of one draft, oldest first, numbered from 1 (rows with no text are skipped)."""
    found: list[Version] = []
    for payload in payloads:
        if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
            continue
        restored = payload.get("restored_from")
        found.append(Version(len(found) + 1, payload["text"], bool(payload.get("proposed")), restored if isinstance(restored, int) else None))
    return found


def preview(text: str, limit: int = 70) -> str:
    """A one-line preview of a wording for a list of versions."""
    return shorten(text, limit, flatten=True)
