"""Step 7's "existing data sources and known data gaps": a table ticks the public sources it has and writes
the gaps it sees (Council for Disabled Children, 'Outcomes Based Commissioning and the SEND Reforms').

The sources are content (``content/data_sources/public_sources.json``, read by ``data_sources``); the checks
and the saved shape are ``data_sources.sources_problem`` and ``sources_payload``. Saved as its own item, so
the step's other rows are untouched; every save appends a row.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..data_sources import MAX_GAPS_CHARS, common_gaps, public_sources, read_sources, sources_payload, sources_problem
from ..markup import render
from ..store import Group, Store
from .common import guarded, live, notice, save_or_say

ITEM = "sources"


class DataSourcesPanel:
    """A tick box per public source, a box for the gaps, and what the table saved shown back."""

    def __init__(self, store: Store, exercise: str) -> None:
        self._store = store
        self.exercise = exercise
        self.group: Group | None = None
        self.boxes = {source.id: widgets.Checkbox(description=source.name, value=False, indent=False, layout=widgets.Layout(width="95%")) for source in public_sources()}
        self.gaps = widgets.Textarea(
            description="The gaps you see",
            placeholder="What you need to know about these outcomes and cannot find in the data you have",
            layout=widgets.Layout(width="95%", height="6em"),
            style={"description_width": "initial"},
        )
        self.save = widgets.Button(description="Save sources and gaps", button_style="primary", tooltip=f"Save the ticked sources and the gaps (up to {MAX_GAPS_CHARS:,} characters)")
        self.message = live(widgets.HTML())
        self.saved = widgets.HTML()
        self.save.on_click(lambda _b: self.save_sources())
        intro = widgets.HTML(render("carried/data_sources_intro.html", sources=public_sources(), common_gaps=common_gaps()))
        self.view = widgets.VBox([intro, *self.boxes.values(), self.gaps, self.save, self.message, self.saved])

    def inputs(self) -> list[widgets.Widget]:
        return [*self.boxes.values(), self.gaps, self.save]

    def set_group(self, group: Group | None) -> None:
        """Show what the table saved (nothing ticked for no table), enabled only once the table is named."""
        self.group = group
        for widget in self.inputs():
            widget.disabled = group is None
        answer = self._store.latest(group, self.exercise).get(ITEM) if group is not None else None
        saved = read_sources(answer.payload if answer else None)
        ticked = {source.id for source in saved.have}
        for source_id, box in self.boxes.items():
            box.value = source_id in ticked
        self.gaps.value = saved.gaps
        self.message.value = ""
        self.saved.value = render("carried/data_sources_saved.html", saved=saved) if group is not None else ""

    def save_sources(self) -> None:
        @guarded(self.message)
        def _save() -> None:
            ticked = [source_id for source_id, box in self.boxes.items() if box.value]
            problem = sources_problem(ticked, self.gaps.value)
            if problem:
                self.message.value = notice(problem, "warning")
                return
            payload = sources_payload(ticked, self.gaps.value)
            if save_or_say(self._store, self.group, self.exercise, ITEM, payload, self.message):
                self.message.value = notice(f"Saved: {len(payload['have'])} source(s) ticked" + (" and the gaps you see." if self.gaps.value.strip() else "; no gaps written."), "success")
                self.saved.value = render("carried/data_sources_saved.html", saved=read_sources(payload))

        _save()
