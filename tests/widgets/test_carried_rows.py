"""A table's drafts flow through the day, without a browser: a draft saved in step 4 is the starting row of
steps 6 to 9, marked "from your drafts", and the write-up (HTML, DOCX, CSV) and the self-study summary show
its first wording beside the later one; a table's own rows are never overwritten; an imported framework seeds
a table with no drafts; typed text is escaped wherever it is shown again."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from docx import Document

from workshop_kit import context
from workshop_kit.export import export_bytes
from workshop_kit.importing import import_file
from workshop_kit.selfstudy.summary import build_summary, to_html
from workshop_kit.stepkit.starting_rows import FOLLOWED_HEADER, KEPT, REWORDED, theme_labels
from workshop_kit.steps.action_planning import page as action_planning
from workshop_kit.steps.drafting_statements import page as drafting_statements
from workshop_kit.steps.indicators import page as indicators
from workshop_kit.steps.logic_model import page as logic_model
from workshop_kit.steps.outcomes_framework import page as outcomes_framework

from .tree import all_html

PAGE_SESSION = "carried"
pytestmark = pytest.mark.usefixtures("page_context")

DRAFT = "Children and young people with SEND have friends and things to do near home"
HOSTILE = "<script>window.hacked=1</script><img src=x onerror=alert(1)> Young people feel safe \u202eevil"
FIRST_STEPS = ("Logic model", "Indicator map", "Outcomes framework")
FIRST_THEME = next(iter(theme_labels().values()))  # the page's first draft card is this theme's


def _named(build, name: str = "Table 1"):  # type: ignore[no-untyped-def]
    page = build()
    page.picker.name.value = name
    return page


def _draft(text: str = DRAFT, name: str = "Table 1") -> None:
    """Step 4: the table drafts the first theme and the kit saves it."""
    page = _named(drafting_statements.build, name)
    card = page.board.cards[0]
    card.box.value = text
    page.board.check(card)
    assert "Saved as version 1" in card.status.value


def _rows(exercise: str, name: str = "Table 1") -> list[dict]:
    store = context.store()
    return [a.payload for a in store.history(store.group(PAGE_SESSION, name), exercise)]


def _work_through_steps_6_to_9(name: str = "Table 1") -> dict[str, object]:
    """Open steps 6 to 9 after drafting, check each starts from the draft, and save each as a table would."""
    pages: dict[str, object] = {}
    model = _named(logic_model.build, name)
    assert model.builder.columns["final_outcomes"].value == DRAFT
    model.builder.columns["inputs"].value = "Two youth workers"
    model.builder.columns["outputs"].value = "Weekly clubs"
    model.builder.use_cards.click()
    pages["logic_model"] = model
    mapped = _named(indicators.build, name)
    assert mapped.exercise.mapping.outcome.value == DRAFT
    mapped.exercise.mapping.measure.value = "Percentage of young people who say they have a friend"
    mapped.exercise.mapping.add()
    pages["indicators"] = mapped
    framework = _named(outcomes_framework.build, name)
    assert framework.exercise.outcomes.value == DRAFT
    framework.exercise.services.value = "Short breaks"
    framework.exercise.use_lists.click()
    pages["outcomes_framework"] = framework
    plan = _named(action_planning.build, name)
    assert [value for _label, value in plan.plan.for_outcome.options] == ["", DRAFT]
    plan.plan.boxes["consultation"].value = "The parent carer forum in March"
    plan.plan.save.click()
    plan.plan.action.value = "Ask the youth council what friends and things to do mean to them"
    plan.plan.for_outcome.value = DRAFT
    plan.plan.add.click()
    pages["action_planning"] = plan
    return pages


def test_a_draft_from_step_4_is_the_starting_row_of_steps_6_to_9_marked_from_your_drafts() -> None:
    """Is the draft filled in on each later page, listed with "from your drafts", and saved beside each step's own rows?"""
    _draft()
    pages = _work_through_steps_6_to_9()
    for step, page in pages.items():
        shown = all_html(page)
        assert f'<bdi>{DRAFT}</bdi> <span class="kit-origin">(<bdi>from your drafts</bdi>)</span>' in shown, step
        assert "Nothing is saved until you save it." in shown and "kept as you left it" not in shown, step
    for exercise, item in (("logic_model_own", "model"), ("indicators", "map"), ("outcomes_framework", "framework"), ("action_planning", "plan")):
        saved = [p for p in _rows(exercise) if "started_from" in p]
        assert saved, exercise
        assert saved[-1]["started_from"] == [{"text": DRAFT, "origin": "from your drafts", "aspiration": FIRST_THEME, "indicators": [], "services": [], "note": ""}], exercise
    action = [p for p in _rows("action_planning") if "action" in p][-1]
    assert action["outcome"] == DRAFT


