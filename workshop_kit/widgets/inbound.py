"""Refuse widget messages from a page that the page could never have sent.

A participant's browser talks to its kernel through ipywidgets messages. The
kit's own pages only ever change a box's text or a choice's position, and
click buttons that are switched on; a tampered page (or a 10 MB paste) can
send anything. Every message from a page passes through ``check_message``
before ipywidgets applies it. A refused message changes nothing: the page's
view is put back to the kernel's values, the participant is told why in a
plain sentence, and nothing saved is touched.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Callable

from ipywidgets import Widget
from ipywidgets.widgets import widget as widget_module
from traitlets import TraitError

log = logging.getLogger("workshop_kit")

#: the most characters one message may carry; every text box of the kit has a lower limit of its own
MAX_TEXT_CHARS = 20_000
#: a second click on the same button within this many seconds is the same click
DOUBLE_CLICK_SECONDS = 0.4
#: set this attribute to True on a button whose quick second press is meant (it saves nothing)
REPEATABLE = "kit_repeatable"
#: the only values a page's controls send: a box's text or a choice's position
PAGE_SETTABLE = frozenset({"value", "index"})

NOT_OFFERED = "That change was not accepted: this page does not offer it. Nothing you saved has changed."
SWITCHED_OFF = "That control is switched off just now, so nothing happened. Nothing you saved has changed."
NOT_AN_OPTION = "That choice is not one of the options on this page, so it was not accepted. Nothing you saved has changed."


def too_long(characters: int) -> str:
    return f"That text is {characters:,} characters long; the most one box takes is {MAX_TEXT_CHARS:,}. It was not accepted. Please shorten it; nothing you saved has changed."


def _characters(value: Any) -> int:
    """How many characters of text a received value holds, however it is nested."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_characters(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return sum(_characters(v) for v in value)
    return 0


def too_big(size: int, limit: int) -> str:
    return f"That file is {size / 1024 / 1024:,.1f} MB; the most this page takes is {limit / 1024 / 1024:,.0f} MB. It was not accepted; nothing saved has changed."


def take_files(upload: Widget, limit_bytes: int) -> None:
    """Let this file upload control take file contents, up to ``limit_bytes``; every other control refuses them."""
    upload.upload_limit_bytes = limit_bytes


def _upload_problem(widget: Widget, data: dict[str, Any], buffers: list[Any]) -> str | None:
    """Only a file upload control the kit marked with ``take_files`` takes file contents, and only that much.

    What is in the file is checked by whoever reads it (``workshop_kit.importing``).
    """
    limit = getattr(widget, "upload_limit_bytes", None)
    state = data.get("state")
    if not limit or data.get("method") != "update" or not isinstance(state, dict) or set(state) != {"value"}:
        return NOT_OFFERED
    if getattr(widget, "disabled", False):
        return SWITCHED_OFF
    size = sum(len(memoryview(b).cast("B")) for b in buffers)
    if size > limit:
        return too_big(size, limit)
    return too_long(_characters(state)) if _characters(state) > MAX_TEXT_CHARS else None


def check_message(widget: Widget, data: dict[str, Any], buffers: list[Any] | None) -> str | None:
    """The sentence to show if this message from the page must be refused, else None."""
    if buffers:
        return _upload_problem(widget, data, buffers)
    method = data.get("method")
    if method == "update":
        state = data.get("state")
        if not isinstance(state, dict) or not state:
            return NOT_OFFERED
        if not set(state) <= PAGE_SETTABLE & set(widget.keys):
            return NOT_OFFERED
        if getattr(widget, "disabled", False):
            return SWITCHED_OFF
        size = _characters(state)
        if size > MAX_TEXT_CHARS:
            return too_long(size)
        return None if _acceptable(widget, state) else NOT_AN_OPTION
    if method == "custom":
        content = data.get("content")
        if _characters(content) > MAX_TEXT_CHARS:
            return too_long(_characters(content))
        if isinstance(content, dict) and content.get("event") == "click" and getattr(widget, "disabled", False):
            return SWITCHED_OFF
        return None
    if method == "request_state":
        return None
    return NOT_OFFERED


