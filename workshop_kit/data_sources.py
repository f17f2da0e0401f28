"""The public data sources reference (content/data_sources/public_sources.json) as typed values.

Used where an area looks for "existing data sources and known data gaps": the golden
thread suggests sources for an indicator that names none.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import content


@dataclass(frozen=True)
class DataSource:
    id: str
    title: str
    publisher: str
    measures: tuple[str, ...]
    frequency: str
    geography: tuple[str, ...]
    topics: tuple[str, ...]
    keywords: tuple[str, ...]
    url: str
    confidence: str
    """"checked" against the publisher's pages, or "unsure" (see ``unsure_about``)."""
    collection: str = ""
    unsure_about: str = ""

    @property
    def name(self) -> str:
        return f"{self.title} ({self.publisher})"


@lru_cache(maxsize=1)
def public_sources() -> tuple[DataSource, ...]:
    raw = content.load_raw("data_sources/public_sources")
    return tuple(
        DataSource(
            s["id"],
            s["title"],
            s["publisher"],
            tuple(s["measures"]),
            s["frequency"],
            tuple(s["geography"]),
            tuple(s["topics"]),
            tuple(s["keywords"]),
            s["url"],
            s["confidence"],
            s.get("collection", ""),
            s.get("unsure_about", ""),
        )
        for s in raw["sources"]
    )


def common_gaps() -> tuple[str, ...]:
    return tuple(content.load_raw("data_sources/public_sources")["common_gaps"])


def suggest(indicator: str, limit: int = 2) -> list[DataSource]:
    """Public sources whose keywords appear in an indicator's wording, the most keywords first."""
    words = " ".join(indicator.casefold().split())
    scored = [(sum(1 for k in s.keywords if k.casefold() in words), i, s) for i, s in enumerate(public_sources())]
    return [s for score, _i, s in sorted(scored, key=lambda t: (-t[0], t[1])) if score][:limit]
