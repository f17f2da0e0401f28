"""Finding the columns an import needs by their headers: case and spacing ignored, common synonyms accepted."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import Problem, column_letter


@dataclass(frozen=True)
class Field:
    """A column an import reads: its name, whether it must be there, and the headers that mean it (the first is the usual one)."""

    name: str
    required: bool
    headers: tuple[str, ...]
    meaning: str


@dataclass(frozen=True)
class ColumnChoice:
    field: str
    index: int
    header: str

    def where(self) -> str:
        return f'{column_letter(self.index)} ("{self.header}")'


def header_key(header: str) -> str:
    """'Outcome Statement ', 'outcome_statement' and 'OUTCOME-STATEMENT' all read as 'outcome statement'."""
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", header.casefold()).split())


def match_columns(header: tuple[str, ...], fields: tuple[Field, ...]) -> tuple[dict[str, ColumnChoice], list[Problem]]:
    """Each field's column, and the problems: a required column missing, or two columns that could both be one field."""
    keys = [header_key(h) for h in header]
    chosen: dict[str, ColumnChoice] = {}
    problems: list[Problem] = []
    taken: set[int] = set()
    for spec in fields:
        synonyms = [header_key(s) for s in spec.headers]
        found = [i for i, key in enumerate(keys) if key in synonyms and i not in taken]
        if not found:
            if spec.required:
                listed = ", ".join(f'"{s}"' for s in spec.headers[:6])
                seen = ", ".join(f'"{h}"' for h in header if h) or "none"
                problems.append(Problem(f"there is no {spec.name} column ({spec.meaning}). Name one of the header cells {listed} (any case). The headers found were: {seen}.", row=1))
            continue
        best = min(synonyms.index(keys[i]) for i in found)
        at_best = [i for i in found if synonyms.index(keys[i]) == best]
        if len(at_best) > 1:
            both = " and ".join(f'{column_letter(i)} ("{header[i]}")' for i in at_best)
            problems.append(Problem(f"columns {both} could both be the {spec.name} column; rename the one the kit should not use.", row=1))
            continue
        index = at_best[0]
        taken.add(index)
        chosen[spec.name] = ColumnChoice(spec.name, index, header[index])
    return chosen, problems


def describe_columns(header: tuple[str, ...], chosen: dict[str, ColumnChoice]) -> list[str]:
    """Sentences saying which column was read as what, and which columns were left out."""
    said = [f"{choice.field}: column {choice.where()}" for choice in chosen.values()]
    used = {c.index for c in chosen.values()}
    unused = [f'{column_letter(i)} ("{h}")' if h else column_letter(i) for i, h in enumerate(header) if i not in used]
    lines = ["Columns used: " + "; ".join(said) + "."]
    if unused:
        lines.append("Columns left out: " + ", ".join(unused) + ".")
    return lines
