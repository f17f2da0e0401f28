"""Step 6: logic models. Rebuild the worked example, then build and check the table's own.

Saved rows (all appended; nothing is updated or deleted):

* exercise ``logic_model_scramble`` (the example's cards put back in their
  columns, by ``SortingQuiz``): item = card id (e.g. ``lm-in-1``), payload
  ``{"choice": column id, "attempt": int, "correct": bool, "verdict": str}``;
  item ``_attempt`` marks a new attempt ``{"attempt": int}``.
* exercise ``logic_model_own``, item ``model``: the table's whole model after
  each change::

      {"cards": [{"id": "inputs-1", "column": "inputs", "text": "..."}, ...],
       "links": [["inputs-1", "outputs-1"], ...],
       "assumptions": str, "external_factors": str,
       "action": "cards" | "link_added" | "link_removed" | "checked",
       "check": {"ok": bool, "problems": [str, ...]}   # only when action == "checked"
      }

  The latest row is the table's current model (the shape ``check_logic_model`` reads). When the table
  had outcomes from earlier in the day (``stepkit.starting_rows``), the row also keeps them:
  ``"started_from": [{"text", "origin", "aspiration", "indicators", "services", "note"}, ...]``; a
  table with no saved model finds them filled in as final outcomes, a saved model is never overwritten.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ... import context
from ...charts import image_html
from .diagram import draw
from . import logic as lm
from ...scoring.warm import warm_up
from ...store import Group, Store
from ...widgets.common import save_or_say, set_options, guarded, live, notice
from .views import check_html, example_diagram_html, links_html, model_answer_html, section
from ...widgets.page_parts import StepPage, show as show_page, step_frame
from ...widgets.sorting_quiz import SortingQuiz
from ...widgets.starting_rows import StartingRowsPanel

from . import OWN

STEP = "logic_model"
WIDE = {"description_width": "initial"}
BEFORE_NAMING = "Type your table's name at the top of the page to start. Your model is saved under it."


class LogicModelBuilder:
    """Text boxes per column, link rows picked from two dropdowns, a check and a diagram."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.group: Group | None = None
        self.cards: list[dict] = []
        self.links: list[list[str]] = []
        self.starting = StartingRowsPanel("logic model", "They are filled in below as final outcomes, for you to edit.")
        self.columns = {
            column: widgets.Textarea(
                description=f"{lm.HEADINGS[column]} (one card per line)",
                placeholder="One card per line",
                layout=widgets.Layout(width="95%", height="7em"),
                style=WIDE,
            )
            for column in lm.COLUMNS
        }
        self.assumptions = widgets.Textarea(
            description="Assumptions (optional)",
            placeholder="What must be true for this to work?",
            layout=widgets.Layout(width="95%", height="4em"),
            style=WIDE,
        )
        self.external = widgets.Textarea(
            description="External factors (optional)",
            placeholder="What else, outside the service, affects these outcomes?",
            layout=widgets.Layout(width="95%", height="4em"),
            style=WIDE,
        )
        self.use_cards = widgets.Button(description="Use these cards", button_style="primary", tooltip="Turn the lines above into cards")
        self.link_from = widgets.Dropdown(description="Link from", options=[], style=WIDE, layout=widgets.Layout(width="95%"))
        self.link_to = widgets.Dropdown(description="Leads to", options=[], style=WIDE, layout=widgets.Layout(width="95%"))
        self.add = widgets.Button(description="Add link", tooltip="Add a link from the first card to the second")
        self.remove_choice = widgets.Dropdown(description="Link to remove", options=[], style=WIDE, layout=widgets.Layout(width="95%"))
        self.remove = widgets.Button(description="Remove link", tooltip="Remove the chosen link (earlier versions stay saved)")
        self.check = widgets.Button(description="Check the model", button_style="primary", tooltip="Run the structural check and draw the diagram")
        self.message = live(widgets.HTML())
        self.links_html = widgets.HTML()
        self.feedback = live(widgets.HTML())
        self.diagram = widgets.HTML()
        self.use_cards.on_click(lambda _b: self.update_cards())
        self.add.on_click(lambda _b: self.add_link())
        self.remove.on_click(lambda _b: self.remove_link())
        self.check.on_click(lambda _b: self.run_check())
        self.view = widgets.VBox(
            [
                self.starting.view,
                widgets.HTML(section("cards")),
                *self.columns.values(),
                self.assumptions,
                self.external,
                self.use_cards,
                self.message,
                widgets.HTML(section("links")),
                self.link_from,
                self.link_to,
                self.add,
                self.links_html,
                self.remove_choice,
                self.remove,
                widgets.HTML(section("check")),
                self.check,
                self.feedback,
                self.diagram,
            ]
        )
        self.view.add_class("kit-card")
        self.set_group(None)

    # -- group --------------------------------------------------------------

    def _inputs(self) -> list[widgets.Widget]:
        return [*self.columns.values(), self.assumptions, self.external, self.use_cards, self.link_from, self.link_to, self.add, self.remove_choice, self.remove, self.check]

    def set_group(self, group: Group | None) -> None:
        @guarded(self.message)
        def _load() -> None:
            self.group = group
            for widget in self._inputs():
                widget.disabled = group is None
            saved = self._store.latest(group, OWN).get("model") if group is not None else None
            payload = saved.payload if saved else {}
            self.cards = list(payload.get("cards", []))
            self.links = [list(link) for link in payload.get("links", [])]
            for column, box in self.columns.items():
                box.value = "\n".join(c["text"] for c in self.cards if c["column"] == column)
            self.assumptions.value = payload.get("assumptions", "")
            self.external.value = payload.get("external_factors", "")
            started = self.starting.load(self._store, group, kept=saved is not None)
            if saved is None:  # a table's own saved model is never overwritten
                self.columns["final_outcomes"].value = started.lines()
            self.feedback.value = self.diagram.value = ""
            self._refresh()
            self.message.value = StepPage.welcome_back(group, f"Your model has {len(self.cards)} cards and {len(self.links)} links." if saved else "", BEFORE_NAMING)

        _load()

    # -- actions ------------------------------------------------------------

    def _save(self, action: str, check: dict | None = None) -> bool:
        payload = {"cards": self.cards, "links": self.links, "assumptions": self.assumptions.value, "external_factors": self.external.value, "action": action, **self.starting.payload()}
        if check is not None:
            payload["check"] = check
        return save_or_say(self._store, self.group, OWN, "model", payload, self.message)

    def _notes_too_long(self) -> str:
        for label, box in (("Assumptions", self.assumptions), ("External factors", self.external)):
            if len(box.value) > lm.MAX_NOTE_CHARS:
                return f"{label} is {len(box.value):,} characters long; please keep it under {lm.MAX_NOTE_CHARS:,}."
        return ""

    def update_cards(self) -> None:
        @guarded(self.message)
        def _update() -> None:
            texts = {column: box.value for column, box in self.columns.items()}
            problems = lm.problems_with_columns(texts)
            too_long = self._notes_too_long()
            if problems or too_long:
                self.message.value = notice(" ".join(problems + ([too_long] if too_long else [])), "warning")
                return
            self.cards, self.links = lm.cards_from_columns(texts, self.cards, self.links)
            if self._save("cards"):
                self.message.value = notice(f"Saved: {len(self.cards)} cards and {len(self.links)} links.", "success")
            self._refresh()

        _update()

    def add_link(self) -> None:
        @guarded(self.message)
        def _add() -> None:
            links, sentence = lm.add_link(self.cards, self.links, self.link_from.value, self.link_to.value)
            if links == self.links:
                self.message.value = notice(sentence, "warning")
                return
            self.links = links
            if self._save("link_added"):
                self.message.value = notice(f"{sentence} {lm.describe_link(self.cards, links[-1])}.", "success")
            self._refresh()

        _add()

    def remove_link(self) -> None:
        @guarded(self.message)
        def _remove() -> None:
            index = self.remove_choice.value
            if index is None or not 0 <= index < len(self.links):
                self.message.value = notice("Choose a link to remove first.", "warning")
                return
            removed = self.links.pop(index)
            if self._save("link_removed"):
                self.message.value = notice(f"Link removed: {lm.describe_link(self.cards, removed)}.", "success")
            self._refresh()

        _remove()

    def run_check(self) -> None:
        @guarded(self.feedback)
        def _check() -> None:
            too_long = self._notes_too_long()
            if too_long:
                self.feedback.value = notice(too_long, "warning")
                return
            shown, summary = check_html(self.cards, self.links)
            self.feedback.value = shown
            if self.cards:
                png, alt = draw(self.cards, self.links, self.assumptions.value, self.external.value)
                self.diagram.value = image_html(png, alt, "Our logic model")
            self._save("checked", summary)

        _check()

    def _refresh(self) -> None:
        set_options(self.link_from, lm.link_choices(self.cards))
        set_options(self.link_to, lm.link_choices(self.cards, target=True))
        set_options(self.remove_choice, [(lm.describe_link(self.cards, link), n) for n, link in enumerate(self.links)])
        self.links_html.value = links_html(self.cards, self.links)


