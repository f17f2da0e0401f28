"""Step 7: indicators and data, a map, a turned curve and distance travelled.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.parts import Step

EXERCISE = "indicators"


def shows() -> tuple[str, ...]:
    """The worked example's measures."""
    return tuple(m["text"] for m in content.load_raw("indicators/guide")["example"]["measures"])


# the step's parts read the names above, so they are imported after them
from . import progress, record  # noqa: E402

STEP = Step(
    id="indicators",
    exercises=(EXERCISE,),
    read=progress.read,
    feedback=progress.feedback,
    write_up=(EXERCISE,),
    exports={EXERCISE: record.export_sections},
    carries={EXERCISE: record.followed},
    shows=shows,
)
