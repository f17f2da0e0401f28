"""Messages from a page that the page never offers are refused, explained and undone."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest

from workshop_kit.widgets import inbound, page_parts


def _message(method: str = "update", state: dict | None = None, content: dict | None = None, buffers: list | None = None) -> dict:
    data: dict = {"method": method}
    if state is not None:
        data["state"] = state
        data["buffer_paths"] = []
    if content is not None:
        data["content"] = content
    return {"content": {"data": data}, "buffers": buffers or []}


def _deliver(widget: widgets.Widget, message: dict) -> None:
    """Hand a message to the widget the way the kernel does: through its comm's callback."""
    widget.comm.handle_msg(message)


@pytest.fixture
def told():
    """The guard installed, with the sentences it gives collected here."""
    sentences: list[str] = []
    inbound.install(sentences.append)
    yield sentences
    inbound.uninstall()


def _recording(widget: widgets.Widget) -> list[dict[str, Any]]:
    """Every message the kernel sends this widget's page from now on (the widget's comm is replaced by a list)."""
    sent: list[dict[str, Any]] = []
    widget._send = lambda msg, buffers=None: sent.append(msg)
    return sent


def test_a_choice_the_list_never_offered_is_refused_and_put_back(told) -> None:
    """Is an out-of-range choice refused, the kernel's value kept, and the page sent it again?"""
    dropdown = widgets.Dropdown(options=["Weekly", "Monthly"], value="Weekly")
    sent = _recording(dropdown)
    _deliver(dropdown, _message(state={"index": 7}))
    assert dropdown.value == "Weekly"
    assert told == [inbound.NOT_AN_OPTION]
    assert sent and sent[-1]["method"] == "update" and sent[-1]["state"] == {"index": 0}


def test_a_ten_megabyte_string_is_refused_with_its_length(told) -> None:
    """Is a 10 MB paste refused with a sentence giving its length, and the earlier text kept?"""
    box = widgets.Textarea(value="Families feel listened to")
    sent = _recording(box)
    _deliver(box, _message(state={"value": "x" * 10_000_000}))
    assert box.value == "Families feel listened to"
    assert told == [inbound.too_long(10_000_000)]
    assert "10,000,000 characters" in told[0] and "20,000" in told[0]
    assert sent[-1]["state"] == {"value": "Families feel listened to"}


def test_a_property_the_page_never_sets_is_refused(told) -> None:
    """Can a tampered page relabel a control, switch it on, or set options? Is each refused?"""
    dropdown = widgets.Dropdown(options=["a", "b"], description="Frequency", disabled=False)
    button = widgets.Button(description="Save", disabled=True)
    for widget, state in (
        (dropdown, {"description": "<img src=x onerror=alert(1)>"}),
        (dropdown, {"_options_labels": ["evil"]}),
        (button, {"disabled": False}),
        (dropdown, {}),
    ):
        _deliver(widget, _message(state=state))
    assert dropdown.description == "Frequency" and dropdown.options == ("a", "b")
    assert button.disabled
    assert told == [inbound.NOT_OFFERED] * 4


def test_a_switched_off_control_cannot_be_changed_or_clicked(told) -> None:
    """Does a disabled box refuse text and a disabled button refuse a click?"""
    clicks: list[object] = []
    button = widgets.Button(description="Try again", disabled=True)
    button.on_click(clicks.append)
    box = widgets.Text(value="kept", disabled=True)
    _deliver(button, _message("custom", content={"event": "click"}))
    _deliver(box, _message(state={"value": "changed"}))
    assert clicks == [] and box.value == "kept"
    assert told == [inbound.SWITCHED_OFF, inbound.SWITCHED_OFF]


def test_wrong_types_binary_buffers_and_unknown_methods_are_refused(told) -> None:
    """A word for a tick box, a binary attachment, a made-up method: is each refused?"""
    tick = widgets.Checkbox(value=False, description="Agreed")
    _deliver(tick, _message(state={"value": "yes please"}))
    _deliver(tick, _message(state={"value": True}, buffers=[b"\x00" * 10]))
    _deliver(tick, _message("exec", content={"code": "import os"}))
    assert tick.value is False
    assert told == [inbound.NOT_AN_OPTION, inbound.NOT_OFFERED, inbound.NOT_OFFERED]


