"""The outcomes framework as plain logic: a contribution matrix, and the gaps, duplication and unlinked services in it.

A framework is::

    {"outcomes": [str, ...], "services": [str, ...],
     "contributions": [{"service": str, "outcome": str, "measures": [str, ...]}, ...]}

(Beacon, 'Outcomes Frameworks': a subset of outcomes and measures for each
service shows its contribution, and any gaps or duplication.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Sequence

from ... import content
from ...content import ContentError

MAX_ITEMS = 8
MAX_TEXT = 150
MAX_NOTE = 2000


@lru_cache(maxsize=None)
def guide() -> dict[str, Any]:
    raw = content.load_raw("outcomes_framework/guide")
    ex = raw["example"]
    for c in ex["contributions"]:
        if c["service"] not in ex["services"] or c["outcome"] not in ex["outcomes"]:
            raise ContentError(f"outcomes_framework/guide: contribution {c} names an unknown service or outcome.")
    return raw


def split_lines(value: str) -> list[str]:
    return list(dict.fromkeys(line.strip() for line in (value or "").splitlines() if line.strip()))


def split_measures(value: str) -> list[str]:
    """Measures typed in one box, separated by semicolons or new lines."""
    return list(dict.fromkeys(m.strip() for m in re.split(r"[;\n]", value or "") if m.strip()))


def list_problems(label: str, items: Sequence[str]) -> list[str]:
    problems = []
    if len(items) > MAX_ITEMS:
        problems.append(f"There are {len(items)} {label}; keep it to {MAX_ITEMS} so the matrix stays readable.")
    problems.extend(f"{label.capitalize()[:-1]} {n} is {len(item):,} characters long; keep each under {MAX_TEXT} characters." for n, item in enumerate(items, 1) if len(item) > MAX_TEXT)
    return problems


def _key(measure: str) -> str:
    return " ".join(measure.casefold().split())


def set_contribution(contributions: Sequence[Mapping[str, Any]], service: str, outcome: str, measures: Sequence[str]) -> list[dict]:
    """The contributions with this service's measures for this outcome set (replacing any earlier ones)."""
    kept = [dict(c) for c in contributions if not (c["service"] == service and c["outcome"] == outcome)]
    return kept + [{"service": service, "outcome": outcome, "measures": list(measures)}]


def remove_contribution(contributions: Sequence[Mapping[str, Any]], service: str, outcome: str) -> list[dict]:
    return [dict(c) for c in contributions if not (c["service"] == service and c["outcome"] == outcome)]


def keep_known(framework: Mapping[str, Any]) -> list[dict]:
    """Contributions whose service and outcome are still on the lists."""
    outcomes, services = set(framework.get("outcomes", [])), set(framework.get("services", []))
    return [dict(c) for c in framework.get("contributions", []) if c["service"] in services and c["outcome"] in outcomes]


@dataclass(frozen=True)
class Duplicate:
    outcome: str
    services: tuple[str, ...]
    measures: tuple[str, ...]


@dataclass(frozen=True)
class Analysis:
    outcomes: tuple[str, ...]
    services: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    """counts[o][s]: measures service s reports for outcome o; -1 when it does not contribute."""
    gaps: tuple[str, ...]
    """Outcomes no service contributes to."""
    duplicates: tuple[Duplicate, ...]
    """Several services claiming the same outcome with the same measure(s)."""
    unlinked: tuple[str, ...]
    """Services linked to no outcome."""

    def sentences(self) -> list[str]:
        said: list[str] = []
        said.extend(f"Gap: no service contributes to '{o}'." for o in self.gaps)
        said.extend(f"Duplication: {', '.join(d.services)} all claim '{d.outcome}' with the same measure: {'; '.join(d.measures)}." for d in self.duplicates)
        said.extend(f"'{s}' is linked to no outcome." for s in self.unlinked)
        return said or ["No gaps, duplication or unlinked services: every outcome has a contributor and every service an outcome."]


def analyse(framework: Mapping[str, Any]) -> Analysis:
    outcomes = tuple(framework.get("outcomes", []))
    services = tuple(framework.get("services", []))
    contributions = keep_known(framework)
    found = {(c["service"], c["outcome"]): c["measures"] for c in contributions}
    counts = tuple(tuple(len(found[(s, o)]) if (s, o) in found else -1 for s in services) for o in outcomes)
    gaps = tuple(o for o in outcomes if all((s, o) not in found for s in services))
    unlinked = tuple(s for s in services if all((s, o) not in found for o in outcomes))
    duplicates: list[Duplicate] = []
    for o in outcomes:
        by_measure: dict[str, list[str]] = {}
        shown: dict[str, str] = {}
        for s in services:
            for m in found.get((s, o), []):
                by_measure.setdefault(_key(m), []).append(s)
                shown.setdefault(_key(m), m)
        groups: dict[tuple[str, ...], list[str]] = {}
        for key, who in by_measure.items():
            if len(who) > 1:
                groups.setdefault(tuple(who), []).append(shown[key])
        duplicates.extend(Duplicate(o, who, tuple(ms)) for who, ms in groups.items())
    return Analysis(outcomes, services, counts, gaps, tuple(duplicates), unlinked)


def findings(analysis: Analysis) -> dict[str, Any]:
    """What the analysis found, as saved with the framework (``findings``): gaps, unlinked services, duplicates."""
    return {
        "gaps": list(analysis.gaps),
        "unlinked": list(analysis.unlinked),
        "duplicates": [{"outcome": d.outcome, "services": list(d.services), "measures": list(d.measures)} for d in analysis.duplicates],
    }