def _acceptable(widget: Widget, state: dict[str, Any]) -> bool:
    """True when every value would pass the widget's own validation (nothing is set here)."""
    for name, received in state.items():
        trait = widget.traits()[name]
        from_json = widget.trait_metadata(name, "from_json", widget._trait_from_json)
        try:
            trait._validate(widget, from_json(received, widget))
        except (TraitError, ValueError, TypeError, KeyError, IndexError):
            return False
    return True


class _Guard:
    """What the installed guard needs between messages: who to tell, and the last click."""

    def __init__(self) -> None:
        self.on_refused: Callable[[str], None] | None = None
        self.last_click: tuple[str, float] = ("", 0.0)
        self.original: Callable[[Widget, dict[str, Any]], None] | None = None


_guard = _Guard()


def _put_back(widget: Widget, data: dict[str, Any]) -> None:
    """Send the kernel's values again, so the page stops showing what was refused."""
    state: dict[str, Any] = data["state"] if isinstance(data.get("state"), dict) else {}
    keys = [key for key in state if key in widget.keys]
    if keys:
        widget.send_state(keys)


def _refuse(widget: Widget, data: dict[str, Any], sentence: str) -> None:
    log.warning("refused a %s message for %s: %s", data.get("method"), type(widget).__name__, sentence)
    _put_back(widget, data)
    if _guard.on_refused is not None:
        _guard.on_refused(sentence)


def _is_double_click(widget: Widget, data: dict[str, Any]) -> bool:
    """A second click on the same button, within a blink, with nothing changed on the page in between.

    A change in between (a choice, a typed value) means the person did something
    and clicked again on purpose, however quickly: that click counts.
    """
    content = data.get("content")
    if data.get("method") == "update":
        _guard.last_click = ("", 0.0)
        return False
    if data.get("method") != "custom" or not isinstance(content, dict) or content.get("event") != "click":
        return False
    now = time.monotonic()
    last_id, last_time = _guard.last_click
    _guard.last_click = (widget.model_id, now)
    if getattr(widget, REPEATABLE, False):
        return False  # e.g. "Next slide": pressing it twice quickly means two slides on
    return last_id == widget.model_id and now - last_time < DOUBLE_CLICK_SECONDS


def _guarded_handle_msg(widget: Widget, msg: dict[str, Any]) -> None:
    data = msg.get("content", {}).get("data", {})
    sentence = check_message(widget, data, msg.get("buffers"))
    if sentence is not None:
        _refuse(widget, data, sentence)
        return
    if _is_double_click(widget, data):
        log.info("ignored a second click on %s", widget.model_id)
        return
    assert _guard.original is not None, "messages come here only while the guard is installed"
    try:
        _guard.original(widget, msg)
    except TraitError:  # validation the check above could not foresee
        _refuse(widget, data, NOT_AN_OPTION)


def install(on_refused: Callable[[str], None] | None = None) -> None:
    """Check every message from the page from now on; ``on_refused`` is told each refusal's sentence.

    Installing again only changes who is told.
    """
    if _guard.original is None:
        _guard.original = Widget._handle_msg
        Widget._handle_msg = _guarded_handle_msg
        _rebind_open_widgets()
    _guard.on_refused = on_refused


def _rebind_open_widgets() -> None:
    """Point every open widget's comm at the current ``_handle_msg``.

    A widget's comm keeps the bound method it was given when the widget opened, so
    patching the class alone would leave every widget built before ``install`` (the
    whole page, in ``page_parts.show``) unguarded. Widgets opened later pick up the
    patched method themselves.
    """
    for widget in list(widget_module._instances.values()):
        if widget.comm is not None:
            widget.comm.on_msg(widget._handle_msg)


def uninstall() -> None:
    """Put ipywidgets back as it was (for tests)."""
    if _guard.original is not None:
        Widget._handle_msg = _guard.original
        _guard.original = None
        _rebind_open_widgets()
    _guard.on_refused = None
