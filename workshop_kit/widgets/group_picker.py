"""The box where a table (or a lone learner) names itself before anything is saved."""

from __future__ import annotations

from typing import Any, Callable

import ipywidgets as widgets

from ..groups import MODES, check_group_name
from ..markup import render
from ..store import Group, Store
from .common import SAVE_FAILED, guarded, live, log, notice


class GroupPicker:
    """Name the table; on success every answer on the page is saved under that name."""

    def __init__(
        self,
        store: Store,
        session: str,
        on_change: Callable[[Group | None], None],
        initial_name: str | None = None,
        initial_mode: str | None = None,
        help_text: str = "",
        fixed: bool = False,
    ) -> None:
        """``fixed``: the name is an identity given from outside (a hub sign-in), shown but not changeable."""
        self._store = store
        self._fixed = fixed
        self._session = session
        self._on_change = on_change
        self.group: Group | None = None
        self.mode = widgets.RadioButtons(
            options=[(label, key) for key, label in MODES.items()],
            value=initial_mode if initial_mode in MODES else "table",
            description="Who is here?",
            style={"description_width": "initial"},
        )
        self.name = widgets.Text(
            description="Table or group name",
            placeholder="for example: Table 3",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="32em", max_width="100%"),
        )
        self.use = widgets.Button(description="Use this name", button_style="primary", tooltip="Save answers under this name")
        self.message = live(widgets.HTML())
        help_html = widgets.HTML(render("parts/picker_help.html", help_text=help_text) if help_text else "")
        self.view = widgets.VBox(
            [help_html, self.mode, widgets.HBox([self.name, self.use]), self.message],
            layout=widgets.Layout(padding="0.5em 0"),
        )
        self.view.add_class("kit-group-picker")
        self.mode.observe(self._mode_changed, names="value")
        self.use.on_click(lambda _button: self.apply())
        self.name.observe(self._name_changed, names="value")
        self._mode_changed()
        if initial_name:
            self.name.value = initial_name  # triggers apply()
        if fixed:
            for control in (self.mode, self.name, self.use):
                control.disabled = True

    def _mode_changed(self, _change: object = None) -> None:
        self.name.description = "Your name" if self.mode.value == "alone" else "Table or group name"
        if self.group is not None and self.name.value:
            self.apply()

    def _name_changed(self, change: dict[str, Any]) -> None:
        if self._fixed and self.group is not None:  # a sign-in is not renamed from the page
            if change["new"] != self.group.name:
                self.name.value = self.group.name
            return
        if change["new"] or self.group is not None:  # emptied by "start again": nothing to check
            self.apply()

    def clear(self) -> None:
        """Forget the group on this screen (for the next table); nothing saved is touched.

        A fixed identity (a hub sign-in) is never forgotten: the next person signs in as themself.
        """
        if self._fixed:
            return
        self.group = None
        self.name.value = ""  # no check: the group is already forgotten
        self.message.value = notice("Page cleared for the next group. Type your table's name to start.", "info")
        self._on_change(None)

    def apply(self) -> None:
        """Check the typed name and, if it can be used, switch the page to that group."""

        @guarded(self.message)
        def _apply() -> None:
            checked = check_group_name(self.name.value)
            if not checked.ok:
                self.message.value = notice(checked.message, "warning")
                return
            try:
                group = self._store.group(self._session, checked.name, self.mode.value)
            except Exception:  # noqa: BLE001 - the store refused a new name: say so, keep the page as it was
                log.exception("saving the group name failed")
                self.message.value = notice(SAVE_FAILED, "error")
                return
            changed = self.group is None or group.id != self.group.id
            self.group = group
            self.message.value = render("parts/picker_saving.html", alone=group.mode == "alone", name=group.name)
            if changed:
                self._on_change(group)

        _apply()
