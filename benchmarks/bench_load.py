"""Load: 10, 20, 30 (and more) participants opening a step and answering at once, on one kiosk.

Run: python benchmarks/bench_load.py [--participants 10 20 30] [--beyond 40 50] [--window 20] [--burst 30]

Each participant is a light client (``tests/browser/widget_client.py``) that drives the Jupyter kernel
websocket and the ipywidgets 8 protocol the way a browser tab does, so 30 of them measure
the server, not 30 browsers. The participants of a round open the same step (the moment
a facilitator says "open step 1"), arriving evenly over ``--window`` seconds, and each
answers ``--answers`` statements with 1 to 3 seconds of thought between answers.

For each round: the 95th percentile time to interactive (page requested until the
widget models have arrived), the 95th percentile feedback latency (answer sent until
the kernel updates a feedback area), errors, and the peak memory of the kiosk process
plus all its kernel processes (RSS sum and USS sum; USS counts only memory a process
does not share, so it is the honest total). While the largest round is under way, one
real Chromium page opens the same step and its time to interactive is taken with the
same definition as ``bench_pages.py``. ``--burst`` adds a round where everyone arrives
within the same second. Rounds beyond 30 look for where it breaks.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    log,
    machine,
    memory,
    save_result,  # noqa: E402
    start_kiosk,
    stop_kiosk,
    summary,
    wait_preheated,
    wait_quiet,
)
from widget_client import Participant  # noqa: E402 - tests/browser/widget_client.py, on the path via _support

PROBE = (Path(__file__).resolve().parent / "_page_probe.js").read_text(encoding="utf-8")
NOTEBOOK = "01_outputs_outcomes_impact.ipynb"
TARGET_TTI_P95 = 5.0
TARGET_FEEDBACK_P95_MS = 150
TARGET_MEMORY_GIB = 5.0


async def _participant(base: str, notebook: str, table: str, delay: float, answers: int, rng: random.Random) -> Participant:
    await asyncio.sleep(delay)
    person = Participant(base, notebook, table)
    try:
        await person.open()
        cards = person.choice_cards()
        if not cards:
            raise RuntimeError(f"no choice cards on {notebook}")
        for number in range(answers):
            await asyncio.sleep(rng.uniform(1.0, 3.0))
            model_id, labels = cards[number % len(cards)]
            await person.choose(model_id, rng.randrange(len(labels)))
    except Exception as problem:  # noqa: BLE001 - a participant who gets nothing is a figure too
        person.error = f"{type(problem).__name__}: {problem}"[:200]
    return person


async def _watch_memory(kiosk: Any, peak: dict[str, float], stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        sample = await loop.run_in_executor(None, memory, kiosk)
        for key in ("rss_mib", "uss_mib", "kernels"):
            peak[key] = max(peak.get(key, 0), sample[key])
        try:
            await asyncio.wait_for(stop.wait(), 1.0)
        except asyncio.TimeoutError:
            pass


async def _browser_page(base: str, notebook: str, delay: float) -> float | None:
    """One real Chromium tab opening the step while the round is under way; seconds to interactive."""
    from playwright.async_api import async_playwright

    started = time.perf_counter()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = await browser.new_context(viewport={"width": 1200, "height": 900})
            await context.add_init_script(PROBE)
            warm = await context.new_page()  # the start page first, like a participant: the cache holds the scripts
            await warm.goto(f"{base}/voila/render/00_start.ipynb", wait_until="commit")
            await warm.wait_for_function("window.__kitInteractive !== undefined", timeout=300_000, polling=50)
            await warm.close(run_before_unload=True)
            await asyncio.sleep(max(0.0, delay - (time.perf_counter() - started)))
            tab = await context.new_page()
            await tab.goto(f"{base}/voila/render/{notebook}?group=Browser+During+Load", wait_until="commit")
            try:
                await tab.wait_for_function("window.__kitInteractive !== undefined", timeout=180_000, polling=50)
            except Exception:
                log(f"  Chromium page during load never became interactive: {await tab.evaluate('window.__kitState()')}")
                raise
            seconds = await tab.evaluate("window.__kitInteractive") / 1000
            await tab.close(run_before_unload=True)
            return seconds
        except Exception as problem:  # noqa: BLE001
            log(f"  Chromium page during load failed: {type(problem).__name__}: {str(problem).splitlines()[0]}")
            return None
        finally:
            await browser.close()


def cpu_seconds(kiosk: Any) -> tuple[float, float]:
    """CPU seconds used so far by the kiosk's server process, and by kernels (running ones and those it has reaped)."""
    server = psutil.Process(kiosk.process.pid)
    times = server.cpu_times()
    kernels = times.children_user + times.children_system
    for process in kiosk.kernel_processes():
        try:
            used = process.cpu_times()
            kernels += used.user + used.system
        except psutil.Error:
            continue
    return times.user + times.system, kernels


