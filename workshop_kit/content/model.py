"""Plain, frozen records of the kit's content, so code never pokes at raw JSON."""

from __future__ import annotations

from ..wording import with_article
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A document an exercise draws on."""

    id: str
    title: str
    publisher: str
    short: str


@dataclass(frozen=True)
class SourceList:
    """sources.json: every document the kit's exercises draw on."""

    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Step:
    """One step of the workshop as the start page lists it."""

    id: str
    title: str
    notebook: str | None
    purpose: str
    minutes: int
    status: str

    @property
    def ready(self) -> bool:
        return self.status == "ready" and self.notebook is not None


@dataclass(frozen=True)
class ProgressPage:
    """The self-study progress page: linked from every page, but never one of the steps."""

    notebook: str
    title: str
    link_text: str
    start_text: str
    intro: tuple[str, ...]


@dataclass(frozen=True)
class StartPage:
    title: str
    intro: tuple[str, ...]
    group_help: str
    steps: tuple[Step, ...]
    progress: ProgressPage | None = None


@dataclass(frozen=True)
class Reading:
    """Something to read after a step: a document one of the sources cites, and why."""

    title: str
    by: str
    cited_in: str
    why: str


@dataclass(frozen=True)
class StepReading:
    """What to read after one step."""

    step: str
    read_next: tuple[Reading, ...]


@dataclass(frozen=True)
class ReadingList:
    """self_study/reading.json: what to read next, step by step."""

    steps: tuple[StepReading, ...]


@dataclass(frozen=True)
class Category:
    """A box statements are sorted into, with the definition feedback quotes."""

    id: str
    label: str
    definition: str
    source: str
    #: how feedback names one of these in a sentence ("a strategic outcome"); empty: a/an and the label
    called: str = ""

    @property
    def in_a_sentence(self) -> str:
        if self.called:
            return self.called
        word = self.label.lower()
        return with_article(word)


@dataclass(frozen=True)
class SortingItem:
    """A statement to sort, and the answer key behind it."""

    id: str
    text: str
    accepted: tuple[str, ...]
    debatable: bool
    explanation: str
    source: str
    #: "source" when a source document gives this answer; "kit" when the source poses the item without one
    answer_from: str = "source"
    #: the argument both ways: (category id, why someone would read it so), one per reading
    both_ways: tuple[tuple[str, str], ...] = ()
    #: ids of the exercise's outcome types (e.g. IPC's) this item is an example of
    outcome_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class OutcomeType:
    """One of a source's own types of outcome (the Institute of Public Care lists six)."""

    id: str
    label: str
    meaning: str


@dataclass(frozen=True)
class SortingExercise:
    id: str
    title: str
    intro: tuple[str, ...]
    sources: tuple[str, ...]
    categories: tuple[Category, ...]
    items: tuple[SortingItem, ...]
    #: nudges for the step page this exercise leads (shown one at a time); may be empty
    hints: tuple[str, ...] = ()
    #: a source's own list of outcome types, shown beside items that are one of them
    outcome_types: tuple[OutcomeType, ...] = ()
    #: the source that lists the outcome types
    outcome_types_source: str = ""
    #: a sentence shown above the answer key (e.g. that the source poses the items without answers)
    key_note: str = ""

    def outcome_type(self, type_id: str) -> OutcomeType:
        for kind in self.outcome_types:
            if kind.id == type_id:
                return kind
        raise KeyError(type_id)

    def category(self, category_id: str) -> Category:
        for category in self.categories:
            if category.id == category_id:
                return category
        raise KeyError(category_id)

    def item(self, item_id: str) -> SortingItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


@dataclass(frozen=True)
class Lesson:
    """What one page teaches, for the lesson its notebook opens with (``lessons/lessons.json``)."""

    #: a step or side page id from the registry, or start, my_progress or dashboard
    page: str
    #: what you will learn, each read after "You will learn"
    learn: tuple[str, ...]
    #: how long the page takes, for a page that is not a step ("" for a step: its minutes are the start page's)
    time: str = ""
    #: source ids, for a page that is not a step (a step's are its guide file's)
    sources: tuple[str, ...] = ()
    #: only for a page with no content of its own to take a title from
    title: str = ""


@dataclass(frozen=True)
class LessonList:
    pages: tuple[Lesson, ...]
