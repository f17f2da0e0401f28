"""The golden thread: from each aspiration to its outcome, the outcome's indicators (with their RBA question and
data source), the services contributing, and the actions, with the breaks in it flagged.

Pure: plain saved payloads in, frozen values out. A table's thread is read from what it
saved in drafting (step 4), the outcomes framework (step 8), the indicator map (step 7)
and action planning (step 9); the area's thread from its imported framework. Breaks are
an outcome with no indicator, an indicator with no data source, and a service that
contributes to no outcome. The homelessness scenario is practice, so it is not part of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

QUESTIONS = {"how_much": "How much did we do?", "how_well": "How well did we do it?", "better_off": "Is anybody better off?"}
ORIGIN_DRAFTS = "from your drafts"
ORIGIN_FRAMEWORK_STEP = "from your outcomes framework"
ORIGIN_INDICATOR_MAP = "from your indicator map"
ORIGIN_AREA = "from the area's framework"
ORIGIN_AGREED = "from the room's agreed outcomes"
CARRIED_ORIGINS = (ORIGIN_AGREED, ORIGIN_DRAFTS, ORIGIN_AREA)
"""Where a later step's starting rows came from (``stepkit.starting_rows``)."""
KNOWN_BUT_UNNAMED = "the area collects it (source not named)"

Payloads = Mapping[str, Mapping[str, Mapping[str, Any]]]
"""exercise id -> item -> the latest payload saved for it."""


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


@dataclass(frozen=True)
class ThreadIndicator:
    text: str
    question: str | None
    """how_much, how_well or better_off; None when neither the table nor the kit could say."""
    question_by: str
    """"the table" when the table chose it, "the kit" when it is the kit's reading of the wording."""
    source: str
    """Where the data comes from; '' when nobody has said."""
    suggested: tuple[str, ...] = ()
    """Public sources that may hold it (data_sources.suggest), when it has no source."""

    def describe(self) -> str:
        question = f"{QUESTIONS[self.question]} ({self.question_by})" if self.question else "RBA question not known"
        source = self.source or "no data source" + (f"; public sources that may hold it: {', '.join(self.suggested)}" if self.suggested else "")
        return f"{self.text} [{question}; {source}]"


@dataclass(frozen=True)
class Strand:
    """One outcome's part of the thread."""

    aspiration: str
    outcome: str
    origins: tuple[str, ...]
    indicators: tuple[ThreadIndicator, ...] = ()
    services: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()

    @property
    def breaks(self) -> tuple[str, ...]:
        found = [] if self.indicators else [f"The outcome \u201c{self.outcome}\u201d has no indicator."]
        found += [
            f"The indicator \u201c{i.text}\u201d (outcome \u201c{self.outcome}\u201d) has no data source" + (f"; public sources that may hold it: {', '.join(i.suggested)}." if i.suggested else ".")
            for i in self.indicators
            if not i.source
        ]
        return tuple(found)

    def as_dict(self) -> dict[str, Any]:
        return {
            "aspiration": self.aspiration,
            "outcome": self.outcome,
            "origins": list(self.origins),
            "indicators": [{"text": i.text, "rba_question": i.question, "question_by": i.question_by, "source": i.source, "suggested_sources": list(i.suggested)} for i in self.indicators],
            "services": list(self.services),
            "actions": list(self.actions),
            "leads": list(self.leads),
            "breaks": list(self.breaks),
        }


@dataclass(frozen=True)
class GoldenThread:
    strands: tuple[Strand, ...]
    idle_services: tuple[str, ...] = ()
    """Services listed that contribute to no outcome."""
    loose_actions: tuple[str, ...] = ()
    """Actions that name no outcome and no contributing service."""

    @property
    def breaks(self) -> tuple[str, ...]:
        return tuple(b for s in self.strands for b in s.breaks) + tuple(f"The service \u201c{s}\u201d contributes to no outcome." for s in self.idle_services)

    @property
    def empty(self) -> bool:
        return not (self.strands or self.idle_services)


@dataclass
class _Building:
    aspiration: str
    outcome: str
    origins: list[str] = field(default_factory=list)
    indicators: dict[str, ThreadIndicator] = field(default_factory=dict)
    services: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    leads: list[str] = field(default_factory=list)

    def add(self, values: list[str], value: str) -> None:
        if value and _key(value) not in {_key(v) for v in values}:
            values.append(value)

    def add_indicator(self, indicator: ThreadIndicator) -> None:
        """Keep the best-known version of a measure: one with a source and the table's own RBA question wins."""
        key = _key(indicator.text)
        known = self.indicators.get(key)
        if known is None:
            self.indicators[key] = indicator
            return
        self.indicators[key] = ThreadIndicator(
            known.text,
            known.question if known.question_by == "the table" or indicator.question is None else indicator.question,
            known.question_by if known.question_by == "the table" or indicator.question is None else indicator.question_by,
            known.source or indicator.source,
            () if (known.source or indicator.source) else (known.suggested or indicator.suggested),
        )

    def done(self) -> Strand:
        return Strand(self.aspiration, self.outcome, tuple(self.origins), tuple(self.indicators.values()), tuple(self.services), tuple(self.actions), tuple(self.leads))


