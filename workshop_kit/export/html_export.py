"""The day's record as one self-contained HTML page: no scripts, no external files,
every piece of typed text escaped."""

from __future__ import annotations

import base64

from ..typed_text import escaped
from .record import SYNTHETIC_NOTE, DayRecord, Section

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.5; }
h1, h2, h3 { line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: 600; }
.note { background: #fff4e5; border-left: 6px solid #8a4b00; padding: 0.5rem 1rem; }
img { max-width: 100%; height: auto; }
"""


def _e(text: str) -> str:
    return escaped(text)


def _section(section: Section) -> str:
    parts = [f"<h3>{_e(section.title)}</h3>"]
    if section.synthetic:
        parts.append('<p class="note">Synthetic data: made up for practice.</p>')
    parts.extend(f"<p>{_e(p)}</p>" for p in section.paragraphs)
    if section.image_png:
        data = base64.b64encode(section.image_png).decode("ascii")
        parts.append(f'<figure><img src="data:image/png;base64,{data}" alt="{_e(section.image_alt)}"><figcaption>{_e(section.image_alt)}</figcaption></figure>')
    if section.rows:
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in section.header)
        body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in section.rows)
        parts.append(f"<table><caption>{_e(section.title)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts)


def to_html(record: DayRecord) -> bytes:
    title = f"Workshop write-up: {record.session}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">",
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>{_e(title)}</h1>",
        f"<p>Written {record.generated_at:%d %B %Y at %H:%M} UTC from the kit's store.</p>",
        f'<p class="note">{_e(SYNTHETIC_NOTE)}</p>',
        "<h2>Agreed outcomes</h2>",
    ]
    if record.agreed:
        parts.append("<ol>" + "".join(f"<li>{_e(c.text)} <small>({_e(c.table)})</small></li>" for c in record.agreed) + "</ol>")
    else:
        parts.append("<p>The room has not marked any outcomes as agreed yet.</p>")
    parts.append("<h2>Statements put to the room</h2>")
    if record.proposed:
        rows = "".join(f"<tr><td>{_e(c.text)}</td><td>{_e(c.table)}</td><td>{votes}</td></tr>" for c, votes in record.proposed)
        parts.append(
            '<table><caption>Proposed statements and votes</caption><thead><tr><th scope="col">Statement</th>'
            f'<th scope="col">From</th><th scope="col">Votes</th></tr></thead><tbody>{rows}</tbody></table>'
        )
    else:
        parts.append("<p>No statements were proposed to the room.</p>")
    if record.area_sections:
        parts.append("<h2>The area's own material</h2>")
        parts.extend(_section(s) for s in record.area_sections)
    for group in record.groups:
        parts.append(f"<h2>{_e(group.name)}</h2>")
        if not group.sections:
            parts.append("<p>Nothing saved.</p>")
        parts.extend(_section(s) for s in group.sections)
    parts.append("</main></body></html>")
    return "\n".join(parts).encode("utf-8")
