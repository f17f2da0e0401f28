"""Checking a sorting exercise: one answer at a time, then the whole attempt.

Feedback says whether the sources support the choice, why, and which source
says so. Debatable items accept several answers and say that they are
debatable, as a facilitator would.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .. import content
from ..content import sources
from ..content.model import SortingExercise, SortingItem


def item_texts(exercise_id: str) -> tuple[str, ...]:
    """The statements a sorting exercise puts in front of a table, in the page's order."""
    return tuple(item.text for item in content.sorting_exercise(exercise_id).items)


@dataclass(frozen=True)
class SortFeedback:
    """What a group is told about one sorted statement."""

    item_id: str
    #: the category the group chose
    choice: str
    #: True when the sources support the choice
    correct: bool
    #: "right", "debatable" (a supported answer to a debatable item) or "not_quite"
    verdict: str
    #: the one-line verdict, e.g. "Yes: this is an output."
    headline: str
    #: why, in the terms of the source document
    explanation: str
    #: labels of every answer the sources support
    accepted_labels: tuple[str, ...]
    #: True when reasonable people disagree about this item
    debatable: bool
    #: how the source is named in a sentence
    source: str
    #: the definition of the category the sources prefer, as a reminder
    reminder: str
    #: the argument both ways: (category label, why someone would read the item so)
    both_ways: tuple[tuple[str, str], ...] = ()
    #: the source's own outcome types this item is an example of, as "label: meaning"
    outcome_types: tuple[str, ...] = ()
    #: how the outcome types' source is named in a sentence ('' when the item names none)
    outcome_types_source: str = ""
    #: True when the source poses the item without an answer, so the answer is the kit's reading
    kit_reading: bool = False


@dataclass(frozen=True)
class SortScore:
    """The tally for one attempt at a sorting exercise."""

    answered: int
    correct: int
    total: int

    @property
    def finished(self) -> bool:
        return self.answered >= self.total

    @property
    def message(self) -> str:
        if self.answered == 0:
            return f"No statements sorted yet. There are {self.total} to sort."
        if not self.finished:
            return f"You have sorted {self.answered} of {self.total} statements; {self.correct} match what the sources say."
        return f"Finished: {self.correct} out of {self.total} match what the sources say."


def _join(labels: list[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    return ", ".join(labels[:-1]) + " or " + labels[-1]


def check_choice(exercise: SortingExercise, item: SortingItem, choice: str) -> SortFeedback:
    """Feedback for sorting ``item`` into ``choice``; raises ValueError for a choice the page never offers."""
    category_ids = [c.id for c in exercise.categories]
    if choice not in category_ids:
        raise ValueError(f"{choice!r} is not one of the categories of {exercise.id}.")
    label = exercise.category(choice).label.lower()
    accepted_labels = tuple(exercise.category(c).label for c in item.accepted)
    accepted_text = _join([name.lower() for name in accepted_labels])
    correct = choice in item.accepted
    kit_reading = item.answer_from == "kit"
    says = "the kit's reading is" if kit_reading else "the sources point to"
    supports = "the kit accepts" if kit_reading else "the sources support"
    if correct and item.debatable:
        verdict = "debatable"
        headline = f"For discussion: {label} is a fair reading; {supports} {accepted_text}."
    elif correct and len(item.accepted) > 1:
        verdict = "right"
        headline = f"Yes: {label} fits. {supports[0].upper()}{supports[1:]} {accepted_text}."
    elif correct:
        verdict = "right"
        headline = f"Yes: this is {exercise.category(choice).in_a_sentence}."
    else:
        verdict = "not_quite"
        extra = " This one is for discussion, but not that way." if item.debatable else ""
        headline = f"Not quite: {says} {accepted_text}, not {label}.{extra}"
    preferred = exercise.category(item.accepted[0])
    return SortFeedback(
        item_id=item.id,
        choice=choice,
        correct=correct,
        verdict=verdict,
        headline=headline,
        explanation=item.explanation,
        accepted_labels=accepted_labels,
        debatable=item.debatable,
        source=sources()[item.source].short,
        reminder=f"{preferred.label}: {preferred.definition}",
        both_ways=tuple((exercise.category(reading).label, argument) for reading, argument in item.both_ways),
        outcome_types=tuple(f"{exercise.outcome_type(t).label}: {exercise.outcome_type(t).meaning}" for t in item.outcome_types),
        outcome_types_source=sources()[exercise.outcome_types_source].short if item.outcome_types else "",
        kit_reading=kit_reading,
    )


def score(exercise: SortingExercise, choices: Mapping[str, str]) -> SortScore:
    """Tally an attempt from item id -> chosen category (unknown ids and choices are ignored)."""
    answered = correct = 0
    for item in exercise.items:
        choice = choices.get(item.id)
        if choice is None:
            continue
        answered += 1
        correct += choice in item.accepted
    return SortScore(answered=answered, correct=correct, total=len(exercise.items))


def key_answer(exercise: SortingExercise, item: SortingItem) -> str:
    """The answer key's answer for one item, as the page, the guide and exports all show it.

    Accepted kinds in the key's order, "(for discussion)" when contested, "(the kit's
    reading)" when the source poses the item without an answer, and any of the
    source's own outcome types the item is an example of.
    """
    answer = " or ".join(exercise.category(c).label for c in item.accepted)
    notes = []
    if item.debatable:
        notes.append("for discussion")
    if item.answer_from == "kit":
        notes.append("the kit's reading")
    if notes:
        answer += f" ({'; '.join(notes)})"
    if item.outcome_types:
        answer += ". Type of outcome: " + ", ".join(exercise.outcome_type(t).label for t in item.outcome_types)
    return answer


def key_reasoning(exercise: SortingExercise, item: SortingItem) -> str:
    """The answer key's reasoning for one item: the explanation, then the argument both ways."""
    ways = " ".join(f"Read as {exercise.category(r).label.lower()}: {argument}" for r, argument in item.both_ways)
    return f"{item.explanation} {ways}".strip()
