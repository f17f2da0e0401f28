"""Evaluating the scoring rules against labelled statements in ``datasets/``.

Run ``python -m workshop_kit.scoring.evaluate`` (or ``workshop-kit evaluate``)
to print three splits apart:

* **tuning bank**: the bank rows marked ``tune`` (the rules were written while
  looking at them, so these figures flatter the rules);
* **holdout**: the bank rows marked ``holdout`` (written by the same hands, not
  looked at while tuning);
* **external set**: statements written by other people (``external_*.csv``),
  labelled before the kit was run on them; no rule was fitted to its rows, but
  its error classes were looked at when the rules were fixed by class;
* **fresh external set**: more statements written by other people
  (``fresh_*.csv``), collected after the first rule changes; its error
  classes were looked at in the 2026-12 round, so its figures now flatter the rules too;
* **frozen 2026-12**: a third set written by other people (``frozen_*.csv``),
  committed on its own before the next round of rule changes; nothing is
  tuned on it and its errors are never looked at, so its figures are the
  honest ones.

For each: accuracy, per-class precision and recall and a confusion matrix for
statement kinds; accuracy for each SMART letter; the same for RBA quadrants;
and for outcome reviews, agreement with a facilitator's accept / send back,
level by level.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .. import locations
from .measures import QUADRANTS, classify_measure
from .review import LEVELS, review_outcome
from .smart import check_smart
from .statements import KINDS, classify_statement

DEFAULT_DATASETS = locations.datasets_dir()
"""Where the banks live: the checkout's ``datasets/``, or the installed wheel's copy."""
SMART_LETTERS = ("specific", "measurable", "time_bound")
SPLITS = ("tune", "holdout", "external", "fresh", "frozen")
"""The splits the report keeps apart: the tuning bank, its holdout, the external set, the fresh external set and the frozen 2026-12 set."""
EXTERNAL_SPLITS = ("external", "fresh", "frozen")
"""Splits read from ``<split>_*.csv`` files of statements written by other people, not from the banks."""
_TITLES = {
    "tune": "tuning bank (rows marked tune)",
    "holdout": "holdout (bank rows never tuned on)",
    "external": "external set (written by other people; rules were never fitted to its rows, but its error classes were looked at)",
    "fresh": "fresh external set (written by other people; its error classes were looked at in the 2026-12 round)",
    "frozen": "frozen 2026-12 (written by other people, committed before the last rule changes, never tuned on or looked at)",
    "all": "whole bank",
}
VERDICTS = ("accept", "send_back")


@dataclass(frozen=True)
class Scores:
    """Figures for one classifier on one split."""

    n: int
    """How many rows were scored."""
    accuracy: float
    """Share of rows where the rules agreed with the label."""
    per_class: tuple[tuple[str, float, float, int], ...]
    """(label, precision, recall, support) for each label."""
    confusion: tuple[tuple[int, ...], ...]
    """Rows are the true label, columns the predicted label, in ``labels`` order."""
    labels: tuple[str, ...]
    """The labels, in order."""


def load(path: Path) -> list[dict[str, str]]:
    """Read a bank CSV as a list of dicts (an empty list when the file is missing)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def score(pairs: Sequence[tuple[str, str]], labels: Sequence[str]) -> Scores:
    """Accuracy, per-class precision/recall and a confusion matrix for (truth, predicted) pairs."""
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for truth, pred in pairs:
        if truth in index and pred in index:
            matrix[index[truth]][index[pred]] += 1
    per_class = []
    for i, label in enumerate(labels):
        tp = matrix[i][i]
        predicted = sum(row[i] for row in matrix)
        support = sum(matrix[i])
        per_class.append((label, tp / predicted if predicted else 0.0, tp / support if support else 0.0, support))
    correct = sum(1 for t, p in pairs if t == p)
    return Scores(len(pairs), correct / len(pairs) if pairs else 0.0, tuple(per_class), tuple(tuple(r) for r in matrix), tuple(labels))


def _pairs(rows: list[dict[str, str]], column: str, predict: Callable[[str], str | None]) -> list[tuple[str, str]]:
    return [(r[column], predict(r["text"]) or "") for r in rows]


def evaluate_statements(rows: list[dict[str, str]]) -> Scores:
    """Score classify_statement against the ``kind`` column."""
    return score(_pairs(rows, "kind", lambda t: classify_statement(t).kind), KINDS)


