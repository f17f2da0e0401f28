"""The one list of hostile text the tests type into the kit, and how to check where it is shown.

Every string that carries markup also carries the attribute ``data-pwned``: if
any page, dashboard or export ever turns typed text into an element, that
element has the attribute and ``unsafe_html`` reports it. The strings avoid
semicolons, new lines and leading or trailing spaces, which some fields rightly
treat as separators or trim, so "shown back exactly" can be checked for all of
them in every field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup

MARKER = "data-pwned"


@dataclass(frozen=True)
class Hostile:
    """One string to type, why it is hostile, and whether it is longer than any field allows."""

    name: str
    text: str
    over_limit: bool = False
    #: Chromium's text boxes cannot hold it as typed (the browser test leaves it to the widget tests)
    widget_only: bool = False


HOSTILE = (
    Hostile("script tag", f'<script {MARKER}>window.hacked = "script"</script>'),
    Hostile("event handler", f"<img {MARKER} src=x onerror=\"window.hacked = 'img'\">"),
    Hostile("svg onload", f"<svg {MARKER} onload=\"window.hacked = 'svg'\"></svg>"),
    Hostile("javascript link", f"<a {MARKER} href=\"javascript:window.hacked='link'\">Open me</a>"),
    Hostile("bare javascript url", "javascript:window.hacked='url'"),
    Hostile("attribute break-out", f'" {MARKER} onmouseover="window.hacked=\'attr\'" x="'),
    Hostile("closing tags", f"</bdi></td></tr></table></div><b {MARKER}>bold</b>"),
    Hostile("entities", "&lt b &gt and &amp and &#60 i &#62 stay as typed"),
    Hostile("chart maths", r"Costs of $\frac{1}{$ and 100% ^_^ {braces}"),
    Hostile("control characters", "Bell\x07 escape\x1b[31m null\x00 back\x08 delete\x7f tab\tend", widget_only=True),
    Hostile("right-to-left override", "Families \u202eevil.exe\u202c and \u2067isolated\u2069 text"),
    Hostile("emoji", "Young people 😀👩🏽‍🦱 feel safe 🏳️‍🌈"),
    Hostile("mixed scripts", "Plant a Bwrdd ŵŷ مرحبا שלום 你好 Ελληνικά Кириллица"),
    Hostile("very long text", "Children and young people feel safe at home and at school. " * 100, over_limit=True),
)

#: buttons that take something away, move about or only reveal help; every other button saves or checks
NOT_SAVING = re.compile(r"^(Remove|Restore|Start again|Try again|Show|Hide|Close|No more|Reload)", re.IGNORECASE)

_JAVASCRIPT_URL = re.compile(r"^\s*javascript:", re.IGNORECASE)
_URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def shown_form(typed: str) -> str:
    """What a reader should see for ``typed``: the same text, with each control character other than
    tab and new line as its Unicode control picture (U+2400 + code; DEL as U+2421)."""
    pictured = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", lambda m: chr(0x2400 + ord(m.group())), typed)
    return pictured.replace("\x7f", "\u2421")


def unsafe_html(markup: str) -> list[str]:
    """Everything in a piece of HTML that could run or that was made from typed text.

    A ``script`` element, any ``on...`` attribute, a ``javascript:`` address, or any
    element carrying the hostile strings' marker attribute.
    """
    problems = []
    for element in BeautifulSoup(markup, "html.parser").find_all(True):
        if element.name == "script":
            problems.append(f"a <script> element: {str(element)[:80]}")
        for attribute, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if attribute.lower().startswith("on"):
                problems.append(f"an event handler {attribute}= on <{element.name}>")
            if attribute.lower() == MARKER:
                problems.append(f"an element made from typed text: <{element.name} {MARKER}>")
            if attribute.lower() in _URL_ATTRIBUTES and any(_JAVASCRIPT_URL.match(str(v)) for v in values):
                problems.append(f"a javascript: address in {attribute}= on <{element.name}>")
    return problems


HIDDEN_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def hidden_controls(markup: str) -> list[str]:
    """Control characters a reader could not see, left in the text or attributes of a piece of HTML."""
    return sorted({f"U+{ord(c):04X}" for c in HIDDEN_CONTROLS.findall(markup)})


def html_text(markup: str) -> str:
    """The text a reader sees in a piece of HTML (entities decoded, tags gone)."""
    return BeautifulSoup(markup, "html.parser").get_text()
