"""Step 6: logic models, the example rebuilt and the table's own.

``page.py`` is the page (widgets only); ``logic.py`` the checks it runs (where it has any);
``record.py`` what it saves and adds to the write-up; ``progress.py`` how a learner's progress is read.
"""

from ... import content
from ...stepkit.parts import Step

OWN = "logic_model_own"


def shows() -> tuple[str, ...]:
    """The example's cards."""
    return tuple(card["text"] for card in content.load_raw("logic_model/example")["cards"])


# the step's parts read the names above, so they are imported after them
from . import logic, progress, record  # noqa: E402

STEP = Step(
    id="logic_model",
    exercises=(logic.example().sorting.id, OWN),
    read=progress.read,
    feedback=progress.feedback,
    write_up=(OWN,),
    exports={OWN: record.export_sections},
    carries={OWN: record.followed},
    shows=shows,
)
