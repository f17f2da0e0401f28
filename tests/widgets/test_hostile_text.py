"""Hostile text typed into every text box of every page: never run, always shown back exactly, nothing lost.

Each page the kiosk serves (found from ``notebooks/``) is built as its notebook
builds it and walked by ``page_walk``: every text box gets each string of
``hostile_strings.HOSTILE``, every button that saves or checks is pressed, and
the page is reopened for the same table. Everything then lands in one store,
which the dashboard and the HTML, Word and CSV write-ups read.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from docx import Document
from hostile_strings import HOSTILE, Hostile, hidden_controls, html_text, shown_form, unsafe_html
from page_context import fresh_pages

from workshop_kit import context
from workshop_kit.dashboard.page import Dashboard
from workshop_kit.export import FORMATS, DayRecord, build_record
from workshop_kit.widgets.common import PAGE_FAILED

from .page_walk import Walk, build_page, page_modules, shown_html, walk_page

PAGES = page_modules()
SESSION = "hostile"
# charts draw typed text too; the font has no emoji, CJK or control-picture glyphs (the alt text carries them)
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")


def _strings(value: Any) -> Iterator[str]:
    """Every string inside a saved payload, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from _strings(key)
            yield from _strings(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _strings(inner)


@dataclass
class Walked:
    """Every page walked with every hostile string, lazily, into one store."""

    walks: dict[tuple[str, str], Walk]
    counter: int = 0
    record: DayRecord | None = None

    def write_up(self, fmt: str) -> bytes:
        """The day's write-up of everything walked, gathered once (it draws every table's charts)."""
        if self.record is None:
            self.everything()
            self.record = build_record(context.store(), SESSION)
        return FORMATS[fmt](self.record)

    def page(self, notebook: str) -> dict[str, tuple[Hostile, Walk]]:
        if (notebook, HOSTILE[0].name) not in self.walks:
            page = build_page(PAGES[notebook])
            for hostile in HOSTILE:
                self.counter += 1
                self.walks[(notebook, hostile.name)] = walk_page(page, self.counter, hostile.text, hostile.over_limit)
        return {h.name: (h, self.walks[(notebook, h.name)]) for h in HOSTILE}

    def everything(self) -> list[tuple[str, Hostile, Walk]]:
        return [(notebook, hostile, walk) for notebook in PAGES for hostile, walk in self.page(notebook).values()]


@pytest.fixture(scope="module")
def walked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walked]:
    with pytest.MonkeyPatch.context() as patch, fresh_pages(patch, tmp_path_factory.mktemp("hostile") / "data", SESSION):
        yield Walked({})


def _saved_strings(answers_only: bool = False) -> set[str]:
    """Every string in every saved row of the session, with the names of the tables (that saved anything)."""
    store = context.store()
    rows = store.all_answers(SESSION)
    found = {a.group for a in rows} if answers_only else {g.name for g in store.groups_in(SESSION)}
    for answer in rows:
        found.update(_strings(answer.payload))
    return found


def _typed_within_limits(walked: Walked) -> list[str]:
    """Typed texts within every limit, each of which must be saved."""
    kept = []
    for _notebook, hostile, walk in walked.everything():
        if hostile.over_limit:
            continue
        kept.extend(text for n, text in walk.typed.items() if n or walk.name_accepted)
    return kept


def _typed_and_kept(walked: Walked) -> list[str]:
    """Typed texts that are in saved answers: the dashboard and the write-ups show these."""
    saved = _saved_strings(answers_only=True)
    return [typed for typed in _typed_within_limits(walked) if typed in saved]


def test_the_walk_types_into_every_text_box_of_every_page(walked: Walked) -> None:
    """Is every notebook's page walked, with every text box on it typed into and some button pressed?"""
    assert "00_start.ipynb" in PAGES and len(PAGES) >= 10
    for notebook in PAGES:
        for name, (_hostile, walk) in walked.page(notebook).items():
            assert walk.pressed, f"{notebook}: no button was pressed"
            assert len(walk.typed) - 1 == walk.boxes, f"{notebook}, {name}: a text box was disabled or skipped"
    assert sum(len(walk.typed) - 1 for _n, _h, walk in walked.everything()) > 40 * len(HOSTILE)


