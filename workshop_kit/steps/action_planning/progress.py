"""How a learner's progress on this step is read from what they saved, and the kit's feedback
on it for the summary (the same checks the page runs). No ipywidgets."""

from __future__ import annotations

from ... import content
from ...stepkit.parts import Saved, StepProgress
from ...stepkit.progress import Part, combine
from . import EXERCISE


def read(saved: Saved) -> StepProgress:
    """Finished when every part of the plan is written and at least one action added. A plan is not scored."""
    latest = saved.latest(EXERCISE)
    sections = content.load_raw("action_planning/plan")["sections"]
    plan = latest.get("plan")
    written = [s for s in sections if plan is not None and str(plan.payload.get(s["id"], "")).strip()]
    actions = [item for item in latest if item.startswith("action-")]
    reasons = (f"{len(written)} of {len(sections)} parts of the plan written.", f"{len(actions)} action(s) added.", "The kit does not score a plan.")
    return combine("action_planning", saved, Part(len(written) == len(sections) and bool(actions), (), reasons))
