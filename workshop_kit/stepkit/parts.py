"""What every step is made of: the learner's saved rows in, progress and feedback values out, and
the :class:`Step` that the registry (``workshop_kit.steps.STEPS``) lists, one per step folder.

Plain values only: nothing here touches ipywidgets, and nothing here knows which steps exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Callable, Iterable, Mapping

from ..store import Answer
from .writeup import Section

if TYPE_CHECKING:
    from .starting_rows import Followed

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
        return max((as_utc(row.saved_at) for row in self.rows), default=None)

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


#: makes one exercise's write-up sections from its latest rows (item -> newest answer); None or [] to
#: fall back to the field-by-field table
Exporter = Callable[[str, Mapping[str, Answer]], "list[Section] | None"]

#: what became of the outcomes a step started from (``starting_rows.Followed`` values), read from one
#: exercise's latest rows (item -> newest answer)
Follower = Callable[[Mapping[str, Answer]], "tuple[Followed, ...]"]


@dataclass(frozen=True)
class Step:
    """One step of the workshop, as the registry lists it: which exercises are its own, how its
    progress and feedback are read from them, and how it adds to the day's write-up."""

    #: the step's id: its folder's name and its entry in start_page.json
    id: str
    #: the exercise ids whose rows belong to this step
    exercises: tuple[str, ...]
    read: Callable[[Saved], StepProgress]
    feedback: Callable[[Saved], tuple[Note, ...]] = _no_feedback
    #: exercises the summary also shows as the facilitator's write-up does (charts, tables). Leave quizzes
    #: out: their write-up shows the answer key, which a learner sees only when they ask for it.
    write_up: tuple[str, ...] = ()
    #: exercise id -> what writes its sections of the write-up (others are shown field by field)
    exports: Mapping[str, Exporter] = field(default_factory=dict)
    #: exercise id -> what became of the outcomes it started from (a table's drafts, the room's, the area's)
    carries: Mapping[str, Follower] = field(default_factory=dict)
    #: the statements, cards, measures or worked-example rows its page puts in front of a table, read from the
    #: content the page reads: the facilitator guide's answer key must cover exactly these
    shows: Callable[[], tuple[str, ...]] = tuple


@dataclass(frozen=True)
class SidePage:
    """A page beside the steps that the start page links to (the talks' slides, step 3 with young people):
    not part of the day's order, self-study or the write-up's step list, but a folder of its own."""

    #: its folder's name under ``steps/``
    id: str
    notebook: str
    #: the exercise ids its rows are saved under
    exercises: tuple[str, ...]
    #: its title, read from its content (the lesson its notebook opens with names it)
    title: Callable[[], str] = lambda: ""


def judge(step: str, saved: Saved, finished: bool, scores: Iterable[Score] = (), reasons: Iterable[str] = ()) -> StepProgress:
    """The StepProgress for what a rule found: not started when nothing is saved, whatever else it says."""
    if saved.empty:
        return StepProgress(step, NOT_STARTED, (), ("Nothing saved on this step yet.",), None)
    return StepProgress(step, FINISHED if finished else IN_PROGRESS, tuple(scores), tuple(reasons), saved.last_saved)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back times without a zone; the store always saves UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)
