"""Time to interactive of every page in headless Chromium: preheated, cold, and a static floor.

Run: python benchmarks/bench_pages.py [--warm-runs N] [--cold-runs N] [--pages 00_start.ipynb ...]

"Interactive" is defined in ``_page_probe.js``: the page's first control is attached,
visible and enabled, and the page's kernel websocket is open and has delivered a
message, so a click would reach Python. Time counts from navigation start.

- preheated: a kiosk with ``--pool-size 1``; before each visit the page's pool has been
  refilled and every kernel has gone quiet (its page is built up to the visitor).
- cold: a kiosk with ``--pool-size 0``; every visit starts a kernel and runs the page.
- static floor: the same visible text and controls as plain HTML (no scripts, no kernel),
  served by Python's http.server on the same machine.

Each visit is a new tab in one browser context whose cache already holds the kit's
scripts (a participant who has opened one page); the start page is also measured in a
fresh context (an empty cache: the first page a device opens). Tabs are closed the way a
participant closes them, so the kit shuts their kernels down.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import (
    PAGES,
    _free_port,
    launch_chromium,
    log,
    machine,
    save_result,  # noqa: E402
    start_kiosk,
    stop_kiosk,
    summary,
    wait_for_refill,
    wait_quiet,
)

PROBE = (Path(__file__).resolve().parent / "_page_probe.js").read_text(encoding="utf-8")
STATIC_MARK = "kit-static"
TARGET_WARM_SECONDS = 1.0
TABLE = "Bench Table"


def page_url(base: str, notebook: str, run: int) -> str:
    return f"{base}/voila/render/{notebook}?group={TABLE.replace(' ', '+')}+{run}"


def visit(context: Any, url: str, timeout_ms: int = 120_000) -> dict[str, Any]:
    """Open ``url`` in a new tab; return seconds to interactive, the kernel id and the first control."""
    tab = context.new_page()
    try:
        tab.goto(url, wait_until="commit", timeout=timeout_ms)
        tab.wait_for_function("window.__kitInteractive !== undefined", timeout=timeout_ms, polling=50)
        found = tab.evaluate("({at: window.__kitInteractive, control: window.__kitFirstControl})")
        kernel = tab.evaluate("(() => { const el = document.getElementById('jupyter-config-data'); return el ? JSON.parse(el.textContent).kernelId : null; })()")
        return {"seconds": found["at"] / 1000, "control": found["control"], "kernel": kernel, "tab": tab}
    except Exception as problem:  # noqa: BLE001 - a page that never becomes usable is a figure too
        log(f"  {url}: not interactive ({type(problem).__name__}: {str(problem).splitlines()[0]})")
        return {"seconds": None, "control": None, "kernel": None, "tab": tab}


def static_copy(tab: Any) -> str:
    """The page's rendered text and controls as plain HTML: no scripts, styles or kernel."""
    body = tab.evaluate(
        """() => {
            const root = document.getElementById('rendered_cells').cloneNode(true);
            root.querySelectorAll('script, style, link').forEach((el) => el.remove());
            root.querySelectorAll('img').forEach((el) => el.removeAttribute('src'));
            root.removeAttribute('style');
            return root.outerHTML;
        }"""
    )
    title = tab.title()
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>\n'


def kernel_cost(kiosk: Any, kernel_id: str | None) -> dict[str, float] | None:
    """CPU seconds the page's kernel has used so far, and its unique memory (USS, MiB).

    CPU seconds hardly change with how busy the machine is, so they compare runs taken at
    different times more fairly than wall-clock seconds do.
    """
    if not kernel_id:
        return None
    for process in kiosk.kernel_processes():
        try:
            if kernel_id in " ".join(process.cmdline()):
                times = process.cpu_times()
                return {"cpu_s": times.user + times.system, "uss_mib": process.memory_full_info().uss / 2**20}
        except Exception:  # noqa: BLE001 - the process may have just gone
            return None
    return None


