"""The pieces a write-up is made of, shared by every step's ``record.py`` and the exports."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

from ..store import Answer


@dataclass(frozen=True)
class Section:
    """One titled block of the write-up: paragraphs, a table, and perhaps a chart."""

    title: str
    paragraphs: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    image_png: bytes | None = None
    image_alt: str = ""
    synthetic: bool = False


def plain(value: Any) -> str:
    """A saved value as readable text (lists joined, nested values spelled out)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, list):
        return "; ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain(v)}" for k, v in value.items())
    return json.dumps(value, ensure_ascii=False)


def generic_section(title: str, latest: Mapping[str, Answer]) -> Section:
    rows = []
    for item, answer in sorted(latest.items()):
        if item.startswith("_"):
            continue
        for key, value in answer.payload.items():
            rows.append((item, key, plain(value)))
    return Section(title=title, header=("Item", "Field", "Saved"), rows=tuple(rows))
