"""What the whole room decides: statements tables propose, one vote per table, the agreed
outcomes and merged wordings.

Everything is kept in the same append-only store. A table's vote is its latest
row in the ``room_vote`` exercise, so each table has exactly one vote that it
can change. The facilitator's decisions are rows of a group named
"Facilitator" (mode ``facilitator``); the latest decision is the one in force.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from .store import Answer, Store

FACILITATOR = "Facilitator"
VOTE_EXERCISE = "room_vote"
DECISIONS_EXERCISE = "room_decisions"
MAX_AGREED = 4


@dataclass(frozen=True)
class Candidate:
    """A statement a table has put to the room (or one the facilitator merged)."""

    key: str
    text: str
    table: str
    exercise: str


def _is_facilitator(answer: Answer) -> bool:
    return answer.group == FACILITATOR


def candidates(store: Store, session: str) -> list[Candidate]:
    """Statements proposed to the room: the latest version of every saved answer marked
    ``"proposed": true`` with a ``"text"``, plus merged wordings, minus statements merged away."""
    latest: dict[tuple[str, str, str], Answer] = {}
    for answer in store.all_answers(session):
        latest[(answer.group, answer.exercise, answer.item)] = answer
    found: dict[str, Candidate] = {}
    for (group, exercise, item), answer in latest.items():
        payload = answer.payload
        text = payload.get("text")
        if group != FACILITATOR and payload.get("proposed") is True and isinstance(text, str) and text.strip():
            key = f"{group}\u241f{exercise}\u241f{item}"
            found[key] = Candidate(key, text, group, exercise)
    decisions = _latest_decisions(store, session)
    for merged in decisions.get("merges", []):
        for key in merged["keys"]:
            found.pop(key, None)
        found[merged["key"]] = Candidate(merged["key"], merged["wording"], "Merged", "room")
    return sorted(found.values(), key=lambda c: (c.table.casefold(), c.exercise, c.key))


def _latest_decisions(store: Store, session: str) -> dict[str, list[Any]]:
    facilitator = store.find_group(session, FACILITATOR)  # reading only: no decisions yet if there is none
    if facilitator is None:
        return {"agreed": [], "merges": []}
    latest = store.latest(facilitator, DECISIONS_EXERCISE)
    merges = [a.payload for a in store.history(facilitator, DECISIONS_EXERCISE, "merge")]
    agreed = latest.get("agreed")
    return {"agreed": list(agreed.payload.get("keys", [])) if agreed else [], "merges": merges}


def record_vote(store: Store, session: str, table: str, key: str) -> None:
    """Record (or change) a table's one vote."""
    if table == FACILITATOR:
        raise ValueError("The facilitator does not vote; tables do.")
    store.save(store.group(session, table), VOTE_EXERCISE, "vote", {"key": key})


def vote_counts(store: Store, session: str) -> Counter[str]:
    """Votes per statement key, counting only each table's latest vote."""
    latest: dict[str, str] = {}
    for answer in store.all_answers(session):
        if answer.exercise == VOTE_EXERCISE and not _is_facilitator(answer):
            latest[answer.group] = answer.payload.get("key", "")
    return Counter(latest.values())


def set_agreed(store: Store, session: str, keys: list[str]) -> None:
    """Mark the room's agreed outcomes (at most four, as the homelessness brief asks)."""
    if len(keys) > MAX_AGREED:
        raise ValueError(f"Agree at most {MAX_AGREED} outcomes; {len(keys)} were chosen.")
    facilitator = store.group(session, FACILITATOR, "facilitator")
    store.save(facilitator, DECISIONS_EXERCISE, "agreed", {"keys": list(keys)})


def agreed(store: Store, session: str) -> list[Candidate]:
    """The agreed statements, in the order they were marked."""
    by_key = {c.key: c for c in candidates(store, session)}
    return [by_key[k] for k in _latest_decisions(store, session)["agreed"] if k in by_key]


def merge(store: Store, session: str, keys: list[str], wording: str) -> str:
    """Merge near-duplicate statements into one new wording; returns the merged key."""
    wording = wording.strip()
    if len(keys) < 2:
        raise ValueError("Choose at least two statements to merge.")
    if not wording:
        raise ValueError("Type the wording the merged statement should have.")
    facilitator = store.group(session, FACILITATOR, "facilitator")
    count = len(store.history(facilitator, DECISIONS_EXERCISE, "merge"))
    merged_key = f"merged-{count + 1}"
    store.save(facilitator, DECISIONS_EXERCISE, "merge", {"key": merged_key, "keys": list(keys), "wording": wording})
    return merged_key