async def run_round(kiosk: Any, count: int, window: float, answers: int, seed: int, with_browser: bool, notebook: str) -> dict[str, Any]:
    rng = random.Random(seed)
    server_before, kernels_before = cpu_seconds(kiosk)
    peak: dict[str, float] = {}
    stop = asyncio.Event()
    watcher = asyncio.ensure_future(_watch_memory(kiosk, peak, stop))
    started = time.perf_counter()
    tasks = [
        # a table name of its own in every round: a name seen before brings back its saved choices, and
        # choosing the option already chosen changes nothing, so no feedback would ever come
        _participant(kiosk.url, notebook, f"Load round {seed} Table {n}", window * n / count, answers, random.Random(rng.random()))
        for n in range(count)
    ]
    browser_task = asyncio.ensure_future(_browser_page(kiosk.url, notebook, window + 2.0)) if with_browser else None
    people = await asyncio.gather(*tasks)
    browser_seconds = await browser_task if browser_task else None
    elapsed = time.perf_counter() - started
    server_after, kernels_after = cpu_seconds(kiosk)
    stop.set()
    await watcher
    await asyncio.gather(*(person.close() for person in people))
    tti = [p.interactive_seconds for p in people if p.interactive_seconds is not None]
    html = [p.html_seconds for p in people if p.html_seconds is not None]
    feedback = [s * 1000 for p in people for s in p.feedback_seconds]
    errors = [p.error for p in people if p.error]
    return {
        "participants": count,
        "arrival_window_s": window,
        "answers_each": answers,
        "tti_s": summary(tti),
        "page_html_s": summary(html),
        "feedback_ms": summary(feedback),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:3],
        "peak_rss_mib": round(peak.get("rss_mib", 0)),
        "peak_uss_mib": round(peak.get("uss_mib", 0)),
        "peak_kernels": int(peak.get("kernels", 0)),
        "chromium_tti_s": None if browser_seconds is None else round(browser_seconds, 3),
        "round_seconds": round(elapsed, 1),
        "server_cpu_s": round(server_after - server_before, 1),
        "kernels_cpu_s": round(kernels_after - kernels_before, 1),
    }


def _settle(kiosk: Any, kernels: int, timeout: float = 180) -> None:
    """Wait until only the pooled kernels are left, each ready for a visitor."""
    if not wait_preheated(kiosk, kernels, timeout=timeout):
        log(f"  the kiosk did not settle back to {kernels} ready kernels within {timeout:.0f} s")
    wait_quiet(kiosk, timeout=10)


def _passes(row: dict[str, Any]) -> bool:
    return row["errors"] == 0 and (row["tti_s"]["p95"] or 1e9) < TARGET_TTI_P95 and (row["feedback_ms"]["p95"] or 1e9) <= TARGET_FEEDBACK_P95_MS and row["peak_uss_mib"] < TARGET_MEMORY_GIB * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="*", default=[10, 20, 30, 30, 30], help="round sizes (default 10 20 30 30 30: the 2-core target is run three times, as it sits at the edge)")
    parser.add_argument("--beyond", type=int, nargs="*", default=[45, 60], help="larger rounds, to find where it breaks")
    parser.add_argument("--burst", type=int, nargs="*", default=[30], help="rounds where everyone arrives in the same second")
    parser.add_argument("--window", type=float, default=20.0, help="seconds over which a round's participants arrive (default 20)")
    parser.add_argument("--answers", type=int, default=5, help="answers per participant (default 5)")
    parser.add_argument("--pool-size", type=int, default=1, help="the kiosk's --pool-size (default 1, the kit's default)")
    parser.add_argument("--notebook", default=NOTEBOOK, help=f"the step everyone opens (default {NOTEBOOK})")
    args = parser.parse_args(argv)
    started = time.monotonic()
    before = machine()
    rounds: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        kiosk = start_kiosk(Path(tmp), pool_size=args.pool_size)
        try:
            idle = memory(kiosk)
            pooled = idle["kernels"]
            log(f"idle kiosk: {pooled} pooled kernels, RSS {idle['rss_mib']:.0f} MiB, USS {idle['uss_mib']:.0f} MiB")
            largest = max(args.participants) if args.participants else None
            plan = [(n, args.window, n == largest) for n in args.participants] + [(n, 0.0, False) for n in args.burst] + [(n, args.window, False) for n in args.beyond]
            for number, (count, window, with_browser) in enumerate(plan):
                log(f"round: {count} participants arriving over {window:.0f} s")
                row = asyncio.run(run_round(kiosk, count, window, args.answers, 1000 + number, with_browser, args.notebook))
                row["passes"] = _passes(row)
                rounds.append(row)
                log(
                    f"  TTI p95 {row['tti_s']['p95']} s (median {row['tti_s']['median']}), feedback p95 {row['feedback_ms']['p95']} ms, "
                    f"CPU: server {row['server_cpu_s']} s, kernels {row['kernels_cpu_s']} s in {row['round_seconds']} s; "
                    f"errors {row['errors']}, peak USS {row['peak_uss_mib']} MiB (RSS {row['peak_rss_mib']}), "
                    f"Chromium {row['chromium_tti_s']}"
                )
                _settle(kiosk, pooled)
        finally:
            stop_kiosk(kiosk)
    figures = {
        "targets": {"tti_p95_s": TARGET_TTI_P95, "feedback_p95_ms": TARGET_FEEDBACK_P95_MS, "memory_gib": TARGET_MEMORY_GIB},
        "notebook": args.notebook,
        "pool_size": args.pool_size,
        "idle": {"rss_mib": round(idle["rss_mib"]), "uss_mib": round(idle["uss_mib"]), "kernels": idle["kernels"]},
        "rounds": rounds,
        "load_average_before": before["load_average"],
    }
    command = " ".join(["python", "benchmarks/bench_load.py", *(sys.argv[1:] if argv is None else argv)])
    path = save_result("load" if args.pool_size == 1 else f"load_pool{args.pool_size}", command, figures, started)
    log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
