"""The labelled banks: sizes, columns, labels, and the accuracy floors the rules must keep."""

import ast
import csv
from pathlib import Path

import pytest

from workshop_kit.scoring import cues, evaluate

DATASETS = Path(__file__).resolve().parents[2] / "datasets"
PACKAGE = Path(__file__).resolve().parents[2] / "workshop_kit" / "scoring"


def rows(name):
    with (DATASETS / f"{name}_bank.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    "name, minimum, columns, label, values",
    [
        ("statement", 300, {"id", "text", "kind", "source", "split", "note"}, "kind", {"input", "process", "output", "outcome", "impact"}),
        ("smart", 100, {"id", "text", "specific", "measurable", "time_bound", "source", "split"}, "specific", {"true", "false"}),
        ("measure", 100, {"id", "text", "quadrant", "source", "split"}, "quadrant", {"how_much", "how_well", "better_off"}),
    ],
)
def test_bank_shape(name, minimum, columns, label, values):
    """Does each bank have enough rows, the right columns, valid labels, unique ids and a named source?"""
    data = rows(name)
    assert len(data) >= minimum
    assert columns <= set(data[0])
    assert {r[label] for r in data} == values
    assert len({r["id"] for r in data}) == len(data)
    assert all(r["source"] == "written for the kit" or r["source"].startswith("seed 00") for r in data)
    assert {r["split"] for r in data} == {"tune", "holdout"}
    share = sum(r["split"] == "holdout" for r in data) / len(data)
    assert 0.2 <= share <= 0.4


def test_every_kind_is_well_represented():
    """Does every statement kind have at least 40 rows, with at least 15 in the holdout?"""
    data = rows("statement")
    for kind in ("input", "process", "output", "outcome", "impact"):
        assert sum(r["kind"] == kind for r in data) >= 40
        assert sum(r["kind"] == kind and r["split"] == "holdout" for r in data) >= 15


def test_holdout_statement_accuracy_floor():
    """Does classify_statement stay above its measured floor on the holdout rows (96.1% when first measured, 97.1% now)?"""
    s = evaluate.evaluate_statements([r for r in rows("statement") if r["split"] == "holdout"])
    assert s.accuracy >= 0.90
    assert all(recall >= 0.8 for _, _, recall, _ in s.per_class)


def test_whole_bank_accuracy_floors():
    """Do statements, SMART letters and measures stay above their floors on the whole bank?"""
    assert evaluate.evaluate_statements(rows("statement")).accuracy >= 0.93
    assert evaluate.evaluate_measures(rows("measure")).accuracy >= 0.90
    assert all(s.accuracy >= 0.90 for s in evaluate.evaluate_smart(rows("smart")).values())


def test_cues_file_is_valid_data():
    """Does cues.json load, with labelled, weighted groups for every kind and quadrant?"""
    data = cues.raw()
    assert {g["kind"] for g in data["statement"]} == {"input", "process", "output", "outcome", "impact"}
    assert {g["quadrant"] for g in data["measure"]} == {"how_much", "how_well", "better_off"}
    assert all(g["label"] and g["weight"] > 0 and g["phrases"] for g in data["statement"] + data["measure"])


def test_no_module_imports_ipywidgets():
    """Is the scoring package free of widget code?"""
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not any(n.split(".")[0] == "ipywidgets" for n in names), path.name


def test_evaluate_command_prints_figures(capsys):
    """Does the evaluation command print the tuning bank, its holdout and the external set apart, each with
    per-class precision and recall, and review agreement level by level?"""
    assert evaluate.main([]) == 0
    out = capsys.readouterr().out
    assert out.index("=== tuning bank") < out.index("=== holdout") < out.index("=== external set") < out.index("=== fresh external") < out.index("=== frozen 2026-12")
    assert "confusion matrix" in out and "precision" in out and "SMART time_bound" in out
    external = out[out.index("=== external set") : out.index("=== fresh external")]
    for level in ("strategic", "operational", "individual", "smart", "target"):
        assert f"Review agreement, {level}" in external
    assert "Statements (classify_statement)" in external and "Measures (classify_measure)" in external
    assert evaluate.main(["--split", "all"]) == 0
    assert "=== whole bank ===" in capsys.readouterr().out


