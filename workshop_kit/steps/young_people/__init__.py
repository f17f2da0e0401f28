"""Personal outcomes with young people: step 3 in short sentences and plain words, with children's
cases, beside the steps (the start page and step 3 link to it).

``page.py`` is the page (widgets only); ``views.py`` the HTML it shows; ``logic.py`` the cases and
the page's text as typed records, and the check on "I want to..."; ``record.py`` what it saves and
reads back. It has no self-study progress and no write-up part of its own: its rows are shown field by field.
"""

from ... import content
from ...stepkit.parts import SidePage

SORT_EXERCISE = "young_people_sort"
OWN_EXERCISE = "young_people_own"
STEP_NOTEBOOK = "03_personal_outcomes.ipynb"
"""The full step this page is the plain-words version of."""


def title() -> str:
    """The page's title, as its content file gives it."""
    return str(content.load_raw("children/young_people_page")["title"])


PAGE = SidePage(id="young_people", notebook="young_people.ipynb", exercises=(SORT_EXERCISE, OWN_EXERCISE), title=title)
