"""The facilitator guide: agendas that add up, every step covered, pages that match the data."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from workshop_kit import content, guide
from workshop_kit.cli import main as cli_main
from workshop_kit.content import ContentError, validate

ROOT = Path(__file__).resolve().parents[1]
GUIDE_DIR = ROOT / "facilitator_guide"
NOTEBOOKS = ROOT / "notebooks"
STEPS = content.start_page().steps


@pytest.fixture(autouse=True)
def _fresh_caches():
    yield
    guide.agenda.cache_clear()
    guide.guide_step.cache_clear()


def _all_agendas() -> list[guide.Agenda]:
    return [guide.agenda(name) for name in guide.AGENDAS]


# --- clock arithmetic -------------------------------------------------------


@pytest.mark.parametrize("text, minutes", [("00:00", 0), ("09:30", 570), ("16:05", 965), ("23:59", 1439)])
def test_clock_times_round_trip(text: str, minutes: int) -> None:
    """Does a clock time become minutes after midnight and back again unchanged?"""
    assert guide.parse_clock(text) == minutes
    assert guide.format_clock(minutes) == text


@pytest.mark.parametrize("text", ["9:3", "24:00", "12:60", "noon", "12-30"])
def test_nonsense_clock_times_are_refused(text: str) -> None:
    """Is a time that is not HH:MM within one day refused with a message?"""
    with pytest.raises(ValueError):
        guide.parse_clock(text)


@pytest.mark.parametrize("minutes, words", [(45, "45 minutes"), (60, "1 hour"), (65, "1 hour 5 minutes"), (325, "5 hours 25 minutes"), (1, "1 minute")])
def test_durations_read_as_words(minutes: int, words: str) -> None:
    """Are durations written the way a person would say them?"""
    assert guide.format_duration(minutes) == words


# --- the agendas add up -----------------------------------------------------


@pytest.mark.parametrize("name", guide.AGENDAS)
def test_agenda_items_add_up_to_the_planned_end(name: str) -> None:
    """Do the items' minutes, from the start time, end exactly at the planned end, with no gaps?"""
    day = guide.agenda(name)
    timed = day.schedule()
    assert timed[0].start == day.start
    for before, after in zip(timed, timed[1:]):
        assert after.start == before.end
    assert timed[-1].end == day.computed_end == day.planned_end
    assert all(t.item.minutes > 0 for t in timed)


def test_the_shared_sum_check_finds_nothing_wrong_today() -> None:
    """Does the check the release runs (guide.timing_problems) agree that every sum adds up?"""
    assert guide.timing_problems() == []


def test_the_full_day_runs_0930_to_1630_with_three_breaks() -> None:
    """Does the full day have a morning break, a lunch of at least 30 minutes and an afternoon break?"""
    day = guide.agenda("full_day")
    assert (guide.format_clock(day.start), guide.format_clock(day.planned_end)) == ("09:30", "16:30")
    breaks = [t for t in day.schedule() if t.item.is_break]
    lunch = [t for t in breaks if t.item.id == "lunch"]
    assert len(lunch) == 1 and lunch[0].item.minutes >= 30
    assert guide.parse_clock("12:00") <= lunch[0].start <= guide.parse_clock("13:30")
    assert any(t.end <= lunch[0].start for t in breaks if t is not lunch[0]), "no morning break"
    assert any(t.start >= lunch[0].end for t in breaks if t is not lunch[0]), "no afternoon break"


def test_the_follow_up_is_a_half_day_with_a_break() -> None:
    """Is the follow-up no longer than four hours, and does it have a break?"""
    day = guide.agenda("follow_up")
    assert day.computed_end - day.start <= 4 * 60
    assert any(item.is_break for item in day.items)


def test_the_days_follow_the_seed_shape() -> None:
    """Does the full day deliver parts (a) to (f) in order, and the follow-up parts (a) to (c)?"""
    for name, parts in (("full_day", "abcdef"), ("follow_up", "abc")):
        seen = [c for item in guide.agenda(name).items for c in item.covers]
        assert set(seen) == set(parts)
        first_seen = sorted(set(seen), key=seen.index)
        assert first_seen == list(parts)


def test_drafting_gets_the_largest_share_then_the_room_agrees_the_drafts() -> None:
    """As the CDC paper runs the day, is drafting outcome statements the full day's longest item (breaks apart),
    followed straight away by the facilitator merging the tables' drafts on the dashboard and the room agreeing them?"""
    timed = [t for t in guide.agenda("full_day").schedule() if not t.item.is_break]
    drafting = next(n for n, t in enumerate(timed) if t.item.step is not None and t.item.step.id == "drafting_statements")
    longest = max(t.item.minutes for t in timed)
    assert timed[drafting].item.minutes == longest
    assert [t.item.title for t in timed if t.item.minutes == longest] == [timed[drafting].item.title], "drafting alone is longest"
    merge = timed[drafting + 1].item
    assert merge.id == "merge_and_agree" and "dashboard" in merge.notes and "agree" in merge.notes
    assert "c" in merge.covers


