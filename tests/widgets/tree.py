"""Reading a page's widget tree in widget tests: all the HTML it shows, and one control by its label."""

from __future__ import annotations

from typing import TypeVar

import ipywidgets as widgets

W = TypeVar("W")


def all_html(widget: widgets.Widget) -> str:
    """The values of every HTML widget in the tree, joined: what the page shows as markup."""
    found, stack = [], [widget]
    while stack:
        current = stack.pop()
        if isinstance(current, widgets.HTML):
            found.append(current.value)
        stack.extend(getattr(current, "children", ()))
    return "\n".join(found)


def find_widget(widget: widgets.Widget, kind: type[W], description: str) -> W:
    """The first control of this kind with this label (its ``description``); LookupError if none."""
    stack = [widget]
    while stack:
        current = stack.pop()
        if isinstance(current, kind) and getattr(current, "description", None) == description:
            return current
        stack.extend(getattr(current, "children", ()))
    raise LookupError(description)
