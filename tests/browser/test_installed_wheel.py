"""The kit installed from its wheel into a fresh venv serves the course, found as package data.

Installing every dependency from the mirrors takes minutes, so the fresh venv
borrows them instead: a ``.pth`` file points at a folder of links to this
environment's installed packages, leaving out everything of workshop_kit (its
editable-install hook included), and the dependencies' Jupyter data files
(Voila's templates, kernel specs) are linked into the venv's prefix, where an
installation would have put them. pip then installs the wheel with
``--no-index``: it must find every requirement the wheel declares already
met, and copies the kit itself in from the wheel alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from kiosk_support import WIDGET_TIMEOUT, _free_port

from workshop_kit import content
from workshop_kit.release.project import read_project
from workshop_kit.release.wheel import build_wheel

pytestmark = pytest.mark.release
ROOT = Path(__file__).resolve().parents[2]
STEP = content.start_page().steps[0]
FIRST_ITEM = content.sorting_exercise("outputs_outcomes_impact").items[0].text


def _run(*args: str | Path, cwd: Path) -> str:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _borrowed_dependencies(folder: Path) -> Path:
    """Links to this environment's installed packages, without any trace of workshop_kit."""
    folder.mkdir()
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.startswith(("workshop_kit", "__editable__")) or entry.suffix == ".pth":
            continue
        (folder / entry.name).symlink_to(entry)
    return folder


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A new venv holding the kit from a freshly built wheel, and a folder outside the source tree."""
    tmp = tmp_path_factory.mktemp("wheel-install")
    wheel, problems = build_wheel(ROOT, tmp / "wheel", read_project(ROOT).source_date_epoch)
    assert wheel is not None, problems
    venv = tmp / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp).strip())
    (purelib / "_borrowed_dependencies.pth").write_text(f"{_borrowed_dependencies(tmp / 'dependencies')}\n", encoding="utf-8")
    for data in ("share/jupyter", "etc/jupyter"):
        source = Path(sys.prefix) / data
        if source.is_dir():
            (venv / data).parent.mkdir(parents=True, exist_ok=True)
            (venv / data).symlink_to(source)
    _run(sys.executable, "-m", "pip", "--disable-pip-version-check", "--python", python, "install", "--no-index", "-q", wheel, cwd=tmp)
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return {"venv": venv, "python": python, "purelib": purelib, "elsewhere": elsewhere}


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WORKSHOP_KIT_DATA", "VIRTUAL_ENV", "QUERY_STRING")}
    return {**env, "PYTHONNOUSERSITE": "1", **extra}


def test_the_installed_kit_is_the_wheels_copy_with_the_course_inside(fresh_venv) -> None:
    """Run from outside the source tree, is workshop_kit the venv's copy, finding notebooks and datasets inside itself?"""
    probe = (
        "import json, importlib.metadata, workshop_kit\n"
        "from workshop_kit import locations\n"
        "from workshop_kit.steps.indicators import logic as indicators\n"
        "print(json.dumps({'module': workshop_kit.__file__, 'packaged': locations.is_packaged(), 'source': str(locations.source_root()),"
        " 'notebooks': sorted(p.name for p in locations.notebooks_dir().glob('*.ipynb')), 'notebooks_dir': str(locations.notebooks_dir()),"
        " 'dashboard': sorted(p.name for p in locations.dashboard_dir().glob('*.ipynb')), 'datasets_dir': str(locations.datasets_dir()),"
        " 'rows': len(indicators.dataset()), 'version': importlib.metadata.version('workshop-kit')}))\n"
    )
    done = subprocess.run([fresh_venv["python"], "-c", probe], cwd=fresh_venv["elsewhere"], env=_clean_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    package = fresh_venv["purelib"] / "workshop_kit"
    assert Path(found["module"]) == package / "__init__.py"
    assert found["packaged"] is True and found["source"] == "None"
    assert Path(found["notebooks_dir"]) == package / "course" / "notebooks"
    assert Path(found["datasets_dir"]) == package / "course" / "datasets"
    assert found["notebooks"] == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert found["dashboard"] == ["dashboard.ipynb"] and found["rows"] > 0
    assert found["version"] == read_project(ROOT).version
    assert str(ROOT) not in found["module"]


def _kernel_pythons(process: psutil.Process) -> list[str]:
    found = []
    for child in process.children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                found.append(child.cmdline()[0])
        except psutil.NoSuchProcess:
            continue
    return found


def test_the_installed_kiosk_serves_a_step_page(fresh_venv, page) -> None:
    """Does the venv's `workshop-kit kiosk` serve a step page whose widgets render, from a kernel of the venv's Python?"""
    port = _free_port()
    log_path = fresh_venv["elsewhere"] / "kiosk.log"
    with log_path.open("w") as log:
        kiosk = subprocess.Popen(
            [fresh_venv["venv"] / "bin" / "workshop-kit", "kiosk", "--port", str(port), "--data", "data", "--pool-size", "0"],
            cwd=fresh_venv["elsewhere"],
            env=_clean_env(WORKSHOP_KIT_SESSION="wheel-test"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/voila/render/{STEP.notebook}"
        deadline = time.monotonic() + 60
        while "is running at" not in log_path.read_text(encoding="utf-8"):
            assert kiosk.poll() is None and time.monotonic() < deadline, log_path.read_text(encoding="utf-8")
            time.sleep(0.25)
        with urllib.request.urlopen(url, timeout=120) as response:
            assert response.status == 200
            html = response.read().decode("utf-8")
        assert "application/vnd.jupyter.widget-view+json" in html and "Traceback" not in html
        pythons = _kernel_pythons(psutil.Process(kiosk.pid))
        assert pythons and all(Path(p) == fresh_venv["python"] for p in pythons), pythons
        page.goto(f"{url}?group=Wheel+Table")
        page.get_by_text(FIRST_ITEM).first.wait_for(timeout=WIDGET_TIMEOUT)
        assert page.locator(".kit-notice-success").count() >= 1
        assert "Traceback" not in log_path.read_text(encoding="utf-8")
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(timeout=20)
        except subprocess.TimeoutExpired:
            kiosk.kill()
