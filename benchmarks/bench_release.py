"""How long each part of a release takes, and what running notebooks in parallel saves.

Run: python benchmarks/bench_release.py [--jobs 1 2]

Prints seconds (wall clock, and CPU of this process and its children) for the
checks, running the notebooks at each --jobs value, nbval over them, the
guide and handouts, and the wheel. Not a test: figures depend on the machine
and on what else it is doing (the load average is printed with them).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_kit.release.bundle import notebook_jobs  # noqa: E402
from workshop_kit.release.checks import run_checks  # noqa: E402
from workshop_kit.release.guide_html import write_guide  # noqa: E402
from workshop_kit.release.handouts import write_handouts  # noqa: E402
from workshop_kit.release.notebooks import execute, nbval  # noqa: E402
from workshop_kit.release.project import read_project  # noqa: E402
from workshop_kit.release.wheel import build_wheel  # noqa: E402
from workshop_kit.settings import ReleaseSettings  # noqa: E402


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, action) -> object:
    wall, cpu = time.perf_counter(), _cpu()
    result = action()
    print(f"{label:<44}{time.perf_counter() - wall:>8.1f} s wall {_cpu() - cpu:>8.1f} s CPU")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time the notebook runs with")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    project = read_project(ROOT)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        failures = timed("checks (content, sums, guide, changelog)", lambda: run_checks(ROOT))
        if failures:
            print("The checks fail; fix them first:", *failures, sep="\n")
            return 1
        jobs = []
        for count in args.jobs:
            jobs = notebook_jobs(ROOT, folder / f"jobs-{count}")
            problems = timed(f"{len(jobs)} notebooks, {count} at a time", lambda: execute(jobs, ReleaseSettings(jobs=count)))
            if problems:
                print(*problems, sep="\n")
                return 1
        settings = ReleaseSettings(jobs=max(args.jobs))
        timed(f"nbval over them, {settings.jobs} runs at once", lambda: nbval([j.target for j in jobs], ROOT, settings, jobs[0].target.parents[1]))
        timed("guide HTML and handouts", lambda: (write_guide(ROOT / "facilitator_guide", folder / "guide", project.version), write_handouts(folder / "handouts", project.version)))
        timed("wheel (sdist, then wheel)", lambda: build_wheel(ROOT, folder / "wheel", project.source_date_epoch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
