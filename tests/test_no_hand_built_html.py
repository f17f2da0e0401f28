"""No Python file builds HTML by hand: markup comes from templates (workshop_kit/markup.py).

One missed escape in an f-string is a script on a participant's page; a template with
autoescape makes that impossible by construction, so this test keeps tags out of Python.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import workshop_kit

PACKAGE = Path(workshop_kit.__file__).parent
TAG = re.compile(
    r"<!DOCTYPE|</?(?:p|div|span|h[1-6]|ul|ol|li|table|tr|td|th|a|strong|em|bdi|nav|section|figure|figcaption|img|br|small|caption|thead|tbody|details|summary|label|button|main|html|head|body|style|meta|title|code|pre|dl|dt|dd|abbr|blockquote|script|svg|input|select|option|textarea|iframe|link|form)(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
#: the one place values are escaped and typed text wrapped for templates
ESCAPING_HELPER = "markup.py"
ESCAPE_CALLS = {"escape", "escaped"}


def _python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "course" not in p.parts)


def _patterns(tree: ast.AST) -> set[int]:
    """Strings given to ``re`` (a pattern that reads HTML, such as a heading in a converter's output, builds none)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == "re":
            found |= {id(arg) for arg in node.args if isinstance(arg, ast.Constant)}
    return found


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string in the module (f-strings' literal parts too), except patterns given to ``re``."""
    patterns = _patterns(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in patterns]


def _docstrings(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                lines.add(first.value.lineno)
    return lines


def test_no_python_file_writes_a_tag() -> None:
    offenders = []
    for path in _python_files():
        if path.name == ESCAPING_HELPER:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for line, value in _strings(tree):
            if line not in docs and TAG.search(value):
                offenders.append(f"{path.relative_to(PACKAGE)}:{line}: {TAG.search(value).group()}")
    assert offenders == [], "HTML built in Python (move it to a template in templates/html/):\n" + "\n".join(offenders)


def test_escaping_only_in_the_one_helper() -> None:
    """Is every value escaped by the templates (markup.py), never by a call of its own elsewhere?"""
    offenders = []
    for path in _python_files():
        if path.name == ESCAPING_HELPER:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                on_re = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "re"
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called in ESCAPE_CALLS and not on_re:  # re.escape makes a pattern, not HTML
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {called}()")
    assert offenders == [], "escaping outside markup.py:\n" + "\n".join(offenders)


def test_the_check_finds_what_it_looks_for() -> None:
    """Does the check see a tag in an f-string and an escape call (so an empty list above means something)?"""
    tree = ast.parse('import html\nname = "x"\nline = f"<p class=\'a\'>{html.escape(name)}</p>"\nfound = re.search(r"<h1>(.*)</h1>", line)\n')
    tagged = [value for _line, value in _strings(tree) if TAG.search(value)]
    assert tagged == ["<p class='a'>", "</p>"]
    assert any(isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "escape" for n in ast.walk(tree))