@pytest.mark.parametrize("notebook", sorted(PAGES))
def test_typed_text_never_becomes_markup_or_breaks_the_page(walked: Walked, notebook: str) -> None:
    """Whatever is typed, does every page show no script, handler, javascript: link, element made from it or
    invisible control character, and never fail?"""
    for name, (_hostile, walk) in walked.page(notebook).items():
        for shown in dict.fromkeys(walk.seen_html + walk.html_after):
            assert unsafe_html(shown) == [], f"{notebook}, {name}: {unsafe_html(shown)}"
            assert hidden_controls(shown) == [], f"{notebook}, {name}: control characters shown invisibly"
            assert PAGE_FAILED not in html_text(shown), f"{notebook}, {name}: the page failed"


@pytest.mark.parametrize("notebook", sorted(PAGES))
def test_typed_text_is_shown_back_exactly_after_reopening(walked: Walked, notebook: str) -> None:
    """Is each hostile string (within the limits) shown back exactly in every box it was typed into, once reopened?"""
    for name, (hostile, walk) in walked.page(notebook).items():
        if hostile.over_limit:
            continue
        for number, typed in walk.typed.items():
            if number == 0 and not walk.name_accepted:
                refusals = [html_text(h) for h in walk.seen_html if "kit-notice-warning" in h]
                assert any("Please" in r for r in refusals), f"{notebook}, {name}: the name was refused without a sentence"
                continue
            assert walk.shown_again(typed), f"{notebook}, {name}: box {number} does not show {typed!r} again"


@pytest.mark.parametrize("notebook", sorted(PAGES))
def test_text_over_a_limit_is_refused_plainly_keeping_what_was_saved(walked: Walked, notebook: str) -> None:
    """Is over-long text either kept whole or refused with a sentence, with what the box held before still there?"""
    for name, (hostile, walk) in walked.page(notebook).items():
        if not hostile.over_limit:
            continue
        refused = [n for n, typed in walk.typed.items() if not walk.shown_again(typed)]
        for number in refused:
            if number in walk.earlier:
                assert walk.shown_again(walk.earlier[number]), f"{notebook}, {name}: box {number} lost what was saved before"
        if refused:
            sentences = [html_text(h) for h in walk.seen_html if "kit-notice-warning" in h or "kit-feedback-warning" in h]
            assert any("characters" in s for s in sentences), f"{notebook}, {name}: refused without saying why"


@pytest.mark.parametrize("notebook", sorted(PAGES))
def test_every_chart_has_alt_text_and_every_table_headers(walked: Walked, notebook: str) -> None:
    """In everything the page showed while it was walked, does every image carry alt text describing it (in words,
    as its caption repeats), and every table a caption and header cells with a scope?"""
    from bs4 import BeautifulSoup

    images = tables = 0
    for _name, (_hostile, walk) in walked.page(notebook).items():
        for markup in dict.fromkeys(walk.seen_html + walk.html_after):
            soup = BeautifulSoup(markup, "html.parser")
            for image in soup.find_all("img"):
                images += 1
                alt = image.get("alt") or ""
                assert len(alt.split()) >= 5, f"{notebook}: an image whose alt text says too little: {alt!r}"
                caption = image.find_parent("figure").find("figcaption") if image.find_parent("figure") else None
                assert caption is not None and alt in caption.get_text(), f"{notebook}: a chart without its description beneath"
            for table in soup.find_all("table"):
                tables += 1
                headers = table.find_all("th")
                assert table.find("caption") and headers, f"{notebook}: a table without a caption or header cells"
                assert all(th.get("scope") in ("col", "row", "colgroup", "rowgroup") for th in headers), f"{notebook}: a header cell without a scope"
    if notebook.startswith(("06_", "07_", "08_")):
        assert images, f"{notebook}: no chart was drawn during the walk"


def test_every_typed_string_is_saved_exactly(walked: Walked) -> None:
    """Is every hostile string typed within the limits in the store, character for character?"""
    saved = _saved_strings()
    missing = [typed for typed in _typed_within_limits(walked) if typed not in saved]
    assert missing == []
    assert len(_typed_and_kept(walked)) > 40 * len(HOSTILE)


