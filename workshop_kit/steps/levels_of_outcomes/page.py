"""Step 2: strategic, operational and individual outcomes, and the outcome ladder.

The page has three parts: a sorting exercise (which level is each statement
written at?), Bea's worked ladder from Council for Disabled Children,
"Outcomes, outputs and impact", and a ladder the table builds for a person of
its choosing, each rung reviewed at its level, with the golden thread and the
strategic-themes litmus test checked on request.

Saved rows (``store.save(group, exercise, item, payload)``; nothing is updated):

* exercise ``levels_sort`` (the :class:`SortingQuiz` rows):
  item = statement id, ``{"choice", "attempt", "correct", "verdict"}``; item
  ``_attempt``: ``{"attempt": n}``.
* exercise ``levels_ladder``:

  - item ``person``, ``link_1``, ``link_2``: ``{"text": str}`` (the person's
    made-up name; the table's sentence on how each target helps).
  - item ``aspiration``, ``sought``, ``smart``, ``target_1``, ``target_2``:
    ``{"text": str, "level": str, "score": int | None, "verdict": band, "accepted": bool, "failed": [criterion names]}``;
    a new row each time a rung is checked with different text.
  - item ``_check`` (each press of "Check the whole ladder"):
    ``{"thread_ok": bool, "thread": [{"rung", "check", "passed"}],
    "litmus_ok": bool, "themes": [theme labels], "service_like": [rung ids]}``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ... import content, context
from .logic import MAX_TARGETS, LadderDraft, LitmusResult, ThreadResult, check_golden_thread, ladder_content, litmus_test
from ...scoring.results import ReviewResult
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import NAME_FIRST, guarded, live, notice, save_or_say
from ...widgets.reviewed_text import ReviewedText, too_long
from .views import levels_table_html, litmus_html, model_answer_html, rung_heading_html, section, thread_html, worked_example_html
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.sorting_quiz import SortingQuiz
from ...widgets.verdict import verdict_fields

from . import LADDER_EXERCISE, SORT_EXERCISE

BEFORE_NAMING = "Name your table at the top of the page to build a ladder. It is saved under that name."


class LadderBuilder:
    """The table's own ladder: each rung reviewed at its level and saved; the whole ladder checked on request."""

    def __init__(self, store: Store, group: Group | None = None) -> None:
        self._store = store
        self.group: Group | None = None
        self._saved: dict[str, str] = {}
        data = ladder_content()
        self.status = live(widgets.HTML())
        self.person = widgets.Text(
            description="Who is this ladder for? (a made-up first name)",
            placeholder="for example: Sam",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="40em", max_width="100%"),
        )
        self.person_note = live(widgets.HTML())
        self.rungs: dict[str, ReviewedText] = {}
        parts: list[widgets.Widget] = [self.status, self.person, self.person_note]
        for rung in data.rungs:
            if rung.id == "target":
                continue
            box = ReviewedText(rung.label, rung.level, self._rung_checked, f"Check the {rung.label.lower()}", placeholder=rung.prompt)
            self.rungs[rung.id] = box
            parts.append(widgets.HTML(rung_heading_html(rung)))
            parts.append(box.view)
        target_rung = data.rung("target")
        parts.append(widgets.HTML(rung_heading_html(target_rung, "Write one or two.")))
        self.links: dict[str, widgets.Text] = {}
        for number in range(1, MAX_TARGETS + 1):
            box = ReviewedText(f"Target {number}", target_rung.level, self._rung_checked, f"Check target {number}", placeholder=target_rung.prompt, rows=2)
            self.rungs[f"target_{number}"] = box
            link = widgets.Text(
                description=f"How target {number} helps the SMART outcome",
                placeholder="for example: choosing her lunch is a step towards ordering in a café",
                continuous_update=False,
                style={"description_width": "initial"},
                layout=widgets.Layout(width="100%"),
            )
            link.observe(lambda change, item=f"link_{number}": self._plain_changed(item, change["new"]), names="value")
            self.links[f"link_{number}"] = link
            parts.extend([box.view, link])
        self.person.observe(lambda change: self._plain_changed("person", change["new"]), names="value")
        self.check_all_button = widgets.Button(
            description="Check the whole ladder",
            button_style="primary",
            tooltip="Review every rung, follow the golden thread and run the litmus test; saves everything",
        )
        self.check_all_button.on_click(lambda _b: self.check_all())
        self.thread = live(widgets.HTML())
        self.litmus = live(widgets.HTML())
        parts += [self.check_all_button, widgets.HTML(section("thread")), self.thread, widgets.HTML(section("litmus")), self.litmus]
        self.view = widgets.VBox(parts)
        self.view.add_class("kit-ladder-builder")
        self._loading = False
        self.set_group(group)

    # -- the draft ---------------------------------------------------------------

    def draft(self) -> LadderDraft:
        cap = lambda s: "" if too_long(s) else s  # noqa: E731 - over-long text is not checked
        return LadderDraft(
            person=cap(self.person.value),
            aspiration=cap(self.rungs["aspiration"].value),
            sought=cap(self.rungs["sought"].value),
            smart=cap(self.rungs["smart"].value),
            targets=tuple(cap(self.rungs[f"target_{n}"].value) for n in range(1, MAX_TARGETS + 1)),
            links=tuple(cap(self.links[f"link_{n}"].value) for n in range(1, MAX_TARGETS + 1)),
        )

    def _item_of(self, box: ReviewedText) -> str:
        return next(item for item, b in self.rungs.items() if b is box)

    # -- saving ------------------------------------------------------------------

    def _save(self, item: str, payload: dict[str, Any]) -> bool:
        if self.group is None:
            self.status.value = notice(NAME_FIRST, "warning")
            return False
        if item != "_check" and self._saved.get(item, "") == payload.get("text"):
            return True
        if not save_or_say(self._store, self.group, LADDER_EXERCISE, item, payload, self.status):
            return False  # said so plainly; the text stays on screen
        if "text" in payload:
            self._saved[item] = payload["text"]
        return True

    def _rung_checked(self, box: ReviewedText, result: ReviewResult) -> None:
        self._save(self._item_of(box), {"text": box.value, "level": result.level, "score": result.score, **verdict_fields(result), "failed": [c.name for c in result.criteria if not c.passed]})

    def _plain_changed(self, item: str, value: str) -> None:
        @guarded(self.person_note)
        def _changed() -> None:
            if self._loading:
                return
            message = too_long(value)
            if message:
                self.person_note.value = notice(message, "warning")
                return
            self.person_note.value = ""
            self._save(item, {"text": value})

        _changed()

    def check_all(self) -> tuple[ThreadResult, LitmusResult] | None:
        """Review every written rung, save them, and show the golden thread and the litmus test."""

        @guarded(self.status)
        def _check() -> tuple[ThreadResult, LitmusResult] | None:
            if self.group is None:
                self.status.value = notice(NAME_FIRST, "warning")
                return None
            for box in self.rungs.values():
                box.cancel()
                if box.value.strip():
                    box.check()
            for item, link in self.links.items():
                self._plain_changed(item, link.value)
            self._plain_changed("person", self.person.value)
            draft = self.draft()
            thread = check_golden_thread(draft)
            litmus = litmus_test(draft)
            self.thread.value = thread_html(thread)
            self.litmus.value = litmus_html(litmus)
            saved = self._save(
                "_check",
                {
                    "thread_ok": thread.ok,
                    "thread": [{"rung": c.rung, "check": c.check, "passed": c.passed} for c in thread.checks],
                    "litmus_ok": litmus.ok,
                    "themes": [label for label, _ in litmus.themes_found],
                    "service_like": [s.rung for s in litmus.service_like],
                },
            )
            if saved:
                self.status.value = notice("Your ladder is saved. The checks are below the last target.", "success")
            return thread, litmus

        return _check()

    # -- loading -----------------------------------------------------------------

    def set_group(self, group: Group | None) -> None:
        @guarded(self.status)
        def _load() -> None:
            self.group = group
            for box in self.rungs.values():
                box.cancel()
                box.set_disabled(group is None)
            for field in (self.person, *self.links.values()):
                field.disabled = group is None
            self.check_all_button.disabled = group is None
            latest = self._store.latest(group, LADDER_EXERCISE) if group is not None else {}
            self._saved = {item: a.payload.get("text", "") for item, a in latest.items() if item != "_check"}
            self._loading = True
            try:
                self.person.value = self._saved.get("person", "")
                for item, link in self.links.items():
                    link.value = self._saved.get(item, "")
            finally:
                self._loading = False
            for item, box in self.rungs.items():
                box.show(self._saved.get(item, ""))
            self.thread.value = ""
            self.litmus.value = ""
            self.person_note.value = ""
            self.status.value = StepPage.welcome_back(group, "Your table's ladder so far is shown below." if self._saved else "", BEFORE_NAMING)

        _load()


class LevelsPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    quiz: SortingQuiz
    ladder: LadderBuilder


def build() -> LevelsPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    store = context.store()
    quiz = SortingQuiz(content.sorting_exercise(SORT_EXERCISE), store)
    ladder = LadderBuilder(store)

    def on_group(group: Group | None) -> None:
        quiz.set_group(group)
        ladder.set_group(group)

    body = widgets.VBox(
        [
            widgets.HTML(section("sort")),
            quiz.view,
            widgets.HTML(section("example")),
            widgets.HTML(worked_example_html()),
            widgets.HTML(section("own")),
            ladder.view,
        ]
    )
    page = step_frame(
        "levels_of_outcomes",
        body,
        on_group,
        intro=("Outcomes are written at three levels. The same big themes should run through all of them, from what an area wants for every child to what one young person wants for themselves.",),
        intro_html=levels_table_html(),
        hints=ladder_content().hints,
        model_answer_html=model_answer_html(),
        body_heading="Sort, then climb the ladder",
        page_class=LevelsPage,
    )
    page.quiz = quiz
    page.ladder = ladder
    return page


def show() -> None:
    show_page(build)