class _Thread:
    def __init__(self, imported_series: Iterable[str], imported_from: str) -> None:
        self.strands: dict[str, _Building] = {}
        self.series = {_key(s) for s in imported_series}
        self.imported_from = imported_from

    def strand(self, outcome: str, origin: str, aspiration: str = "") -> _Building:
        key = _key(outcome)
        if key not in self.strands:
            self.strands[key] = _Building(aspiration, outcome.strip())
        building = self.strands[key]
        building.aspiration = building.aspiration or aspiration
        building.add(building.origins, origin)
        return building

    def indicator(self, text: str, question: str | None, question_by: str, source: str) -> ThreadIndicator:
        from .data_sources import suggest

        if not source and _key(text) in self.series:
            source = f"the area's imported data ({self.imported_from})"
        if question is None:
            from .scoring import classify_measure

            question, question_by = classify_measure(text).quadrant, "the kit"
        suggested = () if source else tuple(s.name for s in suggest(text))
        return ThreadIndicator(text.strip(), question, question_by, source, suggested)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def table_thread(latest: Payloads, theme_labels: Mapping[str, str], imported_series: Sequence[str] = (), imported_from: str = "") -> GoldenThread:
    """A table's golden thread from its latest saved payloads (exercise -> item -> payload)."""
    thread = _Thread(imported_series, imported_from)
    for item, payload in sorted(latest.get("drafting_statements", {}).items()):
        text = _text(payload.get("text"))
        if text and not item.startswith("_"):
            thread.strand(text, ORIGIN_DRAFTS, theme_labels.get(str(payload.get("theme") or item), ""))
    framework = latest.get("outcomes_framework", {}).get("framework", {})
    for outcome in framework.get("outcomes", []) or []:
        if _text(outcome):
            thread.strand(outcome, ORIGIN_FRAMEWORK_STEP)
    contributing: set[str] = set()
    for contribution in framework.get("contributions", []) or []:
        outcome, service = _text(contribution.get("outcome")), _text(contribution.get("service"))
        if not outcome or not service:
            continue
        strand = thread.strand(outcome, ORIGIN_FRAMEWORK_STEP)
        strand.add(strand.services, service)
        contributing.add(_key(service))
        for measure in contribution.get("measures", []) or []:
            if _text(measure):
                strand.add_indicator(thread.indicator(measure, None, "the kit", ""))
    mapped = latest.get("indicators", {}).get("map", {})
    if _text(mapped.get("outcome")):
        strand = thread.strand(mapped["outcome"], ORIGIN_INDICATOR_MAP)
        for measure in mapped.get("measures", []) or []:
            if not _text(measure.get("text")):
                continue
            source = _text(measure.get("source")) or (KNOWN_BUT_UNNAMED if measure.get("have_data") is True else "")
            question = measure.get("question") if measure.get("question") in QUESTIONS else None
            strand.add_indicator(thread.indicator(measure["text"], question, "the table", source))
    _carried_origins(thread, (framework, mapped))
    idle = [s for s in framework.get("services", []) or [] if _text(s) and _key(s) not in contributing]
    loose = _link_actions(thread, latest.get("action_planning", {}))
    return GoldenThread(tuple(s.done() for s in thread.strands.values()), tuple(dict.fromkeys(s.strip() for s in idle)), tuple(loose))


def _carried_origins(thread: _Thread, payloads: Iterable[Mapping[str, Any]]) -> None:
    """An outcome a later step kept from its starting rows (``stepkit.starting_rows``: the table's drafts, the room's
    agreed outcomes, the area's framework) is marked with where it first came from too."""
    for payload in payloads:
        for row in payload.get("started_from", []) or []:
            if isinstance(row, Mapping) and _text(row.get("text")) and row.get("origin") in CARRIED_ORIGINS and _key(row["text"]) in thread.strands:
                strand = thread.strands[_key(row["text"])]
                strand.add(strand.origins, row["origin"])


def _link_actions(thread: _Thread, plan: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """Tie each action to the outcome it names (its ``outcome`` field, or the outcome's words in it), or to the
    outcomes of a contributing service it names; the rest are loose."""
    loose = []
    for item, payload in sorted(plan.items(), key=lambda kv: (len(kv[0]), kv[0])):
        action = _text(payload.get("action"))
        if not item.startswith("action-") or not action:
            continue
        who, due = _text(payload.get("owner")), _text(payload.get("due"))
        said = action + (f" ({', '.join(p for p in (who, due and 'by ' + due) if p)})" if who or due else "")
        named, words = _key(_text(payload.get("outcome"))), _key(action)
        tied = [s for key, s in thread.strands.items() if key == named or key in words or any(len(v) >= 4 and _key(v) in words for v in s.services)]
        for strand in tied:
            strand.add(strand.actions, said)
        if not tied:
            loose.append(said)
    return loose


def area_thread(rows: Iterable[Any], imported_series: Sequence[str] = (), imported_from: str = "") -> GoldenThread:
    """The area's golden thread from its imported framework rows (``importing.FrameworkRow``)."""
    from .importing import split_list

    thread = _Thread(imported_series, imported_from)
    for row in rows:
        strand = thread.strand(row.outcome, ORIGIN_AREA, row.aspiration)
        for indicator in split_list(row.indicator):
            strand.add_indicator(thread.indicator(indicator, None, "the kit", row.source))
        for service in split_list(row.service):
            strand.add(strand.services, service)
        strand.add(strand.leads, row.lead)
    return GoldenThread(tuple(s.done() for s in thread.strands.values()))


def rows_for_table(thread: GoldenThread) -> tuple[tuple[str, ...], ...]:
    """The thread as write-up rows: aspiration, outcome, indicators, services, actions, breaks."""
    return tuple(
        (
            s.aspiration or "-",
            s.outcome + f" ({'; '.join(s.origins)})",
            "; ".join(i.describe() for i in s.indicators) or "none",
            "; ".join(s.services) + (f" (lead: {', '.join(s.leads)})" if s.leads else "") if s.services or s.leads else "none",
            "; ".join(s.actions) or "none",
            str(len(s.breaks)) if s.breaks else "none",
        )
        for s in thread.strands
    )


HEADER = ("Aspiration", "Outcome (where it came from)", "Indicators [RBA question; data source]", "Services contributing", "Actions", "Breaks")
