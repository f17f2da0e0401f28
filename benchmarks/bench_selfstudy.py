"""Speed of the self-study progress page and summary for a learner who has done every step.

Run: python benchmarks/bench_selfstudy.py [--repeat N]

Fills a throwaway store with one learner's work on all nine steps (the shapes
the step pages save, including several versions of each draft), then times
reading their progress (what the progress page does on opening and on "Check
my progress again") and building the summary page ("Make my summary"). Not a
test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_kit import content  # noqa: E402
from workshop_kit.steps.drafting_statements import logic as drafting  # noqa: E402
from workshop_kit.steps.indicators import logic as ind  # noqa: E402
from workshop_kit.steps.personal_outcomes import logic as personal  # noqa: E402
from workshop_kit.steps.logic_model.logic import example  # noqa: E402
from workshop_kit.selfstudy.progress import learner_progress, rules  # noqa: E402
from workshop_kit.selfstudy.summary import build_summary, to_html  # noqa: E402
from workshop_kit.store import Store  # noqa: E402


def _fill(store: Store):
    learner = store.group("bench", "A learner", "alone")
    save = lambda exercise, item, payload: store.save(learner, exercise, item, payload)  # noqa: E731
    for exercise in (content.sorting_exercise("outputs_outcomes_impact"), content.sorting_exercise("levels_sort"), content.sorting_exercise("personal_outcomes_sort"), example().sorting):
        for item in exercise.items:
            save(exercise.id, item.id, {"choice": item.accepted[0], "attempt": 1})
    ladder = example_ladder()
    for item, text in ladder.items():
        save("levels_ladder", item, {"text": text})
    save("levels_ladder", "_check", {"thread_ok": True})
    for weak in personal.guide().weak_statements:
        save("personal_rewrite", weak.id, {"text": weak.model_rewrite, "version": 1})
    for theme in drafting.load().themes:
        for version in range(1, 4):
            save("drafting_statements", theme.id, {"theme": theme.id, "text": theme.model_answer, "version": version})
    answer = content.load_raw("homelessness_scenario/scenario")["model_answer"]
    save("homelessness_scenario", "stage1", {"who": "", "commission": "", "outcomes": answer["outcomes"]})
    for n, m in enumerate(answer["measures"], 1):
        save("homelessness_scenario", f"measure-{n}", {**m, "removed": False})
    model = example().model()
    save("logic_model_own", "model", {**model, "assumptions": "", "external_factors": "", "action": "checked"})
    guide = content.load_raw("indicators/guide")
    save("indicators", "map", {"outcome": guide["example"]["outcome"], "measures": guide["example"]["measures"], "gaps": []})
    indicator, area = ind.indicator_choices()[0][1], ind.area_choices()[0]
    save("indicators", "curve", {"indicator": indicator, "area": area, "target": 1.0, "story": "Rents rose faster than incomes."})
    save("indicators", "distance", {"areas": guide["outcome_areas"], "start": guide["radar_example"]["start"], "review": guide["radar_example"]["review"]})
    fw = content.load_raw("outcomes_framework/guide")["example"]
    save("outcomes_framework", "framework", {k: fw[k] for k in ("outcomes", "services", "contributions")})
    save("outcomes_framework", "required_actual", {"entries": {fw["outcomes"][0]: {"required": "All", "actual": "Most"}}})
    sections = content.load_raw("action_planning/plan")["sections"]
    save("action_planning", "plan", {s["id"]: "Something concrete by March" for s in sections} | {"follow_up": ""})
    save("action_planning", "action-1", {"action": "Book the forum", "owner": "Me", "due": "March"})
    return learner


def example_ladder() -> dict[str, str]:
    return {
        "person": "Sam",
        "aspiration": "Sam wants to be a famous chef.",
        "sought": "Sam wants to cook meals for his family and friends.",
        "smart": "By the time he is 17, Sam will cook a meal for his family and friends once a week.",
        "target_1": "In 6 months, Sam will use the cooker safely on his own at college three times a week.",
    }


def _time(label: str, func, repeat: int):
    result = func()  # first call: content and fonts load
    start = time.perf_counter()
    for _ in range(repeat):
        result = func()
    print(f"{label:<48}{1000 * (time.perf_counter() - start) / repeat:>9.1f} ms")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (default 5)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.sqlite3")
        learner = _fill(store)
        found = rules()
        rows = store.rows_of(learner)
        progress = learner_progress(rows, found)
        print(f"{len(rows)} saved rows; {progress.finished_count} of {len(progress.steps)} steps finished")
        _time("read the rows and the progress (page refresh)", lambda: learner_progress(store.rows_of(learner), found), args.repeat)
        page = _time("build the summary page (Make my summary)", lambda: to_html(build_summary(store, learner)), args.repeat)
        print(f"summary page: {len(page) / 1024:,.0f} KB")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
