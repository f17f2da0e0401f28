"""Step 1: sort statements into input, process, output, outcome or impact."""

from __future__ import annotations

from markupsafe import Markup

from ... import content, context
from ...markup import render
from ...stepkit.sorting import key_answer
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.sorting_quiz import SortingQuiz

from . import EXERCISE


def definitions_html() -> str:
    exercise = content.sorting_exercise(EXERCISE)
    sources = content.sources()
    return render(
        "steps/outputs_outcomes_impact/definitions.html",
        kinds=[(c, sources[c.source].short) for c in exercise.categories],
        outcome_types=Markup(outcome_types_html()),
        drawn_from="; ".join(sources[s].short for s in exercise.sources),
    )


def outcome_types_html() -> str:
    """The source's own types of outcome (the Institute of Public Care's six), as a table."""
    exercise = content.sorting_exercise(EXERCISE)
    if not exercise.outcome_types:
        return ""
    source = content.sources()[exercise.outcome_types_source].short
    return render("steps/outputs_outcomes_impact/outcome_types.html", source=source, kinds=exercise.outcome_types)


def model_answer_html() -> str:
    exercise = content.sorting_exercise(EXERCISE)
    rows = [(item.text, key_answer(exercise, item)) for item in exercise.items]
    return render("steps/outputs_outcomes_impact/model_answer.html", note=exercise.key_note, rows=rows)


class SortingPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    quiz: SortingQuiz


def build() -> SortingPage:
    exercise = content.sorting_exercise(EXERCISE)
    quiz = SortingQuiz(exercise, context.store())
    page = step_frame(
        "outputs_outcomes_impact",
        quiz.view,
        quiz.set_group,
        intro=exercise.intro,
        intro_html=definitions_html(),
        hints=exercise.hints,
        model_answer_html=model_answer_html(),
        body_heading="Sort the statements",
        page_class=SortingPage,
    )
    page.quiz = quiz
    return page


def show() -> None:
    show_page(build)
