"""Step 7's data sources and gaps without a browser: a table ticks the public sources it has and writes the gaps it
sees; saved, shown back on return, on the facilitator's grid and in the write-up beside the golden thread."""

from __future__ import annotations

import pytest

from workshop_kit import context
from workshop_kit.dashboard.page import Dashboard
from workshop_kit.data_sources import MAX_GAPS_CHARS, public_sources
from workshop_kit.export import export_bytes
from workshop_kit.steps.indicators import page as indicators

from .tree import all_html

PAGE_SESSION = "sources"
pytestmark = pytest.mark.usefixtures("page_context")

HOSTILE = "<script>window.hacked=1</script><img src=x onerror=alert(1)> nothing on 18 to 25s \u202eevil"
EHC = "dfe-ehc-plans"
ABSENCE = "dfe-pupil-absence"


def _panel(name: str = "Table 1"):  # type: ignore[no-untyped-def]
    page = indicators.build()
    page.picker.name.value = name
    return page, page.exercise.mapping.sources


def _saved(name: str = "Table 1") -> list[dict]:
    store = context.store()
    return [a.payload for a in store.history(store.group(PAGE_SESSION, name), "indicators", "sources")]


def test_nothing_can_be_ticked_before_the_table_is_named() -> None:
    """Are the tick boxes, the gaps box and the button disabled until the table has a name?"""
    page = indicators.build()
    panel = page.exercise.mapping.sources
    assert all(w.disabled for w in panel.inputs())
    assert len(panel.boxes) == len(public_sources())


def test_ticked_sources_and_gaps_are_saved_and_shown_back_escaped() -> None:
    """Ticks and gaps saved as one row, shown back in words (typed text escaped), and ticked again on return?"""
    page, panel = _panel()
    panel.boxes[ABSENCE].value = True
    panel.boxes[EHC].value = True
    panel.gaps.value = HOSTILE
    panel.save.click()
    assert "Saved: 2 source(s) ticked and the gaps you see." in panel.message.value
    assert _saved() == [{"have": [EHC, ABSENCE], "gaps_seen": HOSTILE}]  # in the reference's order
    shown = all_html(page)
    assert "<script>window.hacked" not in shown and "&lt;script&gt;window.hacked=1&lt;/script&gt;" in shown
    assert "<li>Education, health and care plans (Department for Education)</li>" in panel.saved.value
    _page, again = _panel(" table 1 ")
    assert {k for k, box in again.boxes.items() if box.value} == {EHC, ABSENCE}
    assert again.gaps.value == HOSTILE
    assert "Pupil absence in schools in England" in again.saved.value


def test_gaps_too_long_get_a_sentence_and_nothing_is_saved() -> None:
    """Gaps over the limit: a plain sentence, the words kept on screen, no row saved?"""
    _page, panel = _panel()
    panel.gaps.value = "x" * (MAX_GAPS_CHARS + 1)
    panel.save.click()
    assert f"please keep them under {MAX_GAPS_CHARS:,}" in panel.message.value
    assert panel.gaps.value == "x" * (MAX_GAPS_CHARS + 1)
    assert _saved() == []


def test_the_facilitators_grid_and_the_write_up_show_them_beside_the_golden_thread() -> None:
    """The grid's step-7 row in words; the write-up's section after the table's golden thread, naming the break and the ticked source that may mend it?"""
    page, panel = _panel()
    page.exercise.mapping.outcome.value = "Children get the help they need on time"
    page.exercise.mapping.measure.value = "New EHC plans issued within 20 weeks"
    page.exercise.mapping.have_data.value = False
    page.exercise.mapping.add()
    panel.boxes[EHC].value = True
    panel.gaps.value = HOSTILE
    panel.save.click()
    dashboard = Dashboard(context.store(), context.settings())
    dashboard.step.value = "indicators"
    grid = dashboard.grid.value
    assert "Has: Education, health and care plans. Gaps seen: &lt;script&gt;window.hacked=1&lt;/script&gt;" in grid
    assert "<script>window.hacked" not in grid
    written = export_bytes(context.store(), PAGE_SESSION, "html").decode("utf-8")
    thread, sources = written.index("<h3>Golden thread</h3>"), written.index("<h3>Data sources and gaps</h3>")
    assert thread < sources and "<h3>" not in written[thread + len("<h3>Golden thread</h3>") : sources]  # right after it
    assert "<p>Sources the table has: Education, health and care plans (Department for Education).</p>" in written
    assert "<p>1 indicator(s) in the golden thread have no data source.</p>" in written
    assert "<tr><td>New EHC plans issued within 20 weeks</td><td>Children get the help they need on time</td><td>Education, health and care plans (Department for Education)</td>" in written
    assert "<script>window.hacked" not in written and "Gaps the table sees: &lt;script&gt;" in written
