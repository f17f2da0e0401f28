"""Loading the cue words in ``cues.json`` once and turning them into patterns.

The word lists are data, so a facilitator can extend them without touching
Python. Phrase syntax (also described in the file itself):

* words separated by spaces match any run of spaces;
* a trailing ``*`` matches any ending (``feel*`` matches feel, feels, feeling);
* ``#`` matches a number in digits or words (``24``, ``80%``, ``forty``, ``half``).

Matching is done on case-folded text, whole words only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

CUES_FILE = Path(__file__).with_name("cues.json")
_DIGITS = r"(?:£?\d+(?:[.,]\d+)*(?:\s?%)?)"


@dataclass(frozen=True)
class CueGroup:
    """A named list of phrases compiled into one pattern."""

    label: str
    """Plain-English name shown in reasons, e.g. 'a change in someone's life'."""
    weight: float
    """How much one match counts."""
    pattern: re.Pattern[str]
    """The compiled alternation of all phrases."""
    kind: str = ""
    """The kind or quadrant this group votes for (empty for neutral lists)."""
    source: str = ""
    """The seed document the rule comes from, if any."""
    id: str = ""
    """A short name the code refers to, e.g. 'people_change' (the group's "id" in cues.json)."""

    def find(self, text: str, limit: int = 50) -> list[re.Match[str]]:
        """All non-overlapping matches in *text* (at most *limit*)."""
        out = []
        for m in self.pattern.finditer(text):
            out.append(m)
            if len(out) >= limit:
                break
        return out

    def words(self, text: str) -> list[str]:
        """The matched words, without duplicates, in order of appearance."""
        seen: dict[str, None] = {}
        for m in self.find(text):
            seen.setdefault(m.group(0), None)
        return list(seen)


@lru_cache(maxsize=1)
def raw() -> dict[str, Any]:
    """The parsed contents of cues.json (read once per process)."""
    with CUES_FILE.open(encoding="utf-8") as fh:
        parsed: dict[str, Any] = json.load(fh)
    return parsed


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex source for a number in digits or words."""
    words = sorted(raw()["numbers"], key=len, reverse=True)
    return "(?:" + _DIGITS + "|" + "|".join(re.escape(w) for w in words) + r"(?:\s?%)?)"


def _phrase_regex(phrase: str) -> str:
    parts = []
    for token in phrase.strip().casefold().split():
        if token == "#":
            parts.append(number_pattern())
        elif token.startswith("#"):
            parts.append(number_pattern() + re.escape(token[1:]))
        elif token.endswith("*"):
            parts.append(re.escape(token[:-1]) + r"[\w'’-]*")
        else:
            parts.append(re.escape(token))
    return r"\s+".join(parts)


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One whole-word pattern matching any of *phrases* (longest first)."""
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    body = "|".join(_phrase_regex(p) for p in ordered)
    return re.compile(r"(?<![\w£])(?:" + body + r")(?![\w])")


@lru_cache(maxsize=None)
def group(*path: str) -> CueGroup:
    """A plain list at ``cues.json[path...]`` as a CueGroup (label from the last key)."""
    node: Any = raw()
    for key in path:
        node = node[key]
    if isinstance(node, dict):
        return CueGroup(node.get("label", path[-1]), float(node.get("weight", 1)), compile_phrases(node["phrases"]), node.get("kind", ""), node.get("source", ""))
    return CueGroup(path[-1].replace("_", " "), 1.0, compile_phrases(node))


@lru_cache(maxsize=None)
def voting_groups(section: str) -> tuple[CueGroup, ...]:
    """The weighted groups in a list section such as 'statement' or 'measure'."""
    out = []
    for node in raw()[section]:
        out.append(CueGroup(node["label"], float(node["weight"]), compile_phrases(node["phrases"]), node.get("kind") or node.get("quadrant", ""), node.get("source", ""), node.get("id", "")))
    return tuple(out)


def voting_group(section: str, group_id: str) -> CueGroup:
    """One weighted group of a list section, by its id (e.g. ``voting_group("statement", "received")``)."""
    for g in voting_groups(section):
        if g.id == group_id:
            return g
    raise KeyError(f"No cue group {group_id!r} in {section!r} of cues.json")


@lru_cache(maxsize=None)
def word_set(*path: str) -> frozenset[str]:
    """A plain list in cues.json as a set of lower-case words."""
    node: Any = raw()
    for key in path:
        node = node[key]
    return frozenset(w.casefold() for w in node)


def reload() -> None:
    """Forget the cached cues so an edited cues.json is read again."""
    for fn in (raw, number_pattern, group, voting_groups, word_set):
        fn.cache_clear()
