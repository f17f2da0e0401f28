"""Turning saved answers into short, escaped text for the facilitator's grid."""

from __future__ import annotations


from ..data_sources import GAPS, HAVE, read_sources
from ..export.record import plain
from ..scoring.review import bands
from ..stepkit.starting_rows import STARTED_FROM
from ..typed_text import escaped
from ..store import Answer
from ..wording import shorten

MAX_CELL = 400


def verdict_label(payload: dict) -> str:  # type: ignore[type-arg]
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


def side_by_side_html(title: str, tables: list[str], latest: dict[str, dict[str, Answer]]) -> str:
    """A table whose rows are items and whose columns are tables; every cell escaped."""
    items = sorted({item for answers in latest.values() for item in answers if not item.startswith("_")})
    if not tables:
        return "<p>Choose one or more tables to compare.</p>"
    if not items:
        return f"<p>No table has saved anything for {escaped(title)} yet.</p>"
    head = "".join(f'<th scope="col"><bdi>{escaped(t)}</bdi></th>' for t in tables)
    rows = []
    for item in items:
        cells = []
        for table in tables:
            answer = latest.get(table, {}).get(item)
            cells.append(f"<td><bdi>{escaped(_short(answer_text(answer)))}</bdi></td>" if answer else "<td>—</td>")
        rows.append(f'<tr><th scope="row">{escaped(item)}</th>{"".join(cells)}</tr>')
    return (
        f'<table class="kit-table kit-dashboard-grid"><caption>{escaped(title)}: tables side by side</caption>'
        f'<thead><tr><th scope="col">Item</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
