"""A synthetic workshop day: every step answered by N made-up tables, for timing the write-up.

Each table's answers are given through the real pages' widgets in Python (no browser),
so the rows are exactly what the pages save through the store's API: sorting choices,
ladders, rewrites, drafts (several versions, some proposed), the homelessness outcomes
and measures, a logic model, an indicator map with a curve and a radar, a contribution
matrix and an action plan. Table names say they are synthetic, and so does every text.
"""

from __future__ import annotations

import datetime
import json
import os
import random
from pathlib import Path


SYNTHETIC = "(synthetic)"


def _answer_sorting(quiz, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    for card in quiz.cards:
        options = [c.id for c in quiz.exercise.categories]
        quiz.answer(card.item.id, card.item.accepted[0] if rng.random() < 0.7 else rng.choice(options))


def _outputs(module, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    _answer_sorting(module.quiz, rng)


def _levels(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    from workshop_kit.steps.levels_of_outcomes import page as levels_of_outcomes

    _answer_sorting(page.quiz, rng)
    ex = levels_of_outcomes.ladder_content().example
    ladder = page.ladder
    ladder.person.value = f"Sam {n}"
    ladder.rungs["aspiration"].box.value = f"Sam wants to be a chef {SYNTHETIC}"
    ladder.rungs["sought"].box.value = ex.sought
    ladder.rungs["smart"].box.value = ex.smart[0]
    for number, target in enumerate(ex.targets, start=1):
        ladder.rungs[f"target_{number}"].box.value = target.text
        ladder.links[f"link_{number}"].value = target.link
    ladder.check_all()


def _personal(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    _answer_sorting(page.quiz, rng)
    for card in page.rewrites.cards:
        for version in ("I want to stay in my own home", f"I want to stay living in my own home, near my friends {SYNTHETIC}"):
            card.reviewed.box.value = version
            card.reviewed.check_button.click()


def _drafting(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    for number, card in enumerate(page.board.cards, start=1):
        for wording in ("Provide more activities for children", f"Children and young people do things they enjoy with friends, table {n} draft {number} {SYNTHETIC}"):
            card.box.value = wording
            card.check_button.click()
        card.proposed.value = number == 1


def _homelessness(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    exercise = page.exercise
    exercise.who.value = f"Mostly single adults with mental health needs {SYNTHETIC}"
    exercise.commission.value = "A housing support service"
    outcomes = ["People keep their tenancy", "People feel safe and settled at home", "People stay well and use health services when they need them"]
    for box, value in zip(exercise.outcome_boxes, outcomes + [""]):
        box.value = value
    exercise.check_outcomes.click()
    measures = [
        ("Percentage of people still in their tenancy after 12 months", "objective"),
        ("Percentage of people who say they feel settled", "subjective"),
        ("Number of support sessions delivered", "objective"),
    ]
    for index, (text, kind) in enumerate(measures):
        exercise.for_outcome.value = exercise.for_outcome.options[index % len(exercise.for_outcome.options)][1]
        exercise.measure_text.value = text
        exercise.subjective.value = kind
        exercise.source.value = "Tenancy records from housing associations"
        exercise.frequency.value = exercise.frequency.options[-1][1]
        exercise.reporting.value = "Quarterly contract report"
        exercise.add_measure.click()


def _logic_model(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    _answer_sorting(page.quiz, rng)
    builder = page.builder
    texts = {
        "inputs": "Two youth workers\nA room at the library",
        "outputs": "Run weekly drop-in sessions",
        "interim_outcomes": "Young people feel less isolated",
        "final_outcomes": f"Young people move into adult life well {SYNTHETIC}",
    }
    for column, value in texts.items():
        builder.columns[column].value = value
    builder.use_cards.click()
    for source, target in (("inputs-1", "outputs-1"), ("inputs-2", "outputs-1"), ("outputs-1", "interim_outcomes-1"), ("interim_outcomes-1", "final_outcomes-1")):
        builder.link_from.value, builder.link_to.value = source, target
        builder.add.click()
    builder.check.click()


def _indicators(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    e = page.exercise
    e.outcome.value = f"Families have a settled home {SYNTHETIC}"
    for measure, question, subjective in (("Percentage of families who say their home feels settled", "better_off", True), ("Number of home visits made", "how_much", False)):
        e.measure.value, e.question.value, e.subjective.value = measure, question, subjective
        e.add_measure.click()
    e.gap.value = "Repeat homelessness within two years"
    e.add_gap.click()
    e.target.value = 5.5
    e.story.value = f"More help before eviction notices {SYNTHETIC}"
    e.draw_curve.click()
    e.start[0].value, e.review[0].value = 2, 7
    e.draw_radar.click()


def _framework(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    e = page.exercise
    e.outcomes.value, e.services.value = "Children are safe\nFamilies cope", "Family support\nYouth service\nSchool nursing"
    e.use_lists.click()
    for service, outcome in (("Family support", "Families cope"), ("Youth service", "Families cope")):
        e.service.value, e.outcome.value, e.measures.value = service, outcome, "Families coping better at review"
        e.set_button.click()
    e.required.value, e.actual.value = "Every child feels safe", f"Referrals rose last year {SYNTHETIC}"
    e.save_ra.click()


def _action_planning(page, n: int, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    plan = page.plan
    plan.boxes["consultation"].value = f"Parent carer forum in March {SYNTHETIC}"
    plan.follow_up.value = datetime.date(2027, 3, 4)
    plan.save.click()
    for action in ("Book the youth council", "Share the drafts with providers"):
        plan.action.value, plan.owner.value, plan.due.value = action, "Participation officer", "April"
        plan.add.click()


STEPS = (
    ("outputs_outcomes_impact", lambda page, n, rng: _outputs(page, n, rng)),
    ("levels_of_outcomes", _levels),
    ("personal_outcomes", _personal),
    ("drafting_statements", _drafting),
    ("homelessness_scenario", _homelessness),
    ("logic_model", _logic_model),
    ("indicators", _indicators),
    ("outcomes_framework", _framework),
    ("action_planning", _action_planning),
)


def fill_day(data_dir: Path, session: str, tables: int = 10, seed: int = 7) -> int:
    """Answer every step for ``tables`` synthetic tables; returns the number of rows saved.

    Table 1 answers through the pages; the others get copies of its rows (each text
    naming its own table) through ``Store.save``, which is much quicker than building
    every page again and gives the write-up the same work per table.
    """
    import importlib

    os.environ["WORKSHOP_KIT_DATA"] = str(data_dir)
    os.environ["WORKSHOP_KIT_SESSION"] = session
    os.environ["QUERY_STRING"] = ""
    os.environ.pop("VOILA_PREHEAT", None)
    from workshop_kit import context

    context.forget()
    rng = random.Random(seed)
    first = f"Table 1 {SYNTHETIC}"
    for module_name, answer in STEPS:
        module = importlib.import_module(f"workshop_kit.steps.{module_name}.page")
        page = module.build()
        page.picker.name.value = first
        answer(page, 1, rng)
    store = context.store()
    rows = [row for row in store.all_answers(session) if row.group == first]
    for n in range(2, tables + 1):
        group = store.group(session, f"Table {n} {SYNTHETIC}")
        for row in rows:
            payload = json.loads(json.dumps(row.payload).replace("table 1 ", f"table {n} ").replace("Sam 1", f"Sam {n}"))
            store.save(group, row.exercise, row.item, payload)
    return store.count_answers()