def test_the_draft_and_its_later_version_are_in_every_write_up_format_and_the_summary() -> None:
    """HTML, DOCX, CSV and the self-study summary: each later step's section shows the draft's origin, its first wording and the step's?"""
    _draft()
    _work_through_steps_6_to_9()
    store = context.store()
    page = export_bytes(store, PAGE_SESSION, "html").decode("utf-8")
    row = f"<tr><td>from your drafts</td><td>{DRAFT}</td><td>{DRAFT}</td><td>{KEPT}</td></tr>"
    for title in FIRST_STEPS:
        start = page.index(f"<h3>{title}: where its outcome")
        assert row in page[start : page.index("</table>", start)], title
    start = page.index("<h3>Action plan: the outcomes it started from</h3>")
    assert f"<tr><td>from your drafts</td><td>{DRAFT}</td><td>Ask the youth council what friends and things to do mean to them</td></tr>" in page[start:]

    document = Document(io.BytesIO(export_bytes(store, PAGE_SESSION, "docx")))
    followed = [[tuple(c.text for c in r.cells) for r in t.rows[1:]] for t in document.tables if tuple(c.text for c in t.rows[0].cells) == FOLLOWED_HEADER]
    assert followed == [[("from your drafts", DRAFT, DRAFT, KEPT)]] * 3
    plans = [[tuple(c.text for c in r.cells) for r in t.rows[1:]] for t in document.tables if tuple(c.text for c in t.rows[0].cells) == ("Where it came from", "Outcome", "Actions for it")]
    assert plans == [[("from your drafts", DRAFT, "Ask the youth council what friends and things to do mean to them")]]

    rows = list(csv.DictReader(io.StringIO(export_bytes(store, PAGE_SESSION, "csv").decode("utf-8-sig"))))
    drafted = [r for r in rows if r["exercise"] == "drafting_statements"]
    assert [json.loads(r["payload_json"])["text"] for r in drafted] == [DRAFT]
    for exercise in ("logic_model_own", "indicators", "outcomes_framework", "action_planning"):
        started = [json.loads(r["payload_json"]).get("started_from") for r in rows if r["exercise"] == exercise]
        assert any(started) and all(s[0]["text"] == DRAFT and s[0]["origin"] == "from your drafts" for s in started if s), exercise
    carried = {r["item"]: json.loads(r["payload_json"]) for r in rows if r["exercise"] == "carried_rows" and r["group"] == "Table 1"}
    assert set(carried) == {"logic_model-1", "indicators-1", "outcomes_framework-1", "action_planning-1"}
    for item in ("logic_model-1", "indicators-1", "outcomes_framework-1"):
        assert carried[item] == {"step": item[:-2], "origin": "from your drafts", "note": "", "first_wording": DRAFT, "wording_now": DRAFT, "what_the_table_did": KEPT}
    assert carried["action_planning-1"]["wording_now"] == "Ask the youth council what friends and things to do mean to them"

    summary = to_html(build_summary(store, store.group(PAGE_SESSION, "Table 1"))).decode("utf-8")
    for title in FIRST_STEPS:
        start = summary.index(f"<h3>{title}: where its outcome")
        assert row in summary[start : summary.index("</table>", start)], title
    assert "<h3>Action plan: the outcomes it started from</h3>" in summary


def test_edits_later_in_the_day_leave_the_draft_as_it_was_and_the_write_up_shows_both() -> None:
    """A card reworded in step 6: is step 4's record unchanged, and does the write-up show the draft beside the new wording?"""
    _draft()
    before = _rows("drafting_statements")
    model = _named(logic_model.build)
    reworded = "Children and young people with SEND have friends and things to do close to home"
    model.builder.columns["final_outcomes"].value = reworded
    model.builder.use_cards.click()
    assert _rows("drafting_statements") == before
    again = _named(drafting_statements.build)
    assert again.board.cards[0].box.value == DRAFT
    page = export_bytes(context.store(), PAGE_SESSION, "html").decode("utf-8")
    assert f"<tr><td>from your drafts</td><td>{DRAFT}</td><td>{reworded}</td><td>{REWORDED}</td></tr>" in page
    assert f"<td>{DRAFT}" in page[page.index("<h3>Draft outcome statements</h3>") :]
    rows = list(csv.DictReader(io.StringIO(export_bytes(context.store(), PAGE_SESSION, "csv").decode("utf-8-sig"))))
    carried = [json.loads(r["payload_json"]) for r in rows if r["exercise"] == "carried_rows"]
    assert [(c["first_wording"], c["wording_now"], c["what_the_table_did"]) for c in carried] == [(DRAFT, reworded, REWORDED)]


