"""Turning saved answers into short text for the facilitator's grid, shown escaped by its template."""

from __future__ import annotations

from typing import Any, Mapping

from ..data_sources import GAPS, HAVE, read_sources
from ..export.record import plain
from ..markup import render
from ..scoring.review import bands
from ..stepkit.starting_rows import STARTED_FROM
from ..store import Answer
from ..wording import shorten

MAX_CELL = 400


def verdict_label(payload: Mapping[str, Any]) -> str:
    """The review's band in words ("Ready, score 90") from a saved answer's verdict, else ''."""
    verdict = payload.get("verdict")
    if not isinstance(verdict, str) or verdict not in bands()["bands"]:
        return ""
    score = payload.get("score")
    return bands()["bands"][verdict]["label"] + (f", score {plain(score)}" if score is not None else "")


def _short(value: str) -> str:
    return shorten(value, MAX_CELL)


def answer_text(answer: Answer) -> str:
    """What a table saved for one item, in a line or two of plain text."""
    payload = answer.payload
    if HAVE in payload and GAPS in payload:  # step 7's public sources and the gaps the table sees
        return read_sources(payload).summary()
    if isinstance(payload.get("text"), str):
        extra = []
        if payload.get("proposed") is True:
            extra.append("proposed to the room")
        label = verdict_label(payload)
        if label:
            extra.append(label)
        elif "score" in payload:
            extra.append(f"review score {plain(payload['score'])}")
        return payload["text"] + (f" ({'; '.join(extra)})" if extra else "")
    if "choice" in payload:
        verdict = {"right": "matches", "debatable": "debatable, accepted", "not_quite": "not quite"}.get(str(payload.get("verdict")), "")
        return f"{plain(payload['choice'])}" + (f" ({verdict})" if verdict else "")
    return "; ".join(f"{key}: {plain(value)}" for key, value in payload.items() if key != STARTED_FROM)  # where rows came from: in the write-up


def side_by_side_html(title: str | None, tables: list[str], latest: dict[str, dict[str, Answer]]) -> str:
    """A table whose rows are items and whose columns are tables (``templates/html/dashboard/grid.html``); ``title`` None: no step yet."""
    items = sorted({item for answers in latest.values() for item in answers if not item.startswith("_")})
    rows = []
    for item in items:
        answers = [latest.get(table, {}).get(item) for table in tables]
        rows.append((item, [_short(answer_text(answer)) if answer else None for answer in answers]))
    return render("dashboard/grid.html", title=title, tables=tables, rows=rows)
