"""Step 3: personal outcomes, a sort and rewrites of weak statements.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ...stepkit.sorting import item_texts
from ...stepkit.parts import Step

SORT_EXERCISE = "personal_outcomes_sort"
REWRITE_EXERCISE = "personal_rewrite"


def shows() -> tuple[str, ...]:
    """The statements the page puts in front of a table."""
    return item_texts(SORT_EXERCISE)


# the step's parts read the names above, so they are imported after them
from . import progress  # noqa: E402

STEP = Step(
    id="personal_outcomes",
    exercises=(SORT_EXERCISE, REWRITE_EXERCISE),
    read=progress.read,
    feedback=progress.feedback,
    shows=shows,
)
