"""Step 1: sort statements into input, process, output, outcome or impact."""

from __future__ import annotations

import html


from ... import content, context
from ...stepkit.sorting import key_answer
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.sorting_quiz import SortingQuiz

from . import EXERCISE


def definitions_html() -> str:
    exercise = content.sorting_exercise(EXERCISE)
    sources = content.sources()
    rows = "".join(f'<tr><th scope="row">{html.escape(c.label)}</th><td>{html.escape(c.definition)}</td><td>{html.escape(sources[c.source].short)}</td></tr>' for c in exercise.categories)
    drawn_from = "; ".join(sources[s].short for s in exercise.sources)
    return (
        '<table class="kit-table"><caption>The five kinds of statement</caption>'
        '<thead><tr><th scope="col">Kind</th><th scope="col">What it means</th><th scope="col">Source</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        f"{outcome_types_html()}"
        f'<p class="kit-source">This exercise draws on: {html.escape(drawn_from)}.</p>'
    )


def outcome_types_html() -> str:
    """The source's own types of outcome (the Institute of Public Care's six), as a table."""
    exercise = content.sorting_exercise(EXERCISE)
    if not exercise.outcome_types:
        return ""
    rows = "".join(f'<tr><th scope="row">{html.escape(t.label)}</th><td>{html.escape(t.meaning)}</td></tr>' for t in exercise.outcome_types)
    source = content.sources()[exercise.outcome_types_source].short
    return (
        f'<table class="kit-table"><caption>Types of outcome in {html.escape(source)}</caption>'
        '<thead><tr><th scope="col">Type</th><th scope="col">What it covers (the kit\'s summary)</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def model_answer_html() -> str:
    exercise = content.sorting_exercise(EXERCISE)
    rows = "".join(f"<tr><td>{html.escape(item.text)}</td><td>{html.escape(key_answer(exercise, item))}</td></tr>" for item in exercise.items)
    note = f"<p>{html.escape(exercise.key_note)}</p>" if exercise.key_note else ""
    return f'{note}<table class="kit-table"><caption>The answer key</caption><thead><tr><th scope="col">Statement</th><th scope="col">Kind</th></tr></thead><tbody>{rows}</tbody></table>'


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