def close(kiosk: Any, result: dict[str, Any]) -> None:
    """Close the tab as a participant would, and wait until its kernel has gone."""
    result["tab"].close(run_before_unload=True)
    if result["kernel"]:
        kiosk.wait_until_gone(result["kernel"], timeout=30)


def measure_warm(browser: Any, tmp: Path, pages: list[str], runs: int) -> tuple[dict, dict, dict[str, str]]:
    kiosk = start_kiosk(tmp / "warm", pool_size=1)
    times: dict[str, list[float]] = {page: [] for page in pages}
    first_visit: list[float] = []
    statics: dict[str, str] = {}
    controls: dict[str, str] = {}
    takes = {page: 0 for page in PAGES}
    try:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.add_init_script(PROBE)
        warmup = visit(context, page_url(kiosk.url, PAGES[0], 999))  # fill the browser cache
        takes[PAGES[0]] = takes.get(PAGES[0], 0) + 1
        close(kiosk, warmup)
        for run in range(runs):
            if "00_start.ipynb" in pages:  # an empty cache: the first page a device opens
                wait_for_refill(kiosk, "00_start.ipynb", takes["00_start.ipynb"] + 1)
                fresh = browser.new_context(viewport={"width": 1200, "height": 900})
                fresh.add_init_script(PROBE)
                result = visit(fresh, page_url(kiosk.url, "00_start.ipynb", 900 + run))
                takes["00_start.ipynb"] += 1
                if result["seconds"] is not None:
                    first_visit.append(result["seconds"])
                close(kiosk, result)
                fresh.close()
            for page in pages:
                wait_for_refill(kiosk, page, takes[page] + 1)
                result = visit(context, page_url(kiosk.url, page, run))
                takes[page] += 1
                if result["seconds"] is not None:
                    times[page].append(result["seconds"])
                    controls[page] = result["control"]
                    if page not in statics:
                        statics[page] = static_copy(result["tab"])
                log(f"  preheated {page} run {run + 1}: {result['seconds']}")
                close(kiosk, result)
        context.close()
    finally:
        stop_kiosk(kiosk)
    return times, {"start_page_empty_cache": first_visit, "first_controls": controls}, statics


BARE_NOTEBOOK = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "bare", "metadata": {}, "outputs": [], "source": ["import ipywidgets\n", "ipywidgets.IntText(description='One widget')"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def measure_bare(browser: Any, tmp: Path, runs: int) -> list[float]:
    """Plain ``voila`` (its defaults) serving one notebook with one text box, visited like the kit's pages."""
    import json
    import subprocess

    folder = tmp / "bare"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bare.ipynb").write_text(json.dumps(BARE_NOTEBOOK), encoding="utf-8")
    port = _free_port()
    log_path = tmp / "bare.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(folder), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.token="], stdout=log_path.open("w"), stderr=subprocess.STDOUT, cwd=tmp
    )
    times: list[float] = []
    try:
        deadline = time.monotonic() + 120
        while "Voilà is running at" not in log_path.read_text(errors="replace"):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("bare voila did not start")
            time.sleep(0.25)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.add_init_script(PROBE)
        url = f"http://127.0.0.1:{port}/voila/render/bare.ipynb"
        visit(context, url)["tab"].close()  # fill the browser cache, as for the kit's pages
        for run in range(runs):
            result = visit(context, url)
            if result["seconds"] is not None:
                times.append(result["seconds"])
            log(f"  bare Voila run {run + 1}: {result['seconds']}")
            result["tab"].close()
            time.sleep(1)
        context.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return times


def measure_cold(browser: Any, tmp: Path, pages: list[str], runs: int) -> tuple[dict[str, list[float]], dict[str, list[dict]]]:
    kiosk = start_kiosk(tmp / "cold", pool_size=0)
    times: dict[str, list[float]] = {page: [] for page in pages}
    costs: dict[str, list[dict]] = {page: [] for page in pages}
    try:
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.add_init_script(PROBE)
        warmup = visit(context, page_url(kiosk.url, pages[0], 999))  # fill the browser cache
        close(kiosk, warmup)
        for run in range(runs):
            for page in pages:
                wait_quiet(kiosk, timeout=60)
                result = visit(context, page_url(kiosk.url, page, 100 + run))
                if result["seconds"] is not None:
                    times[page].append(result["seconds"])
                    cost = kernel_cost(kiosk, result["kernel"])
                    if cost:
                        costs[page].append(cost)
                log(f"  cold {page} run {run + 1}: {result['seconds']}")
                close(kiosk, result)
        context.close()
    finally:
        stop_kiosk(kiosk)
    return times, costs


