"""Step 4: drafting outcome statements, theme by theme.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.parts import Step

EXERCISE = "drafting_statements"


def shows() -> tuple[str, ...]:
    """Each theme's model answer."""
    return tuple(theme["model_answer"] for theme in content.load_raw("drafting_statements/themes")["themes"])


# the step's parts read the names above, so they are imported after them
from . import progress, record  # noqa: E402

STEP = Step(
    id="drafting_statements",
    exercises=(EXERCISE,),
    read=progress.read,
    feedback=progress.feedback,
    exports={EXERCISE: record.export_sections},
    shows=shows,
)
