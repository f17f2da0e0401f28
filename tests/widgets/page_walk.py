"""Walking a page's widget tree as a table would: type into every text box, press every button that saves.

Nothing here knows the steps: text boxes and buttons are found in the tree, in
the order they appear on the page, so a field added to any step is walked too.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import ipywidgets as widgets
from hostile_strings import NOT_SAVING

ROOT = Path(__file__).resolve().parents[2]
PICKER_CLASS = "kit-group-picker"
MAX_PRESSES = 60


def page_modules() -> dict[str, str]:
    """Notebook file -> the module whose ``build()`` makes its page, read from every notebook the kiosk serves."""
    found = {}
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        match = re.search(r"from (workshop_kit\.[\w.]+) import show", source)
        if match:
            found[notebook.name] = match.group(1)
    return found


def build_page(module: str) -> widgets.Widget:
    return importlib.import_module(module).build()


def _tree(root: widgets.Widget) -> list[tuple[widgets.Widget, tuple[str, ...]]]:
    """Every widget, depth first in page order, with the CSS classes of the boxes around it."""
    found: list[tuple[widgets.Widget, tuple[str, ...]]] = []

    def visit(widget: widgets.Widget, classes: tuple[str, ...]) -> None:
        found.append((widget, classes))
        inner = classes + tuple(getattr(widget, "_dom_classes", ()))
        for child in getattr(widget, "children", ()):
            visit(child, inner)

    visit(root, ())
    return found


def name_box(root: widgets.Widget) -> widgets.Text:
    """The group picker's name box (every page has exactly one)."""
    boxes = [w for w, classes in _tree(root) if isinstance(w, widgets.Text) and PICKER_CLASS in classes]
    assert len(boxes) == 1, f"expected one table-name box, found {len(boxes)}"
    return boxes[0]


def text_fields(root: widgets.Widget) -> list[widgets.Widget]:
    """Every enabled Text and Textarea below the table-name box, in page order."""
    return [w for w, classes in _tree(root) if isinstance(w, (widgets.Text, widgets.Textarea)) and PICKER_CLASS not in classes and not w.disabled]


def saving_buttons(root: widgets.Widget) -> list[widgets.Button]:
    return [w for w, _classes in _tree(root) if isinstance(w, widgets.Button) and not w.disabled and not NOT_SAVING.match(w.description) and not isinstance(w, widgets.ToggleButton)]


def every_button(root: widgets.Widget) -> list[widgets.Button]:
    """Every enabled button but "Start again for the next group" (which forgets the table)."""
    return [w for w, _classes in _tree(root) if isinstance(w, widgets.Button) and not w.disabled and not w.description.startswith("Start again")]


def shown_html(root: widgets.Widget) -> list[str]:
    """The value of every HTML widget on the page: what the browser renders as markup."""
    return [w.value for w, _classes in _tree(root) if isinstance(w, widgets.HTML) and w.value]


def shown_values(root: widgets.Widget) -> list[str]:
    """Text the page shows as plain text: text box contents and the labels of choices."""
    values = []
    for w, _classes in _tree(root):
        if isinstance(w, (widgets.Text, widgets.Textarea)):
            values.append(w.value)
        elif isinstance(w, (widgets.Dropdown, widgets.Select, widgets.SelectMultiple)):
            values.extend(str(label) for label in getattr(w, "_options_labels", ()))
    return values


def _name_accepted(root: widgets.Widget) -> bool:
    picker_html = [w.value for w, classes in _tree(root) if isinstance(w, widgets.HTML) and PICKER_CLASS in classes]
    return any("kit-notice-success" in value for value in picker_html)


