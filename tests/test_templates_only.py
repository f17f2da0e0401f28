"""The write-up, the self-study summary, the dashboard, the release pages, charts, results and the waiting page
build no HTML in Python: no escaping by hand and no f-string with a tag in it; their HTML is in templates/html/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workshop_kit"
TEMPLATED = ("export", "selfstudy", "dashboard", "release", "charts", "scoring/results.py", "scoring/cues.py", "room_gate.py", "guide.py", "golden_thread.py")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:[\s>]|$)|<!DOCTYPE")


def _modules() -> list[Path]:
    found = []
    for name in TEMPLATED:
        path = PACKAGE / name
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def _hand_built(path: Path) -> list[str]:
    """Each call to html.escape or typed_text.escaped, and each f-string whose text has a tag in it."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if called in ("escape", "escaped") and not (isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "re"):
                problems.append(f"line {node.lineno}: {called}(...)")
        elif isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str))
            if TAG.search(text):
                problems.append(f"line {node.lineno}: an f-string with a tag")
    return problems


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_html_is_built_by_hand(path: Path) -> None:
    assert _hand_built(path) == []


def test_the_check_finds_hand_built_html(tmp_path: Path) -> None:
    """Would the check above catch the old way of writing a cell?"""
    old = tmp_path / "old.py"
    old.write_text('import html\nfrom x import escaped\ncell = f"<td>{escaped(v)}</td>"\nsafe = html.escape(v)\nok = re.escape(v)\nrx = rf"(?<![\\w]){v}"\n', encoding="utf-8")
    assert len(_hand_built(old)) == 3
