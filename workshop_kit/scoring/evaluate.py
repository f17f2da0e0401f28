"""Evaluating the scoring rules against the labelled banks in ``datasets/``.

Run ``python -m workshop_kit.scoring.evaluate`` (or ``workshop-kit evaluate``)
to print, for the holdout split (rows the rules were not tuned on) and for the
whole bank: accuracy, per-class precision and recall, and a confusion matrix
for statements; accuracy for each SMART letter; accuracy, per-class figures and
a confusion matrix for measure quadrants.
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
from .smart import check_smart
from .statements import KINDS, classify_statement

DEFAULT_DATASETS = locations.datasets_dir()
"""Where the banks live: the checkout's ``datasets/``, or the installed wheel's copy."""
SMART_LETTERS = ("specific", "measurable", "time_bound")


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
    """Read a bank CSV as a list of dicts."""
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
    return Scores(len(pairs), correct / len(pairs) if pairs else 0.0, tuple(per_class),
                  tuple(tuple(r) for r in matrix), tuple(labels))


def _pairs(rows: list[dict[str, str]], column: str, predict: Callable[[str], str | None]) -> list[tuple[str, str]]:
    return [(r[column], predict(r["text"]) or "") for r in rows]


def evaluate_statements(rows: list[dict[str, str]]) -> Scores:
    """Score classify_statement against the ``kind`` column."""
    return score(_pairs(rows, "kind", lambda t: classify_statement(t).kind), KINDS)


def evaluate_measures(rows: list[dict[str, str]]) -> Scores:
    """Score classify_measure against the ``quadrant`` column."""
    return score(_pairs(rows, "quadrant", lambda t: classify_measure(t).quadrant), QUADRANTS)


def evaluate_smart(rows: list[dict[str, str]]) -> dict[str, Scores]:
    """Score check_smart's specific, measurable and time_bound against their columns."""
    results = [check_smart(r["text"]) for r in rows]
    out = {}
    for letter in SMART_LETTERS:
        pairs = [(r[letter].strip().lower(), str(getattr(res, letter)).lower()) for r, res in zip(rows, results)]
        out[letter] = score(pairs, ("true", "false"))
    return out


def _format(title: str, s: Scores, matrix: bool = True) -> str:
    width = max(len(label) for label in s.labels) + 2
    lines = [f"{title}: accuracy {s.accuracy:.1%} ({round(s.accuracy * s.n)}/{s.n})",
             f"  {'class':<{width}}precision  recall  support"]
    lines += [f"  {label:<{width}}{p:>9.1%}  {r:>6.1%}  {n:>7}" for label, p, r, n in s.per_class]
    if matrix:
        lines.append("  confusion matrix (rows: label, columns: predicted)")
        lines.append("  " + " " * width + "".join(f"{label[:8]:>9}" for label in s.labels))
        lines += ["  " + f"{label:<{width}}" + "".join(f"{v:>9}" for v in row) for label, row in zip(s.labels, s.confusion)]
    return "\n".join(lines)


def report(datasets: Path, splits: Sequence[str] = ("holdout", "all")) -> str:
    """The full evaluation report as text."""
    banks = {name: load(datasets / f"{name}_bank.csv") for name in ("statement", "smart", "measure")}
    out = []
    for split in splits:
        pick = (lambda rows: rows) if split == "all" else (lambda rows, s=split: [r for r in rows if r.get("split") == s])
        name = "whole bank" if split == "all" else f"{split} split"
        out.append(f"=== {name} ===")
        out.append(_format("Statements (classify_statement)", evaluate_statements(pick(banks["statement"]))))
        smart_rows = pick(banks["smart"])
        for letter, s in evaluate_smart(smart_rows).items():
            out.append(_format(f"SMART {letter} (check_smart)", s, matrix=False))
        out.append(_format("Measures (classify_measure)", evaluate_measures(pick(banks["measure"]))))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation report. Returns 0, or 2 if the banks cannot be found."""
    parser = argparse.ArgumentParser(prog="workshop-kit evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS,
                        help=f"folder holding the *_bank.csv files (default: {DEFAULT_DATASETS})")
    parser.add_argument("--split", choices=("holdout", "tune", "all", "both"), default="both",
                        help="which rows to score: holdout, tune, all, or both holdout and all (default)")
    args = parser.parse_args(argv)
    if not (args.datasets / "statement_bank.csv").is_file():
        print(f"Cannot find statement_bank.csv in {args.datasets}; use --datasets DIR.", file=sys.stderr)
        return 2
    splits = ("holdout", "all") if args.split == "both" else (args.split,)
    print(report(args.datasets, splits))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
