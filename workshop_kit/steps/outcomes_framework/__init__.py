"""Step 8: the outcomes framework, a contribution matrix and required against actual.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.parts import Step

EXERCISE = "outcomes_framework"


def shows() -> tuple[str, ...]:
    """The example's outcomes and services."""
    example = content.load_raw("outcomes_framework/guide")["example"]
    return tuple(example["outcomes"]) + tuple(example["services"])


# the step's parts read the names above, so they are imported after them
from . import progress, record  # noqa: E402

STEP = Step(
    id="outcomes_framework",
    exercises=(EXERCISE,),
    read=progress.read,
    feedback=progress.feedback,
    write_up=(EXERCISE,),
    exports={EXERCISE: record.export_sections},
    carries={EXERCISE: record.followed},
    shows=shows,
)
