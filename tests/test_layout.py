"""The house's shape: one folder per step, one registry, and imports that only run downwards."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from workshop_kit import content, steps

PACKAGE = Path(steps.__file__).resolve().parent.parent
STEP_FOLDERS = sorted(p.name for p in (PACKAGE / "steps").iterdir() if (p / "__init__.py").exists())
SIDE_PAGES = [page.id for page in steps.SIDE_PAGES]

#: each layer may import only from the layers after it in this list (and from itself)
LAYERS = (
    ("cli", "kiosk", "room_kernels", "zygote", "zygote_provisioner"),
    ("dashboard", "release"),
    ("pages",),
    ("selfstudy", "export", "guide"),
    ("steps",),
    ("widgets", "charts"),
    ("stepkit", "room", "context", "data_folder", "importing", "golden_thread", "day_copy", "migrations", "room_gate", "room_warmup"),
    ("scoring", "store", "content", "settings", "typed_text", "markup", "locations", "groups", "data_sources"),
    ("wording", "csv_cells", "room_queue", "schema", "template_cache"),
)


def _imports(path: Path) -> set[str]:
    """The workshop_kit top-level names a module imports, relative or absolute."""
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if path.name == "__init__.py":
        package += ".__init__"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: -node.level]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            else:
                names = [node.module or ""]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "workshop_kit" and len(parts) > 1:
                found.add(parts[1])
    return found


def _layer(top: str) -> int | None:
    return next((n for n, names in enumerate(LAYERS) if top.removesuffix(".py") in names), None)


def test_the_registry_is_the_list_of_steps_and_the_start_page_agrees() -> None:
    """Is every step folder in the registry once (as a step, or as a page beside the steps), in start_page.json's
    order, with nothing left over?"""
    ids = [step.id for step in steps.STEPS]
    assert sorted(ids + SIDE_PAGES) == STEP_FOLDERS
    assert len(set(ids + SIDE_PAGES)) == len(ids + SIDE_PAGES)
    assert ids == [entry.id for entry in content.start_page().steps]
    assert [entry.id for entry in steps.listed()] == ids


@pytest.mark.parametrize("folder", STEP_FOLDERS)
def test_each_step_folder_holds_its_page_record_and_progress(folder: str) -> None:
    """Does each folder have page.py, record.py and progress.py (a page beside the steps has no progress of its
    own), with ipywidgets imported by the page alone (and ``parts.py``, the classes a long page is laid out from)?"""
    here = PACKAGE / "steps" / folder
    needed = {"page.py", "record.py", "__init__.py"} | (set() if folder in SIDE_PAGES else {"progress.py"})
    assert needed <= {p.name for p in here.iterdir()}
    for module in here.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        uses_widgets = any(name.split(".")[0] == "ipywidgets" for name in imported)
        assert not uses_widgets or module.name in ("page.py", "parts.py"), module


def test_no_module_finds_steps_at_run_time() -> None:
    """No pkgutil or getattr discovery: the registry is read, never searched for."""
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "pkgutil" not in text, path
        assert "iter_modules" not in text, path


def test_no_import_runs_back_up_from_a_lower_layer_to_a_higher_one() -> None:
    """Does every module import only from its own layer or the layers below it?"""
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if parts[0] in ("course", "templates") or len(parts) == 1 and parts[0] == "__init__.py":
            continue
        mine = _layer(parts[0])
        assert mine is not None, f"{path} is in no layer: add its folder to LAYERS"
        for top in _imports(path):
            theirs = _layer(top)
            if theirs is not None and theirs < mine:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {top}")
    assert wrong == []
