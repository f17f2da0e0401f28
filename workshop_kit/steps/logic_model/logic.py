"""Logic models as plain data: the worked example, and a table's own model built from text boxes.

A model is the shape ``workshop_kit.scoring.check_logic_model`` reads::

    {"cards": [{"id": "inputs-1", "column": "inputs", "text": "3 volunteers"}, ...],
     "links": [["inputs-1", "outputs-1"], ...]}

Cards come from one text box per column (one card per line). Card ids are the
column and the line number; when a table edits its cards, links are carried
over by the cards' wording, so reordering lines keeps the links.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from ... import content
from ...content import ContentError
from ...content.model import Category, SortingExercise, SortingItem

COLUMNS = ("inputs", "outputs", "interim_outcomes", "final_outcomes")
HEADINGS = {"inputs": "Inputs", "outputs": "Outputs", "interim_outcomes": "Interim outcomes", "final_outcomes": "Final outcomes"}
MAX_CARDS = 8
"""Cards a column may hold: the diagram stays readable when projected."""
MAX_CARD_CHARS = 150
MAX_NOTE_CHARS = 2000


@dataclass(frozen=True)
class Card:
    id: str
    column: str
    text: str


@dataclass(frozen=True)
class Example:
    """The worked logic model from a content file."""

    sorting: SortingExercise
    cards: tuple[Card, ...]
    links: tuple[tuple[str, str], ...]
    links_note: str
    hints: tuple[str, ...]
    source: str

    def model(self) -> dict:
        return {"cards": [card.__dict__ for card in self.cards], "links": [list(link) for link in self.links]}


@lru_cache(maxsize=None)
def example(name: str = "logic_model/example") -> Example:
    """Load the worked example and check every reference a schema cannot see."""
    raw = content.load_raw(name)
    known = content.sources()
    if raw["source"] not in known:
        raise ContentError(f"{name}: unknown source {raw['source']!r}.")
    ids = [c["id"] for c in raw["cards"]]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{name}: two cards share an id.")
    if sorted(raw["scramble_order"]) != sorted(ids):
        raise ContentError(f"{name}: scramble_order must list every card once.")
    if [c["id"] for c in raw["columns"]] != list(COLUMNS):
        raise ContentError(f"{name}: columns must be {', '.join(COLUMNS)} in that order.")
    for a, b in raw["links"]:
        if a not in ids or b not in ids:
            raise ContentError(f"{name}: link {a} -> {b} names a card that does not exist.")
    by_id = {c["id"]: c for c in raw["cards"]}
    categories = tuple(Category(c["id"], c["label"], c["definition"], raw["source"]) for c in raw["columns"])
    items = tuple(SortingItem(i, by_id[i]["text"], (by_id[i]["column"],), False, by_id[i]["explanation"], raw["source"]) for i in raw["scramble_order"])
    sorting = SortingExercise(raw["id"], raw["title"], tuple(raw["intro"]), (raw["source"],), categories, items)
    return Example(
        sorting=sorting,
        cards=tuple(Card(c["id"], c["column"], c["text"]) for c in raw["cards"]),
        links=tuple((a, b) for a, b in raw["links"]),
        links_note=raw["links_note"],
        hints=tuple(raw["hints"]),
        source=known[raw["source"]].short,
    )


def split_lines(value: str) -> list[str]:
    """The non-blank lines of a text box, trimmed, each kept once."""
    return list(dict.fromkeys(line.strip() for line in (value or "").splitlines() if line.strip()))


def problems_with_columns(columns_text: Mapping[str, str]) -> list[str]:
    """Plain sentences for anything that stops the text boxes becoming cards (too many, too long)."""
    problems = []
    for column in COLUMNS:
        lines = split_lines(columns_text.get(column, ""))
        if len(lines) > MAX_CARDS:
            problems.append(f"{HEADINGS[column]} has {len(lines)} cards; keep it to {MAX_CARDS} so the diagram stays readable.")
        for n, line in enumerate(lines, 1):
            if len(line) > MAX_CARD_CHARS:
                problems.append(f"Card {n} in {HEADINGS[column]} is {len(line):,} characters long; keep each card under {MAX_CARD_CHARS} characters.")
    return problems


def cards_from_columns(columns_text: Mapping[str, str], old_cards: Sequence[Mapping[str, str]] = (), old_links: Sequence[Sequence[str]] = ()) -> tuple[list[dict], list[list[str]]]:
    """Cards from the text boxes, and the old links carried over by each card's column and wording."""
    cards = [{"id": f"{column}-{n}", "column": column, "text": line} for column in COLUMNS for n, line in enumerate(split_lines(columns_text.get(column, "")), 1)]
    old_key = {c["id"]: (c["column"], c["text"]) for c in old_cards}
    new_id = {(c["column"], c["text"]): c["id"] for c in cards}
    links: list[list[str]] = []
    for a, b in old_links:
        ka, kb = old_key.get(a), old_key.get(b)
        if ka in new_id and kb in new_id:
            link = [new_id[ka], new_id[kb]]
            if link not in links:
                links.append(link)
    return cards, links


def link_choices(cards: Sequence[Mapping[str, str]], target: bool = False) -> list[tuple[str, str]]:
    """(label, id) pairs for a link dropdown: sources exclude final outcomes, targets exclude inputs."""
    skip = "inputs" if target else "final_outcomes"
    return [(f"{HEADINGS[c['column']]}: {c['text']}", c["id"]) for c in cards if c["column"] != skip]


def add_link(cards: Sequence[Mapping[str, str]], links: Sequence[Sequence[str]], a: str, b: str) -> tuple[list[list[str]], str]:
    """The links with a -> b added, and a sentence saying what happened (or why not)."""
    column = {c["id"]: c["column"] for c in cards}
    current = [list(link) for link in links]
    if a not in column or b not in column:
        return current, "Choose a card on each side of the link first."
    if COLUMNS.index(column[b]) <= COLUMNS.index(column[a]):
        return current, "A link should lead to a card in a column further to the right."
    if [a, b] in current:
        return current, "That link is already there."
    return current + [[a, b]], "Link added."


def describe_link(cards: Sequence[Mapping[str, str]], link: Sequence[str]) -> str:
    text = {c["id"]: c["text"] for c in cards}
    return f"“{text.get(link[0], link[0])}” leads to “{text.get(link[1], link[1])}”"


def name_cards(item: str, names: Mapping[str, str]) -> str:
    """A check's problem item ("inputs-1 ('...')" or "inputs-1 → outputs-2") with each card named by its wording."""
    for cid, label in names.items():
        if item == cid or item.startswith(f"{cid} ("):
            return label
    if " → " in item:
        a, _, b = item.partition(" → ")
        return f"{names.get(a, a)} → {names.get(b, b)}"
    return item


def plain_columns(message: str) -> str:
    """A check's sentence with column ids ("interim_outcomes") as words ("interim outcomes")."""
    for column, heading in HEADINGS.items():
        message = message.replace(column, heading.lower())
    return message
