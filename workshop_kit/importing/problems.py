"""What is wrong with a file, said so a person can find it: the row and column of each problem."""

from __future__ import annotations

from dataclasses import dataclass

MAX_LISTED = 50
"""Problems listed in one message; the rest are counted."""


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file. ``row`` is the spreadsheet row (the header is row 1); None for the whole file."""

    message: str
    row: int | None = None
    column: str | None = None
    """The column as a person sees it: its letter and header, e.g. ``C ("Value")``."""

    def sentence(self) -> str:
        where = ", ".join(part for part in (f"row {self.row}" if self.row else "", f"column {self.column}" if self.column else "") if part)
        return f"{where[0].upper()}{where[1:]}: {self.message}" if where else self.message[:1].upper() + self.message[1:]


class ImportRefused(ValueError):
    """The file is refused whole; nothing of it is stored."""

    def __init__(self, file_name: str, problems: list[Problem]) -> None:
        self.file_name = file_name
        self.problems = tuple(problems)
        super().__init__(self.message())

    def message(self) -> str:
        count = len(self.problems)
        lines = [f"{self.file_name} was not imported ({count} problem{'s' if count != 1 else ''}); nothing from it was stored."]
        lines += [f"  - {p.sentence()}" for p in self.problems[:MAX_LISTED]]
        if count > MAX_LISTED:
            lines.append(f"  ... and {count - MAX_LISTED:,} more of the same kinds.")
        return "\n".join(lines)
