"""A whole room at once: 10, 30 and 60 tables opening the same step in the same second, on every step page.

Run: python benchmarks/bench_room.py [--sizes 10 30 60] [--pages 01_... 04_...] [--unforked 30] [--runs-alone 3]

Each table is a light participant (``tests/browser/widget_client.py``: GET the page, open the kernel's
channels, receive every widget model, then answer one choice if the page has one). For each page:

- *alone*: one table opens the page on a settled kiosk (pools warm); the median of ``--runs-alone``;
- *burst N*: N tables open it in the same second; p95 and median time to a working page, errors, and
  the answers that got no feedback (a lost answer); ratio p95 / alone (goal: at most 4);
- memory: the kiosk and every kernel (USS), at the peak of the burst of 30, less the idle kiosk's,
  per table; beside it, the unique memory of a bare Voila kernel (plain ``voila``, a notebook with one
  slider) measured in the same run (goal: at most 1.1 times).

The kiosk runs on its defaults (kernels forked from the warm zygote, ``--pool-size 1``, the cap from
the machine's memory). ``--unforked`` repeats bursts of those sizes with ``--no-fork-kernels`` (every
kernel a new Python, as plain Voila does) on the same pages, for the before-and-after comparison.
Figures go to ``benchmarks/results/room.json``; ``report.py`` puts them in ``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import (
    PAGES,
    log,
    machine,
    memory,
    save_result,
    start_kiosk,  # noqa: E402
    stop_kiosk,
    summary,
    wait_preheated,
    wait_quiet,
)
from widget_client import Participant  # noqa: E402

STEP_PAGES = [page for page in PAGES if page[:2].isdigit() and page[:2] != "00"]
TARGET_RATIO = 4.0
TARGET_MEMORY_RATIO = 1.1
BARE_NOTEBOOK = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "bare", "metadata": {}, "outputs": [], "source": ["import ipywidgets\n", "ipywidgets.IntSlider(description='One widget')"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


async def _table(base: str, page: str, name: str) -> Participant:
    person = Participant(base, page, name)
    try:
        await person.open(timeout=600)
        cards = person.choice_cards()
        if cards:
            model_id, labels = cards[0]
            await person.choose(model_id, 1 % len(labels), timeout=300)
    except Exception as problem:  # noqa: BLE001 - a table that gets nothing is a figure too
        person.error = f"{type(problem).__name__}: {problem}"[:200]
    return person


def kiosk_cpu(kiosk: Any) -> tuple[float, float]:
    """CPU seconds so far: the server's own, and every other process of the kiosk's (kernels, the zygote, and the
    kernels that have exited, which their parent, the server or the zygote, has collected)."""
    server = psutil.Process(kiosk.process.pid)
    times = server.cpu_times()
    others = times.children_user + times.children_system
    for child in server.children(recursive=True):
        try:
            used = child.cpu_times()
            others += used.user + used.system + used.children_user + used.children_system
        except psutil.Error:
            continue
    return times.user + times.system, others


async def _burst(kiosk: Any, page: str, count: int, label: str) -> tuple[list[Participant], dict[str, float]]:
    peak: dict[str, float] = {}
    server_before, others_before = kiosk_cpu(kiosk)
    stop = asyncio.Event()

    async def watch() -> None:
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            sample = await loop.run_in_executor(None, memory, kiosk)
            for key in ("uss_mib", "rss_mib", "kernels"):
                peak[key] = max(peak.get(key, 0), sample[key])
            try:
                await asyncio.wait_for(stop.wait(), 1.0)
            except asyncio.TimeoutError:
                pass

    watcher = asyncio.ensure_future(watch())
    people = await asyncio.gather(*(_table(kiosk.url, page, f"{label} table {n}") for n in range(count)))
    stop.set()
    await watcher
    await asyncio.gather(*(person.close() for person in people))
    server_after, others_after = kiosk_cpu(kiosk)
    peak["server_cpu_s"], peak["kernels_cpu_s"] = server_after - server_before, others_after - others_before
    return people, peak


def _settle(kiosk: Any, pooled: int) -> None:
    if not wait_preheated(kiosk, pooled, timeout=300):
        log(f"  the kiosk did not settle back to {pooled} ready kernels within 300 s")
    wait_quiet(kiosk, timeout=15)


def _row(people: list[Participant], alone: float | None) -> dict[str, Any]:
    tti = [p.interactive_seconds for p in people if p.interactive_seconds is not None and not p.error]
    answered = sum(1 for p in people if p.feedback_seconds)
    asked = sum(1 for p in people if p.choice_cards())
    stats = summary(tti)
    return {
        "tables": len(people),
        "tti_s": stats,
        "errors": sum(1 for p in people if p.error),
        "error_examples": sorted({p.error for p in people if p.error})[:2],
        "answers_sent": asked,
        "answers_without_feedback": asked - answered,
        "ratio_p95_to_alone": None if not (alone and stats["p95"]) else round(stats["p95"] / alone, 2),
    }


def _warm(kiosk: Any, page: str, tables: int, timeout: float = 600) -> float | None:
    """The dashboard's "Get this step ready" for ``tables`` tables; seconds until the kiosk says ready, or None."""
    from workshop_kit import room_warmup

    asked = room_warmup.ask(kiosk.data_dir, page, tables)
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        status = room_warmup.read_status(kiosk.data_dir)
        if status is not None and status.page == page and status.updated >= asked.asked_at and status.state == "ready":
            return round(time.monotonic() - started, 1)
        time.sleep(0.5)
    return None


