"""Every piece of HTML the kit shows comes from a template in ``templates/html/``.

Python passes values, never markup. The environment escapes every value a
template prints (autoescape), after making hidden characters visible
(``typed_text.visible``), so a participant's text can never become markup on a
page, on the facilitator's view or in a write-up, and a control character never
vanishes silently. The ``typed`` filter also isolates the text with ``<bdi>``,
so right-to-left script or a direction override cannot flip the sentence
around it: use it for anything a person typed.

Values are escaped the way ``html.escape`` does it (quotes as ``&quot;`` and
``&#x27;``), the way the kit escaped them before templates, so a day's write-up
is the same byte for byte.
"""

from __future__ import annotations

import base64
import html
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .typed_text import visible


def _shown(value: Any) -> Markup:
    """What ``{{ value }}`` prints: markup passed through, anything else made visible and escaped."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    return Markup(html.escape(visible(str(value)), quote=True))


def typed(value: Any) -> Markup:
    """Text someone typed: made visible, escaped and isolated from the text around it."""
    return Markup("<bdi>") + _shown(value) + Markup("</bdi>")


def as_base64(data: bytes) -> str:
    """Bytes (a chart's PNG) as base64 text, for a ``data:`` address in a template."""
    return base64.b64encode(data).decode("ascii")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment: autoescape on, undefined names an error, templates from the package."""
    env = Environment(
        loader=PackageLoader("workshop_kit", "templates/html"),
        autoescape=True,
        finalize=_shown,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["typed"] = typed
    env.filters["base64"] = as_base64
    return env


def render(name: str, /, **values: Any) -> str:
    """The template ``templates/html/<name>`` filled in with ``values``, as a string of HTML."""
    return environment().get_template(name).render(**values)


def preload() -> int:
    """Compile every template now (the zygote does this once, so no page kernel compiles one); returns how many."""
    env = environment()
    names = env.list_templates(extensions=["html"])
    for name in names:
        env.get_template(name)
    return len(names)
