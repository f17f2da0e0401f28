"""Children's and young people's cases, and the plain-words page text, as typed records. No widget code.

The cases are synthetic and say so. Each climbs the Council for Disabled Children's
chain: aspiration, outcome sought, SMART outcome as an EHC plan would write it,
and a target under it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ... import content
from ...content import ContentError

LIFE_STAGES = {"early_years": "Early years", "school_age": "School age", "preparing_for_adulthood": "Preparing for adulthood"}
VOICES = {"child": "in the child's words", "own_words": "written with the young person, in their own words", "parent_carer": "in the parent carers' words"}
MAX_OWN = 1000
"""Longest 'I want to...' a young person may save, in characters."""


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    age: str
    life_stage: str
    voice: str
    about: str
    aspiration: str
    outcome_sought: str
    ehc_outcome: str
    target: str
    service_led: str
    why_service_led: str

    @property
    def stage_label(self) -> str:
        return LIFE_STAGES[self.life_stage]

    @property
    def voice_label(self) -> str:
        return VOICES[self.voice]


@dataclass(frozen=True)
class Cases:
    synthetic_note: str
    sources: tuple[str, ...]
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class PlainPage:
    title: str
    for_whom: str
    intro: tuple[str, ...]
    good_outcome: tuple[str, ...]
    own_prompt: str
    source: str
    cases_source: str


@lru_cache(maxsize=None)
def cases() -> Cases:
    """The cases, with what a schema cannot check: ids unique, every life stage covered, one case in a young person's words."""
    raw = content.load_raw("children/cases")
    found = tuple(Case(**{k: v for k, v in c.items() if k != "synthetic"}) for c in raw["cases"])
    if len({c.id for c in found}) != len(found):
        raise ContentError("children/cases: two cases share an id.")
    missing = set(LIFE_STAGES) - {c.life_stage for c in found}
    if missing:
        raise ContentError(f"children/cases: no case for {', '.join(sorted(missing))}.")
    if not any(c.voice == "own_words" for c in found):
        raise ContentError("children/cases: at least one case must be in a young person's own words.")
    for ref in raw["sources"]:
        if ref not in content.sources():
            raise ContentError(f"children/cases: unknown source {ref!r}.")
    return Cases(raw["synthetic_note"], tuple(raw["sources"]), found)


@lru_cache(maxsize=None)
def plain_page() -> PlainPage:
    raw = content.load_raw("children/young_people_page")
    for ref in (raw["source"], raw["cases_source"]):
        if ref not in content.sources():
            raise ContentError(f"children/young_people_page: unknown source {ref!r}.")
    return PlainPage(raw["title"], raw["for_whom"], tuple(raw["intro"]), tuple(raw["good_outcome"]), raw["own_prompt"], raw["source"], raw["cases_source"])


def own_problem(value: str) -> str:
    """A plain sentence when an 'I want to...' cannot be saved as it is, else ''."""
    if not value.strip():
        return 'Write something first. Start with "I want to...".'
    if len(value) > MAX_OWN:
        return f"That is {len(value):,} characters long. Please keep it under {MAX_OWN:,}."
    return ""
