"""Reading a learner's progress from the rows they saved: plain values in, frozen results out.

Each step module declares how its own progress is read, next to its
``EXPORTS``: ``PROGRESS = ProgressRule(step, exercises, read, feedback)``.
``read`` turns the learner's saved rows for those exercises into a
:class:`StepProgress` (finished or not, scores with what they mean, and the
reasons); ``feedback`` gives the kit's feedback on what they wrote, for the
summary. Nothing here touches ipywidgets.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Sequence

from .. import content, steps
from ..store import Answer

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
FINISHED = "finished"
STATUS_LABELS = {NOT_STARTED: "Not started", IN_PROGRESS: "In progress", FINISHED: "Finished"}


@dataclass(frozen=True)
class Saved:
    """Every row one learner saved for one step's exercises, oldest first."""

    rows: tuple[Answer, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.rows

    @property
    def last_saved(self) -> datetime | None:
        """When the newest of these rows was saved (UTC), or None."""
        return max((_utc(row.saved_at) for row in self.rows), default=None)

    def latest(self, exercise: str) -> dict[str, Answer]:
        """The newest row for each item of one exercise: what the learner sees on the page."""
        found: dict[str, Answer] = {}
        for row in self.rows:
            if row.exercise == exercise:
                found[row.item] = row
        return found

    def history(self, exercise: str, item: str | None = None) -> list[Answer]:
        """Every row of one exercise (or one of its items), oldest first."""
        return [r for r in self.rows if r.exercise == exercise and (item is None or r.item == item)]


@dataclass(frozen=True)
class Score:
    """A score on a step, and what it counts."""

    value: int
    out_of: int
    #: what the score counts, as a noun phrase that reads after "7 out of 9:"
    means: str

    @property
    def text(self) -> str:
        return f"{self.value} out of {self.out_of}: {self.means}"


@dataclass(frozen=True)
class StepProgress:
    """Where a learner is on one step, and why the kit says so."""

    step: str
    #: NOT_STARTED, IN_PROGRESS or FINISHED
    status: str
    #: the step's scores, if it has any and the learner has done enough to score
    scores: tuple[Score, ...]
    #: plain sentences: what is done and what is left
    reasons: tuple[str, ...]
    #: when the learner last saved anything on this step (UTC), or None
    last_saved: datetime | None

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def finished(self) -> bool:
        return self.status == FINISHED


@dataclass(frozen=True)
class Note:
    """One piece of the kit's feedback: what the learner wrote or chose, and what the kit says about it."""

    about: str
    said: str


def _no_feedback(_saved: Saved) -> tuple[Note, ...]:
    return ()


@dataclass(frozen=True)
class ProgressRule:
    """How one step's progress and feedback are read from its saved rows."""

    #: the step's id in start_page.json
    step: str
    #: the exercise ids whose rows belong to this step
    exercises: tuple[str, ...]
    read: Callable[[Saved], StepProgress]
    feedback: Callable[[Saved], tuple[Note, ...]] = _no_feedback
    #: exercises the summary also shows as the facilitator's write-up does (charts, tables). Leave quizzes
    #: out: their write-up shows the answer key, which a learner sees only when they ask for it.
    write_up: tuple[str, ...] = ()


def judge(step: str, saved: Saved, finished: bool, scores: Iterable[Score] = (), reasons: Iterable[str] = ()) -> StepProgress:
    """The StepProgress for what a rule found: not started when nothing is saved, whatever else it says."""
    if saved.empty:
        return StepProgress(step, NOT_STARTED, (), ("Nothing saved on this step yet.",), None)
    return StepProgress(step, FINISHED if finished else IN_PROGRESS, tuple(scores), tuple(reasons), saved.last_saved)


def rules() -> dict[str, ProgressRule]:
    """Step id -> its rule, from the ``PROGRESS`` each step module declares."""
    found: dict[str, ProgressRule] = {}
    for module_info in pkgutil.iter_modules(steps.__path__):
        module = importlib.import_module(f"{steps.__name__}.{module_info.name}")
        rule = getattr(module, "PROGRESS", None)
        if isinstance(rule, ProgressRule):
            found[rule.step] = rule
    return found


def saved_for(rule: ProgressRule, rows: Sequence[Answer]) -> Saved:
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


def learner_progress(rows: Sequence[Answer], found_rules: dict[str, ProgressRule] | None = None) -> LearnerProgress:
    """Read every ready step's progress from one learner's rows and choose where to pick up."""
    found_rules = rules() if found_rules is None else found_rules
    read = []
    for step in content.start_page().steps:
        if not step.ready:
            continue
        rule = found_rules.get(step.id)
        if rule is None:
            raise LookupError(f"Step {step.id!r} declares no PROGRESS rule in its module.")
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
        last = max(worked, key=lambda n: progress[n].last_saved)  # type: ignore[arg-type, return-value]
        after = [n for n in not_started if n > last]
        chosen = after[0] if after else not_started[0]
        return progress[chosen].step, "This is the next step you have not started."
    return progress[not_started[0]].step, "Start with the first step."


def when(moment: datetime | None) -> str:
    """A saved time as people say it, in this computer's time zone: '23 November 2026 at 14:05'."""
    if moment is None:
        return "never"
    local = _utc(moment).astimezone()
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def _utc(moment: datetime) -> datetime:
    """SQLite hands back times without a zone; the store always saves UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