def test_what_a_real_page_sends_still_works(told) -> None:
    """Typing, choosing, ticking and clicking as the kit's pages do: is all of it accepted?"""
    box = widgets.Text()
    choice = widgets.ToggleButtons(options=[("Input", "input"), ("Outcome", "outcome")], value=None)
    several = widgets.SelectMultiple(options=["Table 1", "Table 2", "Table 3"])
    tick = widgets.Checkbox(value=False)
    clicks: list[object] = []
    button = widgets.Button(description="Check")
    button.on_click(clicks.append)
    _deliver(box, _message(state={"value": "Children have friends 😀 مرحبا"}))
    _deliver(choice, _message(state={"index": 1}))
    _deliver(several, _message(state={"index": [0, 2]}))
    _deliver(tick, _message(state={"value": True}))
    _deliver(button, _message("custom", content={"event": "click"}))
    assert box.value == "Children have friends 😀 مرحبا"
    assert choice.value == "outcome"
    assert several.value == ("Table 1", "Table 3")
    assert tick.value is True
    assert len(clicks) == 1 and told == []


def test_a_double_click_counts_once_and_a_later_click_counts_again(told) -> None:
    """Two clicks within a blink are one click; a click a moment later is a new one?"""
    clicks: list[object] = []
    button = widgets.Button(description="Add another draft")
    button.on_click(clicks.append)
    click = _message("custom", content={"event": "click"})
    _deliver(button, click)
    _deliver(button, click)
    assert len(clicks) == 1
    time.sleep(inbound.DOUBLE_CLICK_SECONDS + 0.05)
    _deliver(button, click)
    assert len(clicks) == 2 and told == []


def test_a_repeatable_button_counts_every_quick_press(told) -> None:
    """A button marked repeatable (the presenter's "Next slide") pressed twice in a blink: do both presses count?"""
    clicks: list[object] = []
    button = widgets.Button(description="Next slide")
    setattr(button, inbound.REPEATABLE, True)
    button.on_click(clicks.append)
    click = _message("custom", content={"event": "click"})
    _deliver(button, click)
    _deliver(button, click)
    assert len(clicks) == 2 and told == []


def test_a_quick_click_after_a_change_counts(told) -> None:
    """Someone who changes a choice and clicks again at once meant both clicks: do both count?"""
    clicks: list[object] = []
    button = widgets.Button(description="Add contribution")
    service = widgets.Dropdown(options=["Family support", "School nursing"], description="Service")
    button.on_click(clicks.append)
    click = _message("custom", content={"event": "click"})
    _deliver(button, click)
    _deliver(service, _message(state={"index": 1}))
    _deliver(button, click)
    assert len(clicks) == 2 and service.value == "School nursing" and told == []


def test_a_page_shows_the_refusal_in_a_box_that_closes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a page shown with show() explain a refused change in its message box, and close it on request?"""
    monkeypatch.setenv("WORKSHOP_KIT_DATA", str(tmp_path / "data"))
    shown: list[widgets.Widget] = []
    monkeypatch.setattr(page_parts, "display", shown.append)
    box = widgets.Text(description="Outcome")
    try:
        page_parts.show(lambda: widgets.VBox([box]))
        notice_box = shown[1]
        assert notice_box.layout.display == "none"
        _deliver(box, _message(state={"value": "y" * 30_000}))
        assert notice_box.layout.display == "flex"
        assert "30,000 characters" in notice_box.children[0].value
        notice_box.children[1].click()
        assert notice_box.layout.display == "none" and notice_box.children[0].value == ""
    finally:
        inbound.uninstall()


def test_a_page_built_before_the_guard_is_guarded_too() -> None:
    """Widgets keep the message handler they opened with; is a page built before install() still checked?"""
    dropdown = widgets.Dropdown(options=["a", "b"], value="a", description="Pick")
    box = widgets.Textarea(description="Your outcome")
    sentences: list[str] = []
    inbound.install(sentences.append)
    try:
        _deliver(dropdown, _message(state={"index": 7}))
        _deliver(box, _message(state={"value": "x" * (inbound.MAX_TEXT_CHARS + 1)}))
        _deliver(box, _message(state={"value": "fine"}))
    finally:
        inbound.uninstall()
    assert sentences == [inbound.NOT_AN_OPTION, inbound.too_long(inbound.MAX_TEXT_CHARS + 1)]
    assert dropdown.value == "a" and box.value == "fine"