class LogicModelPage(StepPage):
    """The whole page, with the parts a test or script drives."""

    quiz: SortingQuiz
    builder: LogicModelBuilder
    example_toggle: widgets.ToggleButton


def build() -> LogicModelPage:
    warm_up()  # before the visitor arrives, so the first answer is as quick as the rest
    ex = lm.example()
    store = context.store()
    quiz = SortingQuiz(ex.sorting, store)
    builder = LogicModelBuilder(store)
    example_panel = widgets.HTML(example_diagram_html())
    toggle = widgets.ToggleButton(description="Hide the example", value=False, tooltip="Hide the diagram while you rebuild it")

    def toggled(change: dict[str, Any]) -> None:
        example_panel.layout.display = "none" if change["new"] else None
        toggle.description = "Show the example" if change["new"] else "Hide the example"

    toggle.observe(toggled, names="value")

    def on_group(group: Group | None) -> None:
        quiz.set_group(group)
        builder.set_group(group)
        if group is None:
            toggle.value = False

    body = widgets.VBox(
        [
            widgets.HTML(section("example")),
            example_panel,
            toggle,
            widgets.HTML(section("rebuild")),
            quiz.view,
            widgets.HTML(section("own")),
            builder.view,
        ]
    )
    page = step_frame(
        STEP,
        body,
        on_group,
        intro=ex.sorting.intro,
        hints=ex.hints,
        model_answer_html=model_answer_html(),
        body_heading="Rebuild the example",
        page_class=LogicModelPage,
    )
    page.quiz = quiz
    page.builder = builder
    page.example_toggle = toggle
    return page


def show() -> None:
    show_page(build)
