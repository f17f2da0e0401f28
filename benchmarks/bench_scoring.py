"""Speed of the scoring functions over the labelled banks.

Run: python benchmarks/bench_scoring.py [--repeat N]

Prints statements per second and mean milliseconds per call for each public
function, on the banks, the review bank and the external set (statements
written by other people). The budget is 2 ms per statement per function on one
core: the pages call these on every pause in typing. Each line says whether it
is within budget. Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_kit.scoring import (  # noqa: E402
    check_indicator_map,
    check_logic_model,
    check_scenario_outcomes,
    check_smart,
    classify_measure,
    classify_statement,
    review_outcome,
)


BUDGET_MS = 2.0
"""Milliseconds per statement each function must stay under."""
HUGE_BUDGET_MS = 100.0
"""Bounded time for one 100,000-character paste."""


def texts(name: str) -> list[str]:
    with (ROOT / "datasets" / (name if name.endswith(".csv") else f"{name}_bank.csv")).open(encoding="utf-8", newline="") as fh:
        return [row["text"] for row in csv.DictReader(fh)]


def rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "datasets" / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def bench(label: str, func, inputs: list, repeat: int, per: int = 1, budget: float = BUDGET_MS) -> None:
    """Time *func* over *inputs*; *per* is how many statements one call checks (4 outcomes, 12 cards)."""
    func(inputs[0])  # warm the cue cache
    start = time.perf_counter()
    for _ in range(repeat):
        for item in inputs:
            func(item)
    elapsed = time.perf_counter() - start
    calls = repeat * len(inputs)
    per_statement = 1000 * elapsed / calls / per
    verdict = "within" if per_statement < budget else "OVER"
    print(f"{label:<48}{calls * per / elapsed:>10,.0f} /s {per_statement:>9.3f} ms/statement  {verdict} {budget:g} ms  ({calls} calls)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over each bank (default 3)")
    args = parser.parse_args(argv)
    statements, smart, measures = texts("statement"), texts("smart"), texts("measure")
    outcomes = [t for t in statements][:40]
    cards = [{"id": str(i), "column": col, "text": t} for i, (col, t) in enumerate(zip(["inputs", "outputs", "interim_outcomes", "final_outcomes"] * 3, statements[:12]))]
    model = {"cards": cards, "links": [[str(i), str(i + 1)] for i in range(11)]}
    imap = {o: [{"text": m, "subjective": i % 2 == 0, "source": "survey", "frequency": "monthly"} for i, m in enumerate(measures[:3])] for o in outcomes[:4]}
    reviewed = rows("review_bank.csv") + rows("external_review.csv")
    print(f"{'function':<48}{'statements':>10}    {'mean':>9}")
    bench("classify_statement (statement bank)", classify_statement, statements, args.repeat)
    bench("classify_statement (external set)", classify_statement, texts("external_kinds.csv"), args.repeat)
    bench("classify_measure (external set)", classify_measure, texts("external_measures.csv"), args.repeat)
    bench("check_smart (external set)", check_smart, texts("external_smart.csv"), args.repeat)
    for level in ("strategic", "operational", "individual", "smart", "target"):
        bench(f"review_outcome, level={level} (review banks)", lambda t, lv=level: review_outcome(t, lv), [r["text"] for r in reviewed], args.repeat)
    bench("check_smart (SMART bank)", check_smart, smart, args.repeat)
    bench("classify_measure (measure bank)", classify_measure, measures, args.repeat)
    bench("review_outcome, level=smart (SMART bank)", lambda t: review_outcome(t, "smart"), smart, args.repeat)
    bench("review_outcome, level=strategic", lambda t: review_outcome(t, "strategic"), statements, args.repeat)
    bench("check_scenario_outcomes (4 outcomes)", check_scenario_outcomes, [outcomes[i : i + 4] for i in range(0, 40, 4)], args.repeat, per=4)
    bench("check_logic_model (12 cards)", check_logic_model, [model] * 10, args.repeat, per=12)
    bench("check_indicator_map (4 outcomes x 3)", check_indicator_map, [imap] * 10, args.repeat, per=16)
    huge = ("Parents feel less isolated and children attend 24 workshops by March. " * 1500)[:100_000]
    print(f"100,000 characters (only the first 2,000 are examined); budget {HUGE_BUDGET_MS:g} ms:")
    bench("classify_statement (100,000 characters)", classify_statement, [huge], max(1, args.repeat), budget=HUGE_BUDGET_MS)
    bench("review_outcome (100,000 characters)", lambda t: review_outcome(t, "smart"), [huge], max(1, args.repeat), budget=HUGE_BUDGET_MS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
