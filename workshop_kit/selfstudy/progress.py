"""Reading a learner's progress from the rows they saved: plain values in, frozen results out.

Each step in the registry (``workshop_kit.steps.STEPS``) says how its own progress is read
(``read``, in the step's ``progress.py``): the learner's saved rows for its exercises become a
:class:`StepProgress` (finished or not, scores with what they mean, and the reasons); its
``feedback`` gives the kit's feedback on what they wrote, for the summary. This module reads
every step in the registry's order and chooses where to pick up. Nothing here touches ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence

from .. import steps
from ..stepkit.parts import FINISHED, IN_PROGRESS, NOT_STARTED, STATUS_LABELS, Note, Saved, Score, Step, StepProgress, as_utc, judge
from ..store import Answer

__all__ = [
    "FINISHED",
    "IN_PROGRESS",
    "NOT_STARTED",
    "STATUS_LABELS",
    "LearnerProgress",
    "Note",
    "Saved",
    "Score",
    "Step",
    "StepProgress",
    "judge",
    "learner_progress",
    "pick_up",
    "rules",
    "saved_for",
    "when",
]


def rules() -> dict[str, Step]:
    """Step id -> its step, from the registry, in the workshop's order."""
    return steps.by_id()


def saved_for(rule: Step, rows: Sequence[Answer]) -> Saved:
    """The rows of one learner that belong to one step."""
    wanted = set(rule.exercises)
    return Saved(tuple(r for r in rows if r.exercise in wanted))


@dataclass(frozen=True)
class LearnerProgress:
    """Every ready step's progress in the start page's order, and where to pick up."""

    steps: tuple[StepProgress, ...]
    #: the step to continue with, or None when every step is finished
    continue_at: str | None
    #: why that step (one sentence)
    continue_reason: str

    @property
    def finished_count(self) -> int:
        return sum(s.finished for s in self.steps)

    def step(self, step_id: str) -> StepProgress:
        return next(s for s in self.steps if s.step == step_id)


def learner_progress(rows: Sequence[Answer], found_rules: dict[str, Step] | None = None) -> LearnerProgress:
    """Read every ready step's progress from one learner's rows and choose where to pick up."""
    found_rules = rules() if found_rules is None else found_rules
    read = []
    for step in steps.listed():
        if not step.ready:
            continue
        rule = found_rules.get(step.id)
        if rule is None:
            raise LookupError(f"Step {step.id!r} is not in the step registry (workshop_kit/steps/__init__.py).")
        read.append(rule.read(saved_for(rule, rows)))
    at, why = pick_up(read)
    return LearnerProgress(tuple(read), at, why)


def pick_up(progress: Sequence[StepProgress]) -> tuple[str | None, str]:
    """The step to continue: the unfinished one worked on most recently, else the next not started."""
    unfinished = [p for p in progress if p.status == IN_PROGRESS]
    if unfinished:
        latest = max(unfinished, key=lambda p: p.last_saved or datetime.min.replace(tzinfo=timezone.utc))
        return latest.step, "You were working on this step most recently and have not finished it yet."
    not_started = [n for n, p in enumerate(progress) if p.status == NOT_STARTED]
    if not not_started:
        return None, "You have finished every step. Well done: download your summary below."
    worked = [n for n, p in enumerate(progress) if p.last_saved is not None]
    if worked:
        last = max(worked, key=lambda n: progress[n].last_saved or datetime.min.replace(tzinfo=timezone.utc))
        after = [n for n in not_started if n > last]
        chosen = after[0] if after else not_started[0]
        return progress[chosen].step, "This is the next step you have not started."
    return progress[not_started[0]].step, "Start with the first step."


def when(moment: datetime | None) -> str:
    """A saved time as people say it, in this computer's time zone: '23 November 2026 at 14:05'."""
    if moment is None:
        return "never"
    local = as_utc(moment).astimezone()
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"
