"""The facilitator guide as HTML pages, rendered from its Markdown with mistune.

mistune's ``escape=True`` turns any raw HTML in the Markdown into text, so
nothing typed into a content file can become markup. Links between guide
pages (``agenda.md``) are pointed at the HTML pages (``agenda.html``). Each page
is ``templates/html/release/guide_page.html`` around mistune's HTML, which is the
one piece of markup passed to a template that ``markup.render`` did not make.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import mistune
from markupsafe import Markup

from ..guide import GENERATED_NOTE
from .pages import release_page

SKIPPED = {"README.md"}
"""The guide folder's README is about editing the guide, not running the day."""
_RELATIVE_MD = re.compile(r"^(?![a-z][a-z0-9+.-]*:)([^#]*)\.md(#.*)?$")


class _GuideRenderer(mistune.HTMLRenderer):
    def link(self, text: str, url: str, title: str | None = None) -> str:
        match = _RELATIVE_MD.match(url)
        if match:
            url = f"{match.group(1)}.html{match.group(2) or ''}"
        return super().link(text, url, title)


def render_markdown(text: str) -> str:
    """HTML for one guide page's Markdown, with raw HTML escaped and the generator's note left out."""
    markdown = mistune.create_markdown(escape=True, renderer=_GuideRenderer(escape=True), plugins=["table"])
    lines = [line for line in text.splitlines() if line.strip() != GENERATED_NOTE]
    return str(markdown("\n".join(lines) + "\n"))


def _title(body: str, fallback: str) -> str:
    heading = re.search(r"<h1>(.*?)</h1>", body, flags=re.DOTALL)
    return unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip() if heading else fallback


def write_guide(source: Path, target: Path, version: str) -> list[Path]:
    """Write an HTML page in ``target`` for each Markdown page in ``source``; the files written."""
    written = []
    for page in sorted(source.rglob("*.md")):
        relative = page.relative_to(source)
        if str(relative) in SKIPPED:
            continue
        body = render_markdown(page.read_text(encoding="utf-8"))
        depth = len(relative.parts) - 1
        home = "../" * depth + "index.html"
        out = target / relative.with_suffix(".html")
        out.parent.mkdir(parents=True, exist_ok=True)
        page_html = release_page("release/guide_page.html", version, heading=_title(body, relative.stem), home=home, body=Markup(body))
        out.write_text(page_html, encoding="utf-8")
        written.append(out)
    return written
