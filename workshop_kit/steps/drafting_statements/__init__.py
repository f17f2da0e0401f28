"""Step 4: drafting outcome statements, theme by theme.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ...stepkit.parts import Step
from . import progress, record

EXERCISE = "drafting_statements"

STEP = Step(
    id="drafting_statements",
    exercises=(EXERCISE,),
    read=progress.read,
    feedback=progress.feedback,
    exports={EXERCISE: record.export_sections},
)
