"""Step 1: sort statements into input, process, output, outcome or impact.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ...stepkit.sorting import item_texts
from ...stepkit.parts import Step

EXERCISE = "outputs_outcomes_impact"


def shows() -> tuple[str, ...]:
    """The statements the page puts in front of a table."""
    return item_texts(EXERCISE)


# the step's parts read the names above, so they are imported after them
from . import progress, record  # noqa: E402

STEP = Step(
    id="outputs_outcomes_impact",
    exercises=(EXERCISE,),
    read=progress.read,
    feedback=progress.feedback,
    exports={EXERCISE: record.export_sections},
    shows=shows,
)
