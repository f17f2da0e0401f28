"""Step 9: action planning, the plan and its actions.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.parts import Step

EXERCISE = "action_planning"


def shows() -> tuple[str, ...]:
    """The model plan's entries, each up to its colon."""
    return tuple(entry.split(":", 1)[0] for entry in content.load_raw("action_planning/plan")["model_answer"])


# the step's parts read the names above, so they are imported after them
from . import progress, record  # noqa: E402

STEP = Step(
    id="action_planning",
    exercises=(EXERCISE,),
    read=progress.read,
    write_up=(EXERCISE,),
    exports={EXERCISE: record.export_sections},
    carries={EXERCISE: record.followed},
    shows=shows,
)
