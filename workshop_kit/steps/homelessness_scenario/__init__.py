"""Step 5: the homelessness scenario, outcomes and a scorecard of measures.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.parts import Step

EXERCISE = "homelessness_scenario"


def shows() -> tuple[str, ...]:
    """The model answer's outcomes and measures."""
    model = content.load_raw("homelessness_scenario/scenario")["model_answer"]
    return tuple(model["outcomes"]) + tuple(m["text"] for m in model["measures"])


# the step's parts read the names above, so they are imported after them
from . import progress, record  # noqa: E402

STEP = Step(
    id="homelessness_scenario",
    exercises=(EXERCISE,),
    read=progress.read,
    feedback=progress.feedback,
    write_up=(EXERCISE,),
    exports={EXERCISE: record.export_sections},
    shows=shows,
)