def test_a_step_item_takes_its_minutes_from_the_start_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """If a step's minutes change in start_page.json, does the agenda's end time move with it?"""
    before = guide.agenda("full_day").computed_end
    raw = copy.deepcopy(content.load_raw("start_page"))
    for step in raw["steps"]:
        if step["id"] == "indicators":
            step["minutes"] += 10
    patched = content.StartPage(title=raw["title"], intro=tuple(raw["intro"]), group_help=raw["group_help"], steps=tuple(content.Step(**s) for s in raw["steps"]))
    monkeypatch.setattr(content, "start_page", lambda: patched)
    guide.agenda.cache_clear()
    guide.guide_step.cache_clear()
    assert guide.agenda("full_day").computed_end == before + 10
    problems = guide.timing_problems()
    full_day = guide.agenda("full_day").title
    assert any(p.startswith(f"{full_day}: the items add up to an end at") for p in problems), problems
    assert any(p.startswith("Indicators and data: ") and "not the step's 55" in p for p in problems), problems


def test_an_agenda_step_item_cannot_carry_its_own_minutes() -> None:
    """Would the schema refuse an agenda that repeats a step's minutes?"""
    raw = copy.deepcopy(content.load_raw("agenda/full_day"))
    step_item = next(i for i in raw["items"] if "step" in i)
    step_item["minutes"] = 25
    with pytest.raises(ContentError):
        validate("agenda/full_day", raw)


def test_an_agenda_naming_an_unknown_step_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a typo in a step id caught on load, with the id named?"""
    raw = copy.deepcopy(content.load_raw("agenda/full_day"))
    next(i for i in raw["items"] if "step" in i)["step"] = "outputs_outcome_impact"
    real = content.load_raw
    monkeypatch.setattr(content, "load_raw", lambda name: raw if name == "agenda/full_day" else real(name))
    with pytest.raises(ContentError, match="outputs_outcome_impact"):
        guide.agenda("full_day")


# --- every step is covered, both ways ---------------------------------------


def test_every_step_appears_exactly_once_across_the_two_agendas() -> None:
    """Is each of the start page's steps run once, in the full day or the follow-up?"""
    used = [step.id for day in _all_agendas() for step in day.steps]
    assert sorted(used) == sorted(step.id for step in STEPS)
    assert len(used) == len(set(used)) == 9


def test_every_step_notebook_on_disk_is_on_an_agenda() -> None:
    """Does every workshop notebook in notebooks/ (other than the start page) appear on an agenda?"""
    on_disk = {p.name for p in NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")} - {"00_start.ipynb"}
    assert on_disk, "no step notebooks found"
    on_agenda = {step.notebook for day in _all_agendas() for step in day.steps}
    assert on_disk <= on_agenda


def test_every_kit_item_names_a_notebook() -> None:
    """Does each agenda item that uses the kit name the notebook the table opens?"""
    for day in _all_agendas():
        for item in day.items:
            if item.step is not None:
                assert item.step.notebook and item.step.notebook.endswith(".ipynb")
                assert re.match(r"^\d\d_", item.step.notebook)


# --- the guide page for each step -------------------------------------------


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.id)
def test_teaching_and_exercise_minutes_make_the_step(step: content.Step) -> None:
    """Do a step's teaching and exercise minutes add up to its minutes on the start page?"""
    page = guide.guide_step(step.id)
    assert page.teaching_minutes + page.exercise_minutes == step.minutes


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.id)
def test_every_guide_page_is_complete_and_cites_real_sources(step: content.Step) -> None:
    """Has each step's page an answer key, misunderstandings, and only sources listed in sources.json?"""
    page = guide.guide_step(step.id)
    known = content.sources()
    assert page.answer_key and page.misunderstandings and page.objectives
    assert set(page.sources) <= set(known)
    assert {entry.source for entry in page.answer_key} <= set(known)


def test_the_sorting_answer_key_comes_from_the_exercise() -> None:
    """Is the first step's answer key the sorting exercise's own, item for item?"""
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    page = guide.guide_step("outputs_outcomes_impact")
    assert page.answer_key_from == ("exercises/outputs_outcomes_impact",)
    assert [e.item for e in page.answer_key] == [i.text for i in exercise.items]
    assert all(e.reasoning.startswith(i.explanation) for e, i in zip(page.answer_key, exercise.items))
    debatable = {i.text for i in exercise.items if i.debatable}
    assert {e.item for e in page.answer_key if "(for discussion" in e.answer} == debatable