def measure_static(browser: Any, tmp: Path, statics: dict[str, str], runs: int) -> dict[str, list[float]]:
    folder = tmp / "static"
    folder.mkdir(parents=True, exist_ok=True)
    for page, text in statics.items():
        (folder / f"{page}.html").write_text(text, encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times: dict[str, list[float]] = {page: [] for page in statics}
    try:
        time.sleep(1.0)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.add_init_script(PROBE.replace("window.__kitStatic = false;", "window.__kitStatic = true;"))
        for _run in range(runs):
            for page in statics:
                result = visit(context, f"http://127.0.0.1:{port}/{page}.html?{STATIC_MARK}")
                if result["seconds"] is not None:
                    times[page].append(result["seconds"])
                result["tab"].close()
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm-runs", type=int, default=4, help="visits per page with preheated kernels (default 4)")
    parser.add_argument("--cold-runs", type=int, default=3, help="visits per page with no pool (default 3)")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="notebooks to measure (default all)")
    parser.add_argument("--bare-runs", type=int, default=4, help="visits to a bare Voila page with one widget, in the same run (default 4)")
    parser.add_argument("--name", default="pages", help="results file name (default pages; use another for a partial run)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    before = machine()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        log(f"preheated: {args.warm_runs} visits per page")
        if args.warm_runs:
            warm, extra, statics = measure_warm(browser, Path(tmp), args.pages, args.warm_runs)
        else:
            warm, extra, statics = {}, {"start_page_empty_cache": [], "first_controls": {}}, {}
        log(f"cold: {args.cold_runs} visits per page")
        cold, costs = measure_cold(browser, Path(tmp), args.pages, args.cold_runs) if args.cold_runs else ({}, {})
        log("bare Voila page with one widget")
        bare = measure_bare(browser, Path(tmp), args.bare_runs) if args.bare_runs else []
        log("static floor")
        static = measure_static(browser, Path(tmp), statics, args.warm_runs)
        browser.close()
    pages = {
        page: {
            "preheated": summary(warm.get(page, [])),
            "cold": summary(cold.get(page, [])),
            "static": summary(static.get(page, [])),
            "first_control": extra["first_controls"].get(page),
            "cold_kernel_cpu_s": summary([c["cpu_s"] for c in costs.get(page, [])]),
            "cold_kernel_uss_mib": summary([c["uss_mib"] for c in costs.get(page, [])]),
            "raw": {"preheated": warm.get(page, []), "cold": cold.get(page, []), "static": static.get(page, [])},
        }
        for page in args.pages
    }
    figures = {
        "target_preheated_median_seconds": TARGET_WARM_SECONDS,
        "pages": pages,
        "start_page_empty_cache": summary(extra["start_page_empty_cache"]),
        "bare_voila": summary(bare),
        "load_average_before": before["load_average"],
        "runs": {"preheated": args.warm_runs, "cold": args.cold_runs, "static": args.warm_runs},
    }
    command = " ".join(["python", "benchmarks/bench_pages.py", *(sys.argv[1:] if argv is None else argv)])
    path = save_result(args.name, command, figures, started)
    for page, row in pages.items():
        print(
            f"{page:<34} preheated {_fmt(row['preheated']['median'])}  cold {_fmt(row['cold']['median'])}  "
            f"static {_fmt(row['static']['median'])}  kernel {row['cold_kernel_cpu_s']['median']} CPU s, "
            f"{row['cold_kernel_uss_mib']['median']} MiB  ({row['first_control']})"
        )
    log(f"wrote {path}")
    return 0


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:5.2f}s"


if __name__ == "__main__":
    raise SystemExit(main())
