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
from ..export.html_export import STYLE, _e, _section
from ..export.record import SYNTHETIC_NOTE, Section, group_sections
from ..store import Group, Store
from .progress import LearnerProgress, Note, StepProgress, learner_progress, rules, saved_for, when

SUMMARY_FOLDER = "summaries"
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


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


def _read_next_html(step: StepSummary) -> str:
    items = [f"<li><strong>{_e(s.title)}</strong>, {_e(s.publisher)}. This step drew on it.</li>" for s in step.sources]
    known = content.sources()
    items += [f"<li><strong>{_e(r.title)}</strong>, {_e(r.by)}. {_e(r.why)} <small>(Cited in {_e(known[r.cited_in].short)}.)</small></li>" for r in step.read_next]
    return f"<h3>Read next</h3><ul>{''.join(items)}</ul>" if items else ""


def _step_html(step: StepSummary) -> str:
    parts = [f"<h2>Step {step.number}: {_e(step.step.title)}</h2>", f"<p><strong>{_e(step.progress.label)}.</strong> {_e(' '.join(step.progress.reasons))}</p>"]
    if step.progress.scores:
        parts.append("<ul>" + "".join(f"<li>Score: {_e(s.text)}.</li>" for s in step.progress.scores) + "</ul>")
    if step.feedback:
        parts.append(_section(feedback_section(step)))
    elif not step.progress.last_saved:
        parts.append("<p>You have not saved anything on this step yet.</p>")
    else:
        parts.append("<p>The kit gives no scored feedback on this step; what you saved is below.</p>")
    if step.sections:
        parts.append("<h3>What you saved</h3>")
        parts.extend(_section(s) for s in step.sections)
    parts.append(_read_next_html(step))
    return "".join(parts)


def to_html(summary: Summary) -> bytes:
    """The summary as one page: no scripts, no external files, every piece of typed text escaped."""
    title = f"Self-study summary: {summary.learner}"
    picked = summary.progress.continue_at
    pick_up = next((f"Step {s.number}, {s.step.title}" for s in summary.steps if s.step.id == picked), "")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body><main>",
        f"<h1>Your self-study summary</h1><p>For <strong><bdi>{_e(summary.learner)}</bdi></strong>. "
        f"Written {summary.generated_at:%d %B %Y at %H:%M} UTC from the kit's store (session <bdi>{_e(summary.session)}</bdi>).</p>",
        f"<p>You have finished {summary.progress.finished_count} of {len(summary.steps)} steps. "
        + (f"Pick up at {_e(pick_up)}: {_e(summary.progress.continue_reason)}</p>" if pick_up else f"{_e(summary.progress.continue_reason)}</p>"),
    ]
    if summary.mentions_synthetic:
        parts.append(f'<p class="note">{_e(SYNTHETIC_NOTE)}</p>')
    parts.append(_section(progress_section(summary)))
    parts.extend(_step_html(step) for step in summary.steps)
    parts.append("<p><small>Scores and feedback are the kit's reading of your words, worked out again when this page was written. They are a prompt for thinking, not a mark.</small></p>")
    parts.append("</main></body></html>")
    return "\n".join(parts).encode("utf-8")


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
