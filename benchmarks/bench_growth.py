"""How cost grows: nbval over every notebook, the write-up of a synthetic day, and (optionally) make test.

Run: python benchmarks/bench_growth.py [--tables 1 10] [--repeat 3] [--no-nbval] [--make-test]

- nbval: the same command as ``make test-notebooks``, timed from start to end.
- export: a synthetic day (``_synthetic_day.py``: table 1 answers every step through the
  pages, the other tables get copies of its rows through the store) is written up with
  ``workshop-kit export`` in each format, as a facilitator would; the median of
  ``--repeat`` runs, with the file size.
- make test: only with ``--make-test`` (it takes several minutes, so ``make bench``
  leaves it to ``make bench-suite``); the pytest summary line is kept with the time.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import ROOT, log, machine, save_result  # noqa: E402

NBVAL = ["--nbval", "notebooks", "dashboard", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg", "--nbval-current-env"]
SESSION = "synthetic-day"
FORMATS = ("docx", "html", "csv")


def _summary_line(output: str) -> str:
    lines = [line.strip("= ").strip() for line in output.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    return lines[-1] if lines else "no pytest summary found"


def time_command(command: list[str], env: dict[str, str] | None = None) -> tuple[float, str, int]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    return time.perf_counter() - started, done.stdout + done.stderr, done.returncode


def day_data(tables: int, folder: Path) -> tuple[int, float]:
    """Make the synthetic day in a fresh process (so its pages and widgets are not left in this one)."""
    script = f"import sys; sys.path.insert(0, 'benchmarks'); from pathlib import Path; from _synthetic_day import fill_day; print(fill_day(Path({str(folder)!r}), {SESSION!r}, {tables}))"
    seconds, output, code = time_command([sys.executable, "-c", script])
    if code != 0:
        raise RuntimeError(f"could not make the synthetic day:\n{output[-3000:]}")
    return int(output.strip().splitlines()[-1]), seconds


def time_exports(tables: int, repeat: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        folder = Path(tmp)
        rows, made_in = day_data(tables, folder)
        log(f"  synthetic day: {tables} tables, {rows} rows (made in {made_in:.1f} s)")
        found: dict = {"tables": tables, "rows": rows, "formats": {}}
        for fmt in FORMATS:
            out = folder / f"day.{fmt}"
            times = []
            for _ in range(repeat):
                seconds, output, code = time_command([sys.executable, "-m", "workshop_kit.cli", "export", "--session", SESSION, "--format", fmt, "--data", str(folder), "--out", str(out)])
                if code != 0:
                    raise RuntimeError(f"export {fmt} failed:\n{output[-3000:]}")
                times.append(seconds)
            found["formats"][fmt] = {"median_s": round(statistics.median(times), 2), "runs_s": [round(t, 2) for t in times], "bytes": out.stat().st_size}
            log(f"  export {fmt}: {found['formats'][fmt]['median_s']} s, {out.stat().st_size:,} bytes")
        return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, nargs="*", default=[1, 10], help="synthetic days to write up (default 1 and 10 tables)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each export (default 2)")
    parser.add_argument("--no-nbval", action="store_true", help="skip timing nbval")
    parser.add_argument("--make-test", action="store_true", help="also time the whole of 'make test' (several minutes)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    before = machine()
    figures: dict = {"load_average_before": before["load_average"]}
    if not args.no_nbval:
        log("nbval over every notebook")
        seconds, output, code = time_command([sys.executable, "-m", "pytest", *NBVAL, "-q", "-p", "no:cacheprovider"])
        figures["nbval"] = {"seconds": round(seconds, 1), "summary": _summary_line(output), "ok": code == 0}
        log(f"  {seconds:.1f} s: {figures['nbval']['summary']}")
    figures["exports"] = []
    for tables in args.tables:
        log(f"write-up of a synthetic day with {tables} table(s)")
        figures["exports"].append(time_exports(tables, args.repeat))
    if args.make_test:
        log("make test")
        seconds, output, code = time_command(["make", "test"])
        failed = sorted({line.split(" - ")[0].removeprefix("FAILED ") for line in output.splitlines() if line.startswith("FAILED ")})
        figures["make_test"] = {"seconds": round(seconds, 1), "summary": _summary_line(output), "ok": code == 0, "failed": failed}
        log(f"  {seconds:.1f} s: {figures['make_test']['summary']}")
    name = "growth_suite" if args.make_test and args.no_nbval and not args.tables else "growth"
    command = " ".join(["python", "benchmarks/bench_growth.py", *(sys.argv[1:] if argv is None else argv)])
    path = save_result(name, command, figures, started)
    log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