def evaluate_measures(rows: list[dict[str, str]]) -> Scores:
    """Score classify_measure against the ``quadrant`` column."""
    return score(_pairs(rows, "quadrant", lambda t: classify_measure(t).quadrant), QUADRANTS)


def evaluate_smart(rows: list[dict[str, str]]) -> dict[str, Scores]:
    """Score check_smart's letters against whichever of their columns the rows have."""
    results = [check_smart(r["text"]) for r in rows]
    out = {}
    for letter in SMART_LETTERS:
        if rows and letter not in rows[0]:
            continue
        pairs = [(r[letter].strip().lower(), str(getattr(res, letter)).lower()) for r, res in zip(rows, results)]
        out[letter] = score(pairs, ("true", "false"))
    return out


def review_verdict(text: str, level: str) -> str:
    """ "accept" when review_outcome accepts *text* at *level*, else "send_back"."""
    return "accept" if review_outcome(text, level).accepted else "send_back"


def evaluate_review(rows: list[dict[str, str]]) -> dict[str, Scores]:
    """Agreement of review_outcome's verdict with the ``verdict`` column, per level and over all levels."""
    out = {}
    for level in LEVELS + ("all",):
        picked = [r for r in rows if level == "all" or r["level"] == level]
        if picked:
            out[level] = score([(r["verdict"], review_verdict(r["text"], r["level"])) for r in picked], VERDICTS)
    return out


def _format(title: str, s: Scores, matrix: bool = True) -> str:
    width = max(len(label) for label in s.labels) + 2
    lines = [f"{title}: accuracy {s.accuracy:.1%} ({round(s.accuracy * s.n)}/{s.n})", f"  {'class':<{width}}precision  recall  support"]
    lines += [f"  {label:<{width}}{p:>9.1%}  {r:>6.1%}  {n:>7}" for label, p, r, n in s.per_class]
    if matrix:
        lines.append("  confusion matrix (rows: label, columns: predicted)")
        lines.append("  " + " " * width + "".join(f"{label[:8]:>9}" for label in s.labels))
        lines += ["  " + f"{label:<{width}}" + "".join(f"{v:>9}" for v in row) for label, row in zip(s.labels, s.confusion)]
    return "\n".join(lines)


def split_rows(datasets: Path, split: str) -> dict[str, list[dict[str, str]]]:
    """The rows of each kind of data (statement, smart, measure, review) for one split."""
    if split in EXTERNAL_SPLITS:
        return {name: load(datasets / f"{split}_{file}.csv") for name, file in (("statement", "kinds"), ("smart", "smart"), ("measure", "measures"), ("review", "review"))}
    out = {}
    for name in ("statement", "smart", "measure", "review"):
        rows = load(datasets / f"{name}_bank.csv")
        out[name] = rows if split == "all" else [r for r in rows if r.get("split") == split]
    return out


def report(datasets: Path, splits: Sequence[str] = SPLITS) -> str:
    """The full evaluation report as text, one section per split."""
    out = []
    for split in splits:
        data = split_rows(datasets, split)
        out.append(f"=== {_TITLES[split]} ===")
        if data["statement"]:
            out.append(_format("Statements (classify_statement)", evaluate_statements(data["statement"])))
        for letter, s in evaluate_smart(data["smart"]).items() if data["smart"] else ():
            out.append(_format(f"SMART {letter} (check_smart)", s, matrix=False))
        if data["measure"]:
            out.append(_format("Measures (classify_measure)", evaluate_measures(data["measure"])))
        if data["review"]:
            for level, s in evaluate_review(data["review"]).items():
                name = "all levels" if level == "all" else level
                out.append(_format(f"Review agreement, {name} (review_outcome accepted)", s, matrix=level == "all"))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation report. Returns 0, or 2 if the banks cannot be found."""
    parser = argparse.ArgumentParser(prog="workshop-kit evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS, help=f"folder holding the *_bank.csv and external_*.csv files (default: {DEFAULT_DATASETS})")
    parser.add_argument(
        "--split",
        choices=(*SPLITS, "all", "every"),
        default="every",
        help="which rows to score: tune, holdout, external, fresh, frozen, all (the whole bank), or every: each of those splits apart (default)",
    )
    args = parser.parse_args(argv)
    if not (args.datasets / "statement_bank.csv").is_file():
        print(f"Cannot find statement_bank.csv in {args.datasets}; use --datasets DIR.", file=sys.stderr)
        return 2
    splits = SPLITS if args.split == "every" else (args.split,)
    print(report(args.datasets, splits))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
