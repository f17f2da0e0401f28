"""Where a table's afternoon starts: the outcomes it drafted in step 4, the ones the room agreed, or,
for a table with no drafts, the area's own imported framework.

The Council for Disabled Children's day asks tables to "develop draft outcomes statements OR adapt
existing frameworks" and to carry them into logic models, indicators, a framework and an action plan
('Outcomes Based Commissioning and the SEND Reforms'). This module chooses those starting rows, each
marked with where it came from, and follows each one into what a later step saved, for the write-up.

Plain values in and out (``gather`` only reads the store): no ipywidgets, nothing saved. A later step
never overwrites what a table saved there: its page fills its boxes from these rows only when the table
has saved nothing in that step, and it saves the rows it started from beside its own (``started_from``),
so the write-up can show the first wording and the later one. The earlier step's rows are never touched:
the store only appends.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from .. import content
from ..golden_thread import CARRIED_ORIGINS, ORIGIN_AGREED, ORIGIN_AREA, ORIGIN_DRAFTS
from ..room import Candidate
from ..store import Group, Store
from .writeup import Section

ORIGINS = CARRIED_ORIGINS
DRAFTING = "drafting_statements"
AGREED_FROM = (DRAFTING, "room")
"""The agreed statements carried: drafts, and wordings the facilitator merged from them."""
MAX_ROWS = 8
"""Rows a step starts from: a logic model's column and a framework's list hold eight."""
STARTED_FROM = "started_from"
"""The payload key a later step saves its starting rows under."""

KEPT = "kept as first written"
REWORDED = "reworded"
NOT_USED = "not used here"
SIMILAR_ENOUGH = 0.5
"""How alike two wordings must be (difflib's ratio, 0 to 1) to count as one reworded from the other."""


def one_line(text: str) -> str:
    """Text with its runs of spaces and line breaks made single spaces, so a draft is one card or one line."""
    return " ".join(text.split())


def _key(text: str) -> str:
    return one_line(text).casefold()


@dataclass(frozen=True)
class StartingRow:
    """One outcome a later step starts from, and where it came from."""

    text: str
    origin: str
    """One of ``ORIGINS``: "from your drafts", "from the room's agreed outcomes", "from the area's framework"."""
    aspiration: str = ""
    """The draft's theme, or the framework row's aspiration."""
    indicators: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    note: str = ""
    """More on where it came from: "one of your drafts", "drafted by Table 2", "framework.xlsx, row 4"."""

    @property
    def marked(self) -> str:
        """Its origin as shown beside it: "from your drafts", with the note when there is one."""
        return f"{self.origin} ({self.note})" if self.note else self.origin

    def as_payload(self) -> dict[str, Any]:
        return {"text": self.text, "origin": self.origin, "aspiration": self.aspiration, "indicators": list(self.indicators), "services": list(self.services), "note": self.note}


def row_from_payload(value: object) -> StartingRow | None:
    """A saved starting row read back, or None for anything malformed (a row is never trusted to be well formed)."""
    if not isinstance(value, Mapping) or not isinstance(value.get("text"), str) or value.get("origin") not in ORIGINS:
        return None

    def texts(key: str) -> tuple[str, ...]:
        found = value.get(key)
        return tuple(v for v in found if isinstance(v, str)) if isinstance(found, list) else ()

    aspiration, note = value.get("aspiration"), value.get("note")
    return StartingRow(value["text"], value["origin"], aspiration if isinstance(aspiration, str) else "", texts("indicators"), texts("services"), note if isinstance(note, str) else "")


def saved_rows(payload: Mapping[str, Any] | None) -> tuple[StartingRow, ...]:
    """The starting rows a later step saved beside its own rows (``started_from``), well-formed ones only."""
    found = payload.get(STARTED_FROM) if payload else None
    if not isinstance(found, list):
        return ()
    return tuple(row for row in (row_from_payload(v) for v in found) if row is not None)


@dataclass(frozen=True)
class StartingRows:
    """The rows a table's later steps start from, in order, and how many were left out to keep to ``MAX_ROWS``."""

    rows: tuple[StartingRow, ...] = ()
    left_out: int = 0

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(row.text for row in self.rows)

    @property
    def first(self) -> str:
        return self.rows[0].text if self.rows else ""

    def lines(self) -> str:
        """The outcomes one per line, as a step's text box takes them."""
        return "\n".join(self.texts)

    def services(self) -> str:
        """The services the area's framework names for these outcomes, one per line (at most ``MAX_ROWS``)."""
        found = dict.fromkeys(s for row in self.rows for s in row.services)
        return "\n".join(list(found)[:MAX_ROWS])

    def payload(self) -> dict[str, Any]:
        """What a later step adds to the rows it saves: ``{"started_from": [...]}``, or nothing when there were none."""
        return {STARTED_FROM: [row.as_payload() for row in self.rows]} if self.rows else {}


@dataclass(frozen=True)
class Draft:
    """A table's latest wording of one draft in step 4."""

    text: str
    theme: str = ""


@dataclass(frozen=True)
class AreaOutcome:
    """One outcome of the area's imported framework, its rows put together."""

    outcome: str
    aspiration: str = ""
    indicators: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    note: str = ""


def choose(table: str, drafts: Sequence[Draft], agreed: Sequence[Candidate] = (), area: Sequence[AreaOutcome] = (), limit: int = MAX_ROWS) -> StartingRows:
    """The room's agreed outcomes first, then the table's own drafts; a table with no drafts starts from the area's framework.

    The same wording is listed once (the first way it came wins). At most ``limit`` rows; the rest are counted.
    """
    found: dict[str, StartingRow] = {}

    def add(row: StartingRow) -> None:
        if row.text and _key(row.text) not in found:
            found[_key(row.text)] = row

    own = {_key(d.text) for d in drafts}
    for candidate in agreed:
        if candidate.exercise not in AGREED_FROM:
            continue  # an exercise's practice statements (the homelessness scenario's) are not the area's outcomes
        mine = candidate.table == table or _key(candidate.text) in own
        note = "one of your drafts" if mine else ("merged by the facilitator" if candidate.exercise == "room" else f"put to the room by {candidate.table}")
        add(StartingRow(one_line(candidate.text), ORIGIN_AGREED, note=note))
    for draft in drafts:
        add(StartingRow(one_line(draft.text), ORIGIN_DRAFTS, aspiration=draft.theme))
    if not drafts:
        for outcome in area:
            add(StartingRow(one_line(outcome.outcome), ORIGIN_AREA, outcome.aspiration, outcome.indicators, outcome.services, outcome.note))
    rows = tuple(found.values())
    return StartingRows(rows[:limit], max(0, len(rows) - limit))


def drafts_from(latest: Mapping[str, Mapping[str, Any]], themes: Mapping[str, str]) -> list[Draft]:
    """Step 4's drafts with words, from its latest payloads (item -> payload): the themes in order, then added drafts."""
    order = list(themes)

    def place(item: str) -> tuple[int, int, str]:
        if item in themes:
            return (0, order.index(item), "")
        number = item.rsplit("-", 1)[-1]
        return (1, int(number) if number.isdigit() else 0, item)

    drafts = []
    for item in sorted((i for i in latest if not i.startswith("_")), key=place):
        text = latest[item].get("text")
        if isinstance(text, str) and text.strip():
            drafts.append(Draft(text, themes.get(str(latest[item].get("theme") or item), "")))
    return drafts


def area_outcomes(rows: Iterable[Any], file_name: str = "") -> list[AreaOutcome]:
    """The imported framework's rows (``importing.FrameworkRow``) put together by outcome, in the file's order."""
    from ..importing import split_list

    building: dict[str, dict[str, Any]] = {}
    for row in rows:
        text = one_line(row.outcome)
        if not text:
            continue
        entry = building.setdefault(_key(text), {"outcome": text, "aspiration": "", "indicators": {}, "services": {}, "first": row.row})
        entry["aspiration"] = entry["aspiration"] or one_line(row.aspiration)
        entry["indicators"].update(dict.fromkeys(split_list(row.indicator)))
        entry["services"].update(dict.fromkeys(split_list(row.service)))
    return [AreaOutcome(e["outcome"], e["aspiration"], tuple(e["indicators"]), tuple(e["services"]), f"{file_name}, row {e['first']}" if file_name else f"row {e['first']}") for e in building.values()]


def theme_labels() -> dict[str, str]:
    """Step 4's theme ids and labels, in the page's order."""
    return {t["id"]: t["label"] for t in content.load_raw("drafting_statements/themes")["themes"]}


def gather(store: Store, group: Group | None) -> StartingRows:
    """Read what a table's later steps start from: its drafts, the room's agreed outcomes and the area's framework."""
    if group is None:
        return StartingRows()
    from ..importing import stored
    from ..room import agreed

    latest = {item: answer.payload for item, answer in store.latest(group, DRAFTING).items()}
    drafts = drafts_from(latest, theme_labels())
    framework = None if drafts else stored.latest(store, group.session, "framework")  # only a table with no drafts starts from it
    area = area_outcomes(stored.framework_rows(store, framework), framework.file_name) if framework is not None else []
    return choose(group.name, drafts, agreed(store, group.session), area)


# -- following each row into a later step, for the write-up -------------------------------------------


@dataclass(frozen=True)
class Followed:
    """One starting row and what became of it in a later step."""

    row: StartingRow
    now: str
    """Its wording in the later step now; '' when the step does not use it."""
    how: str
    """``KEPT``, ``REWORDED`` or ``NOT_USED``."""


def follow(started: Sequence[StartingRow], now: Sequence[str]) -> tuple[Followed, ...]:
    """Pair each starting row with the later wording that is the same, or else the most alike (each used once)."""
    left = [text for text in dict.fromkeys(t for t in now if isinstance(t, str) and t.strip())]
    paired: dict[int, tuple[str, str]] = {}
    for n, row in enumerate(started):
        same = next((t for t in left if _key(t) == _key(row.text)), None)
        if same is not None:
            paired[n] = (same, KEPT)
            left.remove(same)
    for n, row in enumerate(started):
        if n in paired or not left:
            continue
        ratio, best = max((difflib.SequenceMatcher(None, _key(row.text), _key(t)).ratio(), t) for t in left)
        if ratio >= SIMILAR_ENOUGH:
            paired[n] = (best, REWORDED)
            left.remove(best)
    return tuple(Followed(row, *paired.get(n, ("", NOT_USED))) for n, row in enumerate(started))


FOLLOWED_HEADER = ("Where it came from", "First wording", "Wording in this step now", "What the table did")


def followed_section(title: str, started: Sequence[StartingRow], now: Sequence[str], where: str) -> Section | None:
    """A write-up section: each starting row's origin, its first wording and its wording in this step; None when there were none."""
    if not started:
        return None
    followed = follow(started, now)
    rows = tuple((f.row.marked, f.row.text, f.now or "-", f.how) for f in followed)
    changed = sum(f.how != KEPT for f in followed)
    said = (
        f"The outcomes this table's {where} started from, with where each came from. The first wording is as it was when the step began; the earlier step's own record is unchanged.",
        f"{len(followed) - changed} kept as first written, {changed} reworded or not used." if followed else "",
    )
    return Section(title=title, paragraphs=tuple(p for p in said if p), header=FOLLOWED_HEADER, rows=rows)
