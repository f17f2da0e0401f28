"""Building the wheel that goes into a release, with the ``build`` package.

``python -m build`` makes the source distribution first and the wheel from
it, so the wheel holds only what a clean checkout holds (no stale ``build/``
folder), including the course folders ``setup.py`` copies in. The wheel's
timestamps are the release's source date, so one commit gives one wheel.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_wheel(root: Path, target: Path, source_date_epoch: int) -> tuple[Path | None, list[str]]:
    """Build the checkout's wheel into ``target``; the wheel's path, or None and the problems."""
    if importlib.util.find_spec("build") is None:
        return None, ["The 'build' package is not installed here: run `make install`, which installs the kit's release tools."]
    with tempfile.TemporaryDirectory(prefix="workshop-kit-wheel-") as scratch:
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch)}
        done = subprocess.run([sys.executable, "-m", "build", "--outdir", scratch, str(root)], capture_output=True, text=True, env=env, cwd=scratch)
        wheels = sorted(Path(scratch).glob("*.whl"))
        if done.returncode != 0 or len(wheels) != 1:
            last = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()][-3:]
            return None, ["The wheel did not build: " + " / ".join(last)]
        target.mkdir(parents=True, exist_ok=True)
        built = target / wheels[0].name
        shutil.copyfile(wheels[0], built)
    return built, []
