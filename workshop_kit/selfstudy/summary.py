"""A learner's personal summary: one self-contained HTML page to keep at the end of self-study.

What they wrote in each step (the same sections the facilitator's write-up
builds, from ``export.record``), the kit's feedback on it (recomputed by the
step's feedback function), their progress, and what to read next (the step's
sources from its guide file, and further reading from
``content/self_study/reading.json``). The page has no script, a restrictive
Content-Security-Policy, and every piece of typed text escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .. import content, steps
from ..content.model import Reading, Source, Step
from ..export.record import SYNTHETIC_NOTE, Section, group_sections
from ..markup import render
from ..store import Group, Store
from .progress import LearnerProgress, Note, StepProgress, learner_progress, rules, saved_for, when

SUMMARY_FOLDER = "summaries"


@dataclass(frozen=True)
class StepSummary:
    """One step of the summary."""

    step: Step
    number: int
    progress: StepProgress
    feedback: tuple[Note, ...]
    #: what the learner saved, as the write-up presents it
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    read_next: tuple[Reading, ...]


@dataclass(frozen=True)
class Summary:
    learner: str
    session: str
    generated_at: datetime
    progress: LearnerProgress
    steps: tuple[StepSummary, ...]

    @property
    def mentions_synthetic(self) -> bool:
        return any(s.synthetic for step in self.steps for s in step.sections)


def build_summary(store: Store, group: Group) -> Summary:
    """Read one learner's rows once and gather everything the summary shows."""
    rows = store.rows_of(group)
    found = rules()
    progress = learner_progress(rows, found)
    sources = content.sources()
    reading = content.reading()
    ready = [s for s in steps.listed() if s.ready]
    parts = []
    for number, step in enumerate(ready, start=1):
        rule = found[step.id]
        saved = saved_for(rule, rows)
        by_exercise = {ex: latest for ex in rule.write_up if (latest := saved.latest(ex))}
        drew_on = content.load_raw(f"guide/{step.id}")["sources"]
        parts.append(
            StepSummary(
                step=step,
                number=number,
                progress=progress.step(step.id),
                feedback=rule.feedback(saved),
                sections=group_sections(by_exercise),
                sources=tuple(sources[s] for s in drew_on if s in sources),
                read_next=reading.get(step.id, ()),
            )
        )
    return Summary(group.name, group.session, datetime.now(timezone.utc), progress, tuple(parts))


def progress_section(summary: Summary) -> Section:
    rows = tuple(
        (f"{s.number}. {s.step.title}", s.progress.label, "; ".join(score.text for score in s.progress.scores) or "-", when(s.progress.last_saved) if s.progress.last_saved else "not yet")
        for s in summary.steps
    )
    return Section(title="Your progress, step by step", header=("Step", "Where you are", "Score", "Last worked on"), rows=rows)


def feedback_section(step: StepSummary) -> Section:
    return Section(title="What you wrote, and what the kit says", header=("What you wrote or chose", "What the kit says"), rows=tuple((note.about, note.said) for note in step.feedback))


def to_html(summary: Summary) -> bytes:
    """The summary as one page (``templates/html/selfstudy/summary.html``): no scripts, no external files, every piece of typed text escaped."""
    picked = summary.progress.continue_at
    pick_up = next((f"Step {s.number}, {s.step.title}" for s in summary.steps if s.step.id == picked), "")
    return render(
        "selfstudy/summary.html",
        summary=summary,
        pick_up=pick_up,
        progress=progress_section(summary),
        steps=[(step, feedback_section(step)) for step in summary.steps],
        known=content.sources(),
        synthetic_note=SYNTHETIC_NOTE,
    ).encode("utf-8")


def file_name(group: Group) -> str:
    """A safe file name for a learner's summary, unique per learner."""
    safe = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "-_") else "-" for ch in group.name).strip("-")
    return f"summary-{'-'.join(filter(None, safe.split('-')))[:40] or 'learner'}-{group.id}.html"


def save_copy(data: bytes, folder: Path, group: Group) -> Path:
    """Keep a copy of the summary in the data folder; raises OSError if it cannot be written."""
    target = folder / SUMMARY_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    path = target / file_name(group)
    path.write_bytes(data)
    return path