def external(name):
    with (DATASETS / f"external_{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize(
    "name, minimum, label, values",
    [
        ("kinds", 150, "kind", {"input", "process", "output", "outcome", "impact"}),
        ("review", 100, "verdict", {"accept", "send_back"}),
        ("measures", 40, "quadrant", {"how_much", "how_well", "better_off"}),
        ("smart", 30, "time_bound", {"true", "false"}),
    ],
)
def test_external_set_shape(name, minimum, label, values):
    """Is each external file big enough, with valid labels, unique ids, and every row citing a title and an address?"""
    data = external(name)
    assert len(data) >= minimum
    assert {r[label] for r in data} == values
    assert len({r["id"] for r in data}) == len(data)
    assert all(r["source_title"].strip() and r["source_url"].startswith(("http://", "https://")) for r in data)


def test_external_set_is_apart_from_the_banks():
    """Does no external statement also appear in a bank the rules were tuned on?"""
    banks = {r["text"].strip().casefold() for name in ("statement", "smart", "measure", "review") for r in rows(name)}
    for name in ("kinds", "review", "measures", "smart"):
        assert not [r["text"] for r in external(name) if r["text"].strip().casefold() in banks]


FROZEN_SHAPES = [
    ("kinds", 150, "kind", {"input", "process", "output", "outcome", "impact"}),
    ("review", 100, "verdict", {"accept", "send_back"}),
    ("measures", 15, "quadrant", {"how_much", "how_well", "better_off"}),
    ("smart", 15, "time_bound", {"true", "false"}),
]


def frozen(name):
    with (DATASETS / f"frozen_{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name, minimum, label, values", FROZEN_SHAPES)
def test_frozen_set_shape(name, minimum, label, values):
    """Is each frozen 2026-12 file big enough, with valid labels, unique ids, and every row citing a title and
    an address (the review file also a level and a reason)?"""
    data = frozen(name)
    assert len(data) >= minimum
    assert {r[label] for r in data} == values
    assert len({r["id"] for r in data}) == len(data)
    assert all(r["source_title"].strip() and r["source_url"].startswith(("http://", "https://")) for r in data)
    if name == "review":
        assert {r["level"] for r in data} == {"strategic", "operational", "individual", "smart", "target"}
        assert all(r["reason"].strip() for r in data)


def test_frozen_set_is_apart_from_every_other_set():
    """Does no frozen statement also appear in a bank, the external set or the fresh set?"""
    seen = {r["text"].strip().casefold() for name in ("statement", "smart", "measure", "review") for r in rows(name)}
    for prefix in ("external", "fresh"):
        for name in ("kinds", "review", "measures", "smart"):
            with (DATASETS / f"{prefix}_{name}.csv").open(encoding="utf-8", newline="") as fh:
                seen |= {r["text"].strip().casefold() for r in csv.DictReader(fh)}
    for name, *_ in FROZEN_SHAPES:
        assert not [r["text"] for r in frozen(name) if r["text"].strip().casefold() in seen]


def test_review_bank_shape():
    """Does the review bank hold at least 300 statements over the five levels, a third or more weak and a third
    or more good, each with a verdict, a reason and a source?"""
    data = rows("review")
    assert len(data) >= 300
    assert {r["level"] for r in data} == {"strategic", "operational", "individual", "smart", "target"}
    assert all(sum(r["level"] == level for r in data) >= 50 for level in {r["level"] for r in data})
    weak = sum(r["verdict"] == "send_back" for r in data)
    assert weak >= len(data) / 3 and len(data) - weak >= len(data) / 3
    assert all(r["reason"].strip() and r["source"].strip() for r in data)
    assert {r["split"] for r in data} == {"tune", "holdout"}


def test_review_agreement_floors():
    """Does review_outcome's accept / send back agree with the facilitator's verdict on the review bank's
    holdout (95% when measured) and on the external set (99% when measured), at every level?"""
    holdout = evaluate.evaluate_review([r for r in rows("review") if r["split"] == "holdout"])
    assert holdout["all"].accuracy >= 0.90
    outside = evaluate.evaluate_review(external("review"))
    assert outside["all"].accuracy >= 0.92
    assert all(s.accuracy >= 0.85 for s in outside.values())


def test_external_classifier_floors():
    """Do the classifiers keep their measured figures on statements written by other people (kinds 91%,
    RBA 100%, measurable and time-bound 100% when measured)?"""
    assert evaluate.evaluate_statements(external("kinds")).accuracy >= 0.88
    assert evaluate.evaluate_measures(external("measures")).accuracy >= 0.92
    assert all(s.accuracy >= 0.95 for s in evaluate.evaluate_smart(external("smart")).values())


def test_evaluate_command_missing_banks(tmp_path, capsys):
    """Does a wrong --datasets folder give exit code 2 and a clear message?"""
    assert evaluate.main(["--datasets", str(tmp_path)]) == 2
    assert "Cannot find" in capsys.readouterr().err
