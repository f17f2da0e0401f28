"""Step 2: levels of outcomes, a sort and the outcome ladder.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ...stepkit.parts import Step

SORT_EXERCISE = "levels_sort"
LADDER_EXERCISE = "levels_ladder"

# the step's parts read the names above, so they are imported after them
from . import progress  # noqa: E402

STEP = Step(
    id="levels_of_outcomes",
    exercises=(SORT_EXERCISE, LADDER_EXERCISE),
    read=progress.read,
    feedback=progress.feedback,
)