def test_a_guide_page_with_an_unknown_source_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a source id that sources.json does not know caught on load?"""
    raw = copy.deepcopy(content.load_raw("guide/indicators"))
    raw["answer_key"][0]["source"] = "seed-999"
    real = content.load_raw
    monkeypatch.setattr(content, "load_raw", lambda name: raw if name == "guide/indicators" else real(name))
    with pytest.raises(ContentError, match="seed-999"):
        guide.guide_step("indicators")


def test_guide_files_exist_only_for_real_steps() -> None:
    """Is there one guide file per step, and none for a step that does not exist?"""
    files = {name.split("/", 1)[1] for name, kind in content.content_files().items() if kind == "guide_step"}
    assert files == {step.id for step in STEPS}


# --- the committed Markdown matches the data --------------------------------


def test_committed_guide_pages_are_up_to_date(tmp_path: Path) -> None:
    """Are the generated pages in facilitator_guide/ exactly what the data renders today?"""
    assert cli_main(["guide", "--out", str(tmp_path)]) == 0
    rendered = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.md"))
    assert len(rendered) == 3 + len(STEPS)  # index, agendas, the talks, and a page per step
    for relative in rendered:
        committed = GUIDE_DIR / relative
        assert committed.exists(), f"{relative} is missing: run `workshop-kit guide`"
        assert committed.read_text(encoding="utf-8") == (tmp_path / relative).read_text(encoding="utf-8"), f"{relative} is out of date: run `workshop-kit guide`"


def test_check_mode_spots_a_stale_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Does `workshop-kit guide --check` fail, naming the page, when a page was edited by hand?"""
    guide.write(tmp_path)
    assert cli_main(["guide", "--out", str(tmp_path), "--check"]) == 0
    page = tmp_path / "agenda.md"
    page.write_text(page.read_text(encoding="utf-8").replace("16:30", "16:45"), encoding="utf-8")
    assert cli_main(["guide", "--out", str(tmp_path), "--check"]) == 1
    assert "agenda.md" in capsys.readouterr().err


def test_the_agenda_page_shows_clock_times_and_notebooks() -> None:
    """Does the rendered agenda give each item its computed times, and each kit item its notebook?"""
    text = guide.render_agenda()
    for day in _all_agendas():
        for timed in day.schedule():
            row = next(line for line in text.splitlines() if line.startswith(f"| {guide.format_clock(timed.start)}–{guide.format_clock(timed.end)} |"))
            if timed.item.step is not None:
                assert f"`{timed.item.step.notebook}`" in row


def test_every_link_in_the_guide_leads_to_a_page() -> None:
    """Does every relative link in facilitator_guide/ point to a file that exists?"""
    pages = list(GUIDE_DIR.rglob("*.md"))
    assert {"README.md", "index.md", "setting_up_the_room.md", "self_study.md"} <= {p.name for p in pages}
    for page in pages:
        for target in re.findall(r"\]\(([^)#:]+\.md)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to missing {target}"


def test_the_self_study_page_matches_the_start_page() -> None:
    """Does the hand-written self-study page list the notebooks in start-page order, with the right total time?"""
    text = (GUIDE_DIR / "self_study.md").read_text(encoding="utf-8")
    table = "\n".join(line for line in text.splitlines() if line.startswith("|"))
    listed = re.findall(r"`(\d\d_\w+\.ipynb)`", table)
    assert listed == ["00_start.ipynb"] + [step.notebook for step in STEPS]
    total = guide.format_duration(sum(step.minutes for step in STEPS))
    assert f"About {total} for all nine steps" in text


def test_the_room_page_gives_the_commands_the_kit_accepts() -> None:
    """Does the room page's kiosk command use only options the kiosk subcommand really has?"""
    text = (GUIDE_DIR / "setting_up_the_room.md").read_text(encoding="utf-8")
    command = next(line.strip() for line in text.splitlines() if "workshop-kit kiosk" in line)
    options = set(re.findall(r"(--[a-z-]+)", command)) | set(re.findall(r"`(--[a-z-]+)", text))
    from workshop_kit.cli import _parser

    kiosk = next(a for a in _parser()._subparsers._group_actions[0].choices.items() if a[0] == "kiosk")[1]  # noqa: SLF001
    accepted = {o for action in kiosk._actions for o in action.option_strings}  # noqa: SLF001
    assert options and options <= accepted
    assert "?token=" in text and "8866" in text