def _wait_finished(kiosk: Any, page: str, timeout: float = 120) -> None:
    from workshop_kit import room_warmup

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = room_warmup.read_status(kiosk.data_dir)
        if status is not None and status.page == page and status.state == "finished":
            return
        time.sleep(0.5)


def measure_kiosk(tmp: Path, pages: list[str], sizes: list[int], runs_alone: int, *extra: str, warm: bool = False) -> dict[str, Any]:
    kiosk = start_kiosk(tmp, 1, *extra, timeout=600)
    try:
        idle = memory(kiosk)
        pooled = int(idle["kernels"])
        log(f"kiosk {' '.join(extra) or '(defaults)'}: {pooled} pooled kernels, idle USS {idle['uss_mib']:.0f} MiB")
        result: dict[str, Any] = {"options": list(extra), "idle_uss_mib": round(idle["uss_mib"]), "pages": {}}
        for page in pages:
            alone_times = []
            for run in range(runs_alone):
                people, _peak = asyncio.run(_burst(kiosk, page, 1, f"Alone {run} {time.time():.0f}"))
                if people[0].interactive_seconds is not None and not people[0].error:
                    alone_times.append(people[0].interactive_seconds)
                _settle(kiosk, pooled)
            alone = statistics.median(alone_times) if alone_times else None
            rows = []
            for size in sizes:
                warm_s = _warm(kiosk, page, size) if warm else None
                uptime_load = os.getloadavg()[0]
                people, peak = asyncio.run(_burst(kiosk, page, size, f"Burst {size} {time.time():.0f}"))
                if warm:
                    _wait_finished(kiosk, page)
                row = _row(people, alone)
                row["warmed_first_s"] = warm_s
                row["load_average"] = round(uptime_load, 2)
                row["peak_uss_mib"] = round(peak.get("uss_mib", 0))
                row["peak_kernels"] = int(peak.get("kernels", 0))
                row["uss_per_table_mib"] = round((peak.get("uss_mib", 0) - idle["uss_mib"]) / size, 1)
                # what a dedicated 2-core machine would need: CPU seconds per table, in the server and in kernels
                row["server_cpu_s_per_table"] = round(peak["server_cpu_s"] / size, 3)
                row["kernels_cpu_s_per_table"] = round(peak["kernels_cpu_s"] / size, 3)
                rows.append(row)
                log(
                    f"  {page} x{size}: p95 {row['tti_s']['p95']} s (alone {alone and round(alone, 2)} s, ratio "
                    f"{row['ratio_p95_to_alone']}), errors {row['errors']}, answers without feedback "
                    f"{row['answers_without_feedback']}, USS/table {row['uss_per_table_mib']} MiB, CPU/table server "
                    f"{row['server_cpu_s_per_table']} s kernels {row['kernels_cpu_s_per_table']} s, load {row['load_average']}"
                )
                _settle(kiosk, pooled)
            result["pages"][page] = {"alone_s": None if alone is None else round(alone, 3), "bursts": rows}
        return result
    finally:
        stop_kiosk(kiosk)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bare_voila(tmp: Path, runs: int) -> dict[str, Any]:
    """Plain ``voila`` serving one notebook with one slider: its kernel's unique memory and a table's time alone."""
    import json

    folder = tmp / "bare"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bare.ipynb").write_text(json.dumps(BARE_NOTEBOOK), encoding="utf-8")
    port = _free_port()
    log_path = tmp / "bare.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(folder), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.token="], stdout=log_path.open("w"), stderr=subprocess.STDOUT, cwd=tmp
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while "Voilà is running at" not in log_path.read_text(errors="replace"):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"bare voila did not start: {log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.25)
        times, uss = [], []

        async def visit() -> None:
            person = Participant(base, "bare.ipynb", "Bare")
            await person.open(timeout=300)
            times.append(person.interactive_seconds)
            await asyncio.sleep(2)
            for child in psutil.Process(process.pid).children(recursive=True):
                if person.kernel_id and person.kernel_id in " ".join(child.cmdline()):
                    uss.append(child.memory_full_info().uss / 2**20)
            await person.close()

        for _ in range(runs):
            asyncio.run(visit())
            time.sleep(1)
        return {"alone_s": round(statistics.median(times), 3) if times else None, "kernel_uss_mib": round(statistics.median(uss), 1) if uss else None}
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 30, 60])
    parser.add_argument("--pages", nargs="+", default=STEP_PAGES)
    parser.add_argument("--unforked", type=int, nargs="*", default=[30], help="burst sizes repeated with --no-fork-kernels (none: skip)")
    parser.add_argument("--unforked-pages", nargs="*", default=None, help="pages for the unforked bursts (default: --pages)")
    parser.add_argument("--runs-alone", type=int, default=3)
    parser.add_argument("--name", default="room", help="results file name (default room)")
    parser.add_argument("--warm", action="store_true", help="before each burst, get the page ready for that many tables (the dashboard's button) and time it")
    args = parser.parse_args(argv)
    started = time.monotonic()
    before = machine()
    with tempfile.TemporaryDirectory(prefix="bench-room-") as tmp:
        log("bare Voila: one notebook, one slider")
        bare = bare_voila(Path(tmp), 3)
        log(f"  bare kernel USS {bare['kernel_uss_mib']} MiB, a table alone {bare['alone_s']} s")
        forked = measure_kiosk(Path(tmp) / "forked", args.pages, args.sizes, args.runs_alone, warm=args.warm)
        unforked = None
        if args.unforked:
            unforked = measure_kiosk(Path(tmp) / "unforked", args.unforked_pages or args.pages, args.unforked, args.runs_alone, "--no-fork-kernels")
    figures = {
        "targets": {"ratio_p95_to_alone": TARGET_RATIO, "memory_ratio_to_bare": TARGET_MEMORY_RATIO},
        "bare_voila": bare,
        "forked": forked,
        "unforked": unforked,
        "load_average_before": before["load_average"],
        "load_average_after": machine()["load_average"],
    }
    command = " ".join(["python", "benchmarks/bench_room.py", *(sys.argv[1:] if argv is None else argv)])
    path = save_result(args.name, command, figures, started)
    log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
