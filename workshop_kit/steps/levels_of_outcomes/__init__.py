"""Step 2: levels of outcomes, a sort and the outcome ladder.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.sorting import item_texts
from ...stepkit.parts import Step

SORT_EXERCISE = "levels_sort"
LADDER_EXERCISE = "levels_ladder"


def shows() -> tuple[str, ...]:
    """The statements to sort, then the worked example's rungs."""
    ladder = content.load_raw("levels_of_outcomes/ladder")["worked_example"]
    rungs = (ladder["aspiration"], ladder["sought"], *ladder["smart"], *(t["text"] for t in ladder["targets"]))
    return item_texts(SORT_EXERCISE) + tuple(rungs)


# the step's parts read the names above, so they are imported after them
from . import progress  # noqa: E402

STEP = Step(
    id="levels_of_outcomes",
    exercises=(SORT_EXERCISE, LADDER_EXERCISE),
    read=progress.read,
    feedback=progress.feedback,
    shows=shows,
)