@dataclass
class Walk:
    """What one walk typed, what the page showed along the way, and what it shows after reopening."""

    #: field number -> typed text (0 is the table-name box); each ends with its own tag, " #<walk>.<field>"
    typed: dict[int, str] = field(default_factory=dict)
    #: field number -> what was typed there first, when the walk saved something before the hostile text
    earlier: dict[int, str] = field(default_factory=dict)
    group: str = ""
    name_accepted: bool = False
    #: text boxes on the page once a table is named (the walk must type into every one)
    boxes: int = 0
    pressed: list[str] = field(default_factory=list)
    #: every HTML value seen after each press (feedback, refusals)
    seen_html: list[str] = field(default_factory=list)
    html_after: list[str] = field(default_factory=list)
    values_after: list[str] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set, repr=False)
    _text_after: str | None = field(default=None, repr=False)

    def see(self, page: widgets.Widget) -> None:
        """Keep every piece of HTML the page shows now that was not seen before."""
        for markup in shown_html(page):
            if markup not in self._seen:
                self._seen.add(markup)
                self.seen_html.append(markup)

    def shown_again(self, typed: str) -> bool:
        """Does the reopened page show ``typed`` exactly: as text in its HTML, or in a box or a choice?"""
        from hostile_strings import html_text, shown_form

        if self._text_after is None:
            self._text_after = "\n".join(html_text(h) for h in self.html_after)
        return shown_form(typed) in self._text_after or any(typed in v for v in self.values_after)


def answer_choices(page: widgets.Widget, limit: int | None = None) -> int:
    """Pick the first option of every choice no one has made yet, or of the first ``limit``
    (the sorting cards save as they are chosen)."""
    chosen = 0
    for w, classes in _tree(page):
        if limit is not None and chosen >= limit:
            break
        if isinstance(w, widgets.ToggleButtons) and w.value is None and w.options and not w.disabled and PICKER_CLASS not in classes:
            w.index = 0
            chosen += 1
    return chosen


def fill_and_press(page: widgets.Widget, text_for: Callable[[int], str], walk: Walk, buttons: Callable[[widgets.Widget], list[widgets.Button]] = saving_buttons) -> dict[int, str]:
    """Type ``text_for(n)`` into each text box (numbered from 1), then press each of ``buttons`` once."""
    typed = {}
    filled: set[int] = set()
    number = 0
    while True:
        todo = [w for w in text_fields(page) if id(w) not in filled]
        if not todo:
            break
        number += 1
        box = todo[0]
        filled.add(id(box))
        box.value = typed[number] = text_for(number)
    pressed: set[int] = set()
    for _ in range(MAX_PRESSES):
        todo = [b for b in buttons(page) if id(b) not in pressed]
        if not todo:
            break
        button = todo[0]
        pressed.add(id(button))
        walk.pressed.append(button.description)
        button.click()
        walk.see(page)
    return typed


def reopen(page: widgets.Widget, group: str) -> None:
    """Switch the page to another table and back, so what it shows comes from the store."""
    name = name_box(page)
    name.value = f"Somebody else, not {group}"
    name.value = group


def walk_page(page: widgets.Widget, number: int, hostile: str, saved_first: bool) -> Walk:
    """Name the table with ``hostile`` (or, if refused, a fresh ordinary name), optionally save ordinary
    text first, type ``hostile`` into every box, press every saving button, then reopen the table."""
    walk = Walk()
    name = name_box(page)
    walk.typed[0] = name.value = f"{hostile} #{number}.0"
    walk.see(page)
    walk.name_accepted = _name_accepted(page)
    walk.group = walk.typed[0] if walk.name_accepted else f"Walk {number}"
    if not walk.name_accepted:
        name.value = walk.group
    if saved_first:
        walk.earlier = fill_and_press(page, lambda n: f"Saved earlier #{number}.{n}", walk)
    walk.boxes = sum(isinstance(w, (widgets.Text, widgets.Textarea)) for w, _classes in _tree(page)) - 1
    walk.typed.update(fill_and_press(page, lambda n: f"{hostile} #{number}.{n}", walk))
    reopen(page, walk.group)
    walk.html_after = shown_html(page)
    walk.values_after = shown_values(page)
    return walk
