"""The learner's summary: one self-contained page of what they wrote, the kit's feedback, progress and reading."""

from __future__ import annotations

import copy
import html
import re
from html.parser import HTMLParser

import pytest

from workshop_kit import content
from workshop_kit.content import ContentError, validate
from workshop_kit.stepkit.sorting import check_choice
from workshop_kit.scoring import review_outcome
from workshop_kit.selfstudy.summary import build_summary, file_name, save_copy, to_html

HOSTILE = '<img src=x onerror="window.hacked=1"><script>window.hacked=2</script> & "quotes" \u202e'


class _Tags(HTMLParser):
    """Every start tag and its attributes, to look for anything that could run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@pytest.fixture
def learner(store):
    group = store.group("self-study", HOSTILE, "alone")
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    first, second = exercise.items[0], exercise.items[1]
    store.save(group, exercise.id, first.id, {"choice": first.accepted[0], "attempt": 1})
    wrong = next(c.id for c in exercise.categories if c.id not in second.accepted)
    store.save(group, exercise.id, second.id, {"choice": wrong, "attempt": 1})
    store.save(group, "drafting_statements", "fun", {"text": "Children have fun " + HOSTILE, "version": 1})
    store.save(group, "action_planning", "plan", {"consultation": "Ask the forum " + HOSTILE, "follow_up": ""})
    return group


def test_the_summary_is_one_page_that_runs_nothing(store, learner) -> None:
    """No script, no event handler, no outside address, and a CSP that forbids them anyway?"""
    page = to_html(build_summary(store, learner)).decode("utf-8")
    assert "default-src 'none'" in page and "script-src" not in page
    tags = _tags(page)
    assert not [t for t, _ in tags if t in ("script", "iframe", "object", "embed", "link", "base", "form")]
    assert not [(t, a) for t, a in tags for name in a if name.startswith("on")]
    assert all(a.get("src", "").startswith("data:image/png;base64,") for t, a in tags if t == "img")
    assert not re.search(r"(src|href)=\"(https?:)?//", page)


def test_everything_typed_is_escaped_where_it_is_shown(store, learner) -> None:
    """Are the learner's name, a draft and a plan shown as text, never as markup?"""
    page = to_html(build_summary(store, learner)).decode("utf-8")
    escaped = "&lt;img src=x onerror=&quot;window.hacked=1&quot;&gt;&lt;script&gt;"
    assert page.count(escaped) >= 3  # the name, the draft, the plan
    assert "<img src=x" not in page and "<script>window" not in page


def test_the_feedback_is_what_the_pages_give(store, learner) -> None:
    """Does the summary carry the sorting cards' feedback and the draft's review, recomputed by the same functions?"""
    summary = build_summary(store, learner)
    page = to_html(summary).decode("utf-8")
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    for item in exercise.items[:2]:
        chosen = next(n for n in summary.steps[0].feedback if n.about.startswith(item.text))
        choice = chosen.about.rsplit("you chose: ", 1)[1].rstrip(")")
        category = next(c.id for c in exercise.categories if c.label == choice)
        assert check_choice(exercise, item, category).headline in chosen.said
    draft = next(s for s in summary.steps if s.step.id == "drafting_statements").feedback[0]
    review = review_outcome("Children have fun " + HOSTILE, "strategic")
    assert f"{review.verdict_label} as a strategic outcome ({review.score} out of 100)" in draft.said
    assert "Not quite: the kit&#x27;s reading is" in page or "Not quite: the kit's reading is" in page
    assert "poses it without an answer" in page


def test_unanswered_statements_keep_their_answers_hidden(store, learner) -> None:
    """Does the summary leave out the answer key for statements the learner has not sorted?"""
    page = to_html(build_summary(store, learner)).decode("utf-8")
    exercise = content.sorting_exercise("outputs_outcomes_impact")
    unanswered = exercise.items[5]
    assert unanswered.text not in page
    assert "What the sources say" not in page


def test_progress_and_reading_are_in_the_summary(store, learner) -> None:
    """Is there a row per step with its status, and for each step its sources and the further reading?"""
    summary = build_summary(store, learner)
    page = to_html(summary).decode("utf-8")
    ready = [s for s in content.start_page().steps if s.ready]
    assert [s.step.id for s in summary.steps] == [s.id for s in ready]
    for number, step in enumerate(ready, 1):
        assert f"<td>{number}. {html.escape(step.title)}</td>" in page
        for source in content.load_raw(f"guide/{step.id}")["sources"]:
            assert html.escape(content.sources()[source].title) in page
        for reading in content.reading()[step.id]:
            assert html.escape(reading.title) in page
    assert "<td>In progress</td>" in page and "<td>Not started</td>" in page
    assert "Pick up at Step 9, Action planning: You were working on this step most recently" in page


def test_a_plan_appears_as_the_write_up_shows_it(store, learner) -> None:
    """Is the action plan, which the kit does not score, shown as the facilitator's write-up presents it?"""
    summary = build_summary(store, learner)
    plan = next(s for s in summary.steps if s.step.id == "action_planning")
    assert plan.feedback == () and plan.sections[0].title == "Action plan"
    assert "The kit gives no scored feedback on this step" in to_html(summary).decode("utf-8")


def test_the_copy_is_kept_under_a_safe_name(store, learner, tmp_path) -> None:
    """Is the copy written in summaries/ under a name with no path characters, unique to the learner?"""
    data = to_html(build_summary(store, learner))
    path = save_copy(data, tmp_path, learner)
    assert path.parent == tmp_path / "summaries" and path.read_bytes() == data
    assert re.fullmatch(r"summary-[A-Za-z0-9_-]+-\d+\.html", path.name)
    assert file_name(store.group("s", "../../etc/passwd", "alone")).startswith("summary-etc-passwd-")
    assert file_name(store.group("s", "مرحبا", "alone")).startswith("summary-learner-")


def test_further_reading_refers_only_to_real_steps_and_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a reading entry for an unknown step, or citing an unknown source, refused with a plain message?"""
    raw = copy.deepcopy(content.load_raw("self_study/reading"))
    raw["steps"][0]["read_next"][0]["cited_in"] = "seed-999"
    real = content.load_raw
    monkeypatch.setattr(content, "load_raw", lambda name: raw if name == "self_study/reading" else real(name))
    content.reading.cache_clear()
    try:
        with pytest.raises(ContentError, match="unknown source 'seed-999'"):
            content.reading()
        raw["steps"][0]["read_next"][0]["cited_in"] = "seed-000"
        raw["steps"][0]["step"] = "no_such_step"
        with pytest.raises(ContentError, match="unknown step 'no_such_step'"):
            content.reading()
    finally:
        content.reading.cache_clear()


def test_the_reading_schema_wants_a_reason_to_read() -> None:
    """Would an entry without 'why' be refused by its schema?"""
    raw = copy.deepcopy(content.load_raw("self_study/reading"))
    del raw["steps"][1]["read_next"][0]["why"]
    with pytest.raises(ContentError, match="'why' is a required property"):
        validate("self_study/reading", raw)