def test_a_tables_own_saved_rows_are_never_overwritten_by_its_drafts() -> None:
    """Rows saved in steps 6 to 9 before drafting: do they come back as they were, with the drafts only listed to compare, and nothing saved by opening?"""
    model = _named(logic_model.build)
    model.builder.columns["final_outcomes"].value = "Our own final outcome"
    model.builder.use_cards.click()
    mapped = _named(indicators.build)
    mapped.exercise.mapping.outcome.value = "Our own mapped outcome"
    mapped.exercise.mapping.measure.value = "Number of clubs"
    mapped.exercise.mapping.add()
    framework = _named(outcomes_framework.build)
    framework.exercise.outcomes.value = "Our own framework outcome"
    framework.exercise.services.value = "Our service"
    framework.exercise.use_lists.click()
    plan = _named(action_planning.build)
    plan.plan.boxes["contracts"].value = "Our own contracts plan"
    plan.plan.save.click()
    _draft()
    saved = context.store().count_answers()
    model, mapped, framework, plan = (_named(b) for b in (logic_model.build, indicators.build, outcomes_framework.build, action_planning.build))
    assert model.builder.columns["final_outcomes"].value == "Our own final outcome"
    assert mapped.exercise.mapping.outcome.value == "Our own mapped outcome"
    assert (framework.exercise.outcomes.value, framework.exercise.services.value) == ("Our own framework outcome", "Our service")
    assert plan.plan.boxes["contracts"].value == "Our own contracts plan"
    for page in (model, mapped, framework, plan):
        shown = all_html(page)
        assert "it is kept as you left it" in shown and f"<bdi>{DRAFT}</bdi>" in shown
    assert context.store().count_answers() == saved


def test_an_imported_framework_seeds_a_table_with_no_drafts(tmp_path: Path) -> None:
    """A table that drafted nothing: do steps 6 to 9 start from the area's outcomes (and step 8 its services), marked as the area's?"""
    framework = tmp_path / "area.csv"
    framework.write_text("Theme,Outcome,Indicator,Service\nHealth,We are healthy,Obesity at year 6,School nursing\nSafety,We are safe,,Youth service\n", encoding="utf-8")
    import_file(context.store(), PAGE_SESSION, "framework", framework)
    _draft(name="Table 1")
    model = _named(logic_model.build, "Table 2")
    assert model.builder.columns["final_outcomes"].value == "We are healthy\nWe are safe"
    assert "(<bdi>from the area&#x27;s framework (area.csv, row 2)</bdi>)" in all_html(model)
    fw = _named(outcomes_framework.build, "Table 2")
    assert (fw.exercise.outcomes.value, fw.exercise.services.value) == ("We are healthy\nWe are safe", "School nursing\nYouth service")
    assert _named(indicators.build, "Table 2").exercise.mapping.outcome.value == "We are healthy"
    assert [v for _l, v in _named(action_planning.build, "Table 2").plan.for_outcome.options] == ["", "We are healthy", "We are safe"]
    own = _named(logic_model.build, "Table 1")
    assert own.builder.columns["final_outcomes"].value == DRAFT
    fw.exercise.use_lists.click()  # the table keeps the area's outcomes and services as they are
    page = export_bytes(context.store(), PAGE_SESSION, "html").decode("utf-8")
    table_2 = page[page.index("<h2>Table 2</h2>") :]
    thread = table_2[table_2.index("<h3>Golden thread</h3>") :]
    assert "We are healthy (from your outcomes framework; from the area&#x27;s framework)" in thread


def test_hostile_text_carried_through_the_day_is_escaped_everywhere() -> None:
    """A draft with markup and a direction override: escaped on each later page and in the HTML write-up, with nothing run?"""
    _draft(HOSTILE)
    model = _named(logic_model.build)
    shown = all_html(model)
    assert "<script>window.hacked" not in shown and "&lt;script&gt;window.hacked=1&lt;/script&gt;" in shown
    model.builder.columns["inputs"].value = "Staff"
    model.builder.use_cards.click()
    for build in (indicators.build, outcomes_framework.build, action_planning.build):
        shown = all_html(_named(build))
        assert "<script>window.hacked" not in shown and "<img src=x" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    page = export_bytes(context.store(), PAGE_SESSION, "html").decode("utf-8")
    assert "<script>window.hacked" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.hacked=1&lt;/script&gt;" in page[page.index("<h3>Logic model: where its outcomes came from</h3>") :]
