"""Small helpers every page uses: escaping, friendly failures and shared styling hooks."""

from __future__ import annotations

import functools
import logging
import sys
from typing import Any, Callable, TypeVar, cast

import ipywidgets as widgets

from ..markup import render, typed

log = logging.getLogger("workshop_kit")

SAVE_FAILED = "We could not save that just now. Please try again in a moment; everything saved earlier is safe."
PAGE_FAILED = "Something went wrong on this part of the page. Please tell your facilitator. Everything your table saved is safe."

F = TypeVar("F", bound=Callable[..., Any])


def text(value: str) -> str:
    """User or content text made safe to place inside HTML, isolated from the text around it.

    ``<bdi>`` keeps right-to-left script and direction-override characters from
    flipping the sentence they sit in; control characters show as visible symbols
    (``typed_text.visible``).
    """
    return str(typed(value))


def paragraph(value: str, css_class: str = "") -> str:
    return render("parts/paragraph.html", text=value, css_class=css_class)


def live(widget: widgets.DOMWidget) -> widgets.DOMWidget:
    """Mark a widget whose text changes as a polite live region (the page template adds the ARIA)."""
    widget.add_class("kit-live")
    return widget


def notice(message: str, kind: str = "info") -> str:
    """A plain sentence in a coloured box; kind is info, success, warning or error."""
    return render("parts/notice.html", kind=kind, message=message)


NAME_FIRST = "Please name your table at the top of the page first."


def save_or_say(store: Any, group: Any, exercise: str, item: str, payload: dict[str, Any], show_in: widgets.HTML) -> bool:
    """Append one answer, or say in ``show_in`` why not (no table named yet, or the store refused).

    Returns True when the row was saved; what was saved earlier is never touched.
    """
    if group is None:
        show_in.value = notice(NAME_FIRST, "warning")
        return False
    try:
        store.save(group, exercise, item, payload)
    except Exception:  # noqa: BLE001 - a plain sentence, never a traceback
        log.exception("saving %s/%s failed", exercise, item)
        show_in.value = notice(SAVE_FAILED, "error")
        return False
    return True


def set_options(dropdown: widgets.Dropdown, options: list[Any]) -> None:
    """New options, keeping the choice if it is still there, else choosing the first (never blank)."""
    dropdown.options = options
    if dropdown.value is None and options:
        dropdown.index = 0


def guarded(show_in: widgets.HTML) -> Callable[[F], F]:
    """Run a callback so that a failure shows a plain sentence instead of a traceback."""

    def decorate(callback: F) -> F:
        @functools.wraps(callback)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except Exception:  # noqa: BLE001 - the participant must never see a traceback
                log.exception("callback %s failed", getattr(callback, "__name__", callback))
                print(f"workshop_kit: {callback!r} failed", file=sys.stderr)
                show_in.value = notice(PAGE_FAILED, "error")
                return None

        return cast(F, wrapper)

    return decorate