def test_the_dashboard_shows_typed_text_exactly_and_runs_none_of_it(walked: Walked) -> None:
    """Does the facilitator's grid, step by step, show each table's hostile text exactly where it shows it, as text?

    A grid cell is a summary (long answers are cut short with "…", and a cell shows a
    measure's wording rather than every field), so each typed string is checked
    wherever its tag appears, and every walk must show up somewhere.
    """
    kept = _typed_and_kept(walked)
    dashboard = Dashboard(context.store(), context.settings())
    shown: list[str] = []
    for _label, exercise in dashboard.step.options:
        dashboard.step.value = exercise
        shown.extend(shown_html(dashboard.view))
    for markup in shown:
        assert unsafe_html(markup) == [] and hidden_controls(markup) == []
    text = "\n".join(html_text(markup) for markup in shown)
    walks_shown = set()
    for typed in kept:
        hostile, tag = typed.rsplit(" #", 1)
        for found in re.finditer(re.escape(f" #{tag}") + r"(?![0-9.])", text):
            assert text[: found.start()].endswith(shown_form(hostile)), f"mangled on the dashboard: {typed!r}"
            walks_shown.add(tag.split(".")[0])
    walks_saved = {typed.rsplit(" #", 1)[1].split(".")[0] for typed in kept}
    assert walks_saved - walks_shown == set()


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_the_write_up_shows_typed_text_exactly_and_runs_none_of_it(walked: Walked, fmt: str) -> None:
    """Does the HTML or Word write-up hold every saved hostile string as text, with no element made of it?"""
    typed = _typed_and_kept(walked)
    data = walked.write_up(fmt)
    if fmt == "html":
        page = data.decode("utf-8")
        assert unsafe_html(page) == [] and hidden_controls(page) == []
        text = html_text(page)
    else:
        text = _docx_text(data)
    missing = [t for t in typed if shown_form(t) not in text]
    assert missing == []


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def test_the_csv_keeps_every_typed_string_exactly_as_typed(walked: Walked) -> None:
    """Does the CSV keep control characters and all, so each saved row reads back exactly?"""
    typed = _typed_and_kept(walked)
    rows = list(csv.DictReader(io.StringIO(walked.write_up("csv").decode("utf-8-sig"))))
    found = {s for row in rows for s in _strings(json.loads(row["payload_json"]))} | {row["group"] for row in rows}
    assert [t for t in typed if t not in found] == []


def test_the_facilitators_own_wording_is_shown_exactly_and_runs_none_of_it(walked: Walked) -> None:
    """Merged, agreed and shown full screen on the dashboard, is hostile wording the facilitator types shown as text,
    there and in the write-ups?"""
    store = context.store()
    settings = context.settings().with_changes(session="hostile-room")
    kept = [h.text for h in HOSTILE if not h.over_limit]
    for n, hostile in enumerate(kept):
        group = store.group("hostile-room", f"Room table {n}")
        for item in ("a", "b"):
            store.save(group, "drafting_statements", item, {"text": f"Draft {item} of table {n}", "proposed": True})
    dashboard = Dashboard(store, settings)
    for n, hostile in enumerate(kept):
        mine = [key for _label, key in dashboard.to_merge.options if f"Room table {n}\u241f" in key]
        dashboard.to_merge.value = tuple(mine)
        dashboard.merged_wording.value = hostile
        dashboard.merge_button.click()
        assert "Merged." in html_text(dashboard.room_message.value), html_text(dashboard.room_message.value)
        dashboard.statement.value = f"merged-{n + 1}"
        dashboard.project_button.click()
        assert html_text(dashboard.projected.value) == shown_form(hostile)
    dashboard.agreed.value = tuple(key for _label, key in dashboard.agreed.options if key.startswith("merged-"))[:4]
    dashboard.agree_button.click()
    shown = shown_html(dashboard.view)
    for markup in shown:
        assert unsafe_html(markup) == [] and hidden_controls(markup) == []
    table = html_text(dashboard.statements.value)
    assert [h for h in kept if shown_form(h) not in table] == []
    record = build_record(store, "hostile-room")
    page = FORMATS["html"](record).decode("utf-8")
    assert unsafe_html(page) == []
    word = _docx_text(FORMATS["docx"](record))
    for hostile in kept:
        assert shown_form(hostile) in html_text(page) and shown_form(hostile) in word


def test_pages_tested_are_the_pages_served() -> None:
    """Does the walk cover exactly the notebooks in notebooks/ (so a new page is walked without editing this test)?"""
    served = {p.name for p in (Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb")}
    assert set(PAGES) == served
