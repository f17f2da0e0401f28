"""The one template environment: values escaped as the kit always escaped them, typed text isolated."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, strategies as st
from jinja2 import UndefinedError

from workshop_kit import markup
from workshop_kit.typed_text import visible
from workshop_kit.widgets.common import notice, paragraph, text


def test_a_value_is_escaped_exactly_as_before() -> None:
    hostile = "<script>alert('x')</script> & \"quoted\""
    assert paragraph(hostile) == f"<p>{html.escape(hostile, quote=True)}</p>"
    assert "<script>" not in notice(hostile, "error")


@given(st.text())
def test_typed_text_is_visible_escaped_and_isolated(value: str) -> None:
    assert text(value) == f"<bdi>{html.escape(visible(value), quote=True)}</bdi>"


def test_control_characters_show_as_pictures() -> None:
    assert paragraph("bell\x07") == "<p>bell\u2407</p>"


def test_a_css_class_only_when_given() -> None:
    assert paragraph("hi", "kit-hint") == '<p class="kit-hint">hi</p>'
    assert paragraph("hi") == "<p>hi</p>"


def test_a_missing_value_is_an_error_not_a_blank() -> None:
    with pytest.raises(UndefinedError):
        markup.render("parts/notice.html", kind="info")


def test_every_template_compiles() -> None:
    assert markup.preload() >= 2
