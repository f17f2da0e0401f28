"""The talks: slides for the day's talk slots, beside the steps (the start page links to them).

``page.py`` is the page (widgets only); ``views.py`` the HTML it shows; ``logic.py`` the slides as
plain data and moving through them; ``record.py`` what it saves and reads back. It has no
self-study progress and no write-up part of its own: its rows are shown field by field.
"""

from ... import content
from ...stepkit.parts import SidePage

EXERCISE = "presenter"
"""The store's name for the check questions' answers."""


def title() -> str:
    """The page's title, as its slides file gives it."""
    return str(content.load_raw("presenter/slides")["title"])


PAGE = SidePage(id="presenter", notebook="presenter.ipynb", exercises=(EXERCISE,), title=title)
