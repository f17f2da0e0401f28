"""What every benchmark shares: a real kiosk to measure, Debian's Chromium, memory, the machine, results.

The kiosk is the one the browser tests start (``tests/browser/kiosk_support.py``)
and Chromium gets the browser tests' launch arguments, so a benchmark measures
what the tests check. Each script saves its figures as JSON in
``benchmarks/results/``; ``report.py`` turns them into ``RESULTS.md``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import psutil

ROOT = Path(__file__).resolve().parents[1]
BROWSER_TESTS = ROOT / "tests" / "browser"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
SESSION = "bench"


def _exit_on_terminate(_signal: int, _frame: Any) -> None:
    raise SystemExit(143)  # so `finally` blocks stop the kiosks this run started


signal.signal(signal.SIGTERM, _exit_on_terminate)

sys.path.insert(0, str(BROWSER_TESTS))
from kiosk_support import NOTEBOOKS, Kiosk, _free_port, stop_kiosk  # noqa: E402


def _browser_conftest() -> Any:
    """The browser tests' conftest, loaded under its own name (the root conftest.py has the plain one)."""
    spec = importlib.util.spec_from_file_location("browser_conftest", BROWSER_TESTS / "conftest.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


_conftest = _browser_conftest()
CHROMIUM: str = _conftest.CHROMIUM
CHROMIUM_ARGS: list[str] = _conftest.CHROMIUM_ARGS
PAGES = [path.name for path in NOTEBOOKS]

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Kiosk", "NOTEBOOKS", "PAGES", "ROOT", "stop_kiosk"]


# -- the kiosk ------------------------------------------------------------------------------


def start_kiosk(tmp: Path, pool_size: int, *extra: str, timeout: float = 240) -> Kiosk:
    """A real ``workshop-kit kiosk`` on a free port; returns once every pool is warm and quiet.

    With ``pool_size`` 0 there is no pool: it returns once the server answers.
    """
    port = _free_port()
    tmp.mkdir(parents=True, exist_ok=True)
    data_dir = tmp / "data"
    log_path = tmp / "kiosk.log"
    env = {**os.environ, "WORKSHOP_KIT_SESSION": SESSION}
    env.pop("WORKSHOP_KIT_DATA", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop_kit.cli", "kiosk", "--port", str(port), "--data", str(data_dir), "--pool-size", str(pool_size), *extra],
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )
    kiosk = Kiosk(f"http://127.0.0.1:{port}", data_dir, process, log_path)
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"kiosk exited early:\n{kiosk.log()}")
        log = kiosk.log()
        if pool_size == 0 and "Voilà is running at" in log:
            return kiosk
        if pool_size > 0 and all(pool_refills(log, page) >= 1 for page in PAGES):
            wait_preheated(kiosk, len(PAGES) * pool_size, timeout=max(5.0, deadline - time.monotonic()))
            wait_quiet(kiosk, timeout=10)
            return kiosk
        if time.monotonic() > deadline:
            stop_kiosk(kiosk)
            raise RuntimeError(f"kiosk did not start within {timeout:.0f} s:\n{log[-3000:]}")
        time.sleep(0.25)


def pool_refills(log: str, page: str) -> int:
    """How often Voila has said the pool of ``page`` is full (once at start, then after each take)."""
    return log.count(f"Kernel pool of {page} is filled")


def kiosk_processes(kiosk: Kiosk) -> list[psutil.Process]:
    """The kiosk's server process and every process it started (kernels)."""
    try:
        server = psutil.Process(kiosk.process.pid)
        return [server, *server.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def wait_quiet(kiosk: Kiosk, timeout: float = 60, busy_percent: float = 8.0, window: float = 0.4) -> float:
    """Wait until the kiosk and its kernels together use less than ``busy_percent`` of one core.

    A preheated kernel runs its page up to the point where it waits for a visitor; when the
    processes go quiet, every pool is really warm. Returns the seconds waited.
    """
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        processes = kiosk_processes(kiosk)
        for process in processes:
            try:
                process.cpu_percent(None)
            except psutil.Error:
                pass
        time.sleep(window)
        total = 0.0
        for process in processes:
            try:
                total += process.cpu_percent(None)
            except psutil.Error:
                pass
        if total < busy_percent:
            return time.monotonic() - started
    return time.monotonic() - started


def waiting_kernels(kiosk: Kiosk) -> tuple[int, int]:
    """How many kernels there are, and how many wait for a visitor.

    A preheated kernel runs its page until the page asks for its address, then opens a
    websocket to the kiosk (``/voila/query/<kernel id>``) and waits; a kernel with a
    connection to the kiosk's own port is therefore ready. (CPU use is no guide on a
    busy machine: a kernel starved of CPU looks as quiet as one that has finished.)
    """
    port = int(kiosk.url.rsplit(":", 1)[1])
    kernels = kiosk.kernel_processes()
    ready = 0
    for process in kernels:
        try:
            connections = process.net_connections(kind="tcp")
        except psutil.Error:
            continue
        ready += any(c.raddr and c.raddr.port == port and c.status == psutil.CONN_ESTABLISHED for c in connections)
    return len(kernels), ready


def wait_preheated(kiosk: Kiosk, pooled: int, timeout: float = 120) -> bool:
    """Wait until exactly ``pooled`` kernels are running and every one of them waits for a visitor."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        count, ready = waiting_kernels(kiosk)
        if count == pooled and ready == pooled:
            return True
        time.sleep(0.1)
    return False


def wait_for_refill(kiosk: Kiosk, page: str, expected: int, pooled: int | None = None, timeout: float = 120) -> None:
    """Wait until the pool of ``page`` has been refilled ``expected`` times in all and every pooled kernel is ready."""
    deadline = time.monotonic() + timeout
    while pool_refills(kiosk.log(), page) < expected and time.monotonic() < deadline:
        time.sleep(0.1)
    wait_preheated(kiosk, len(PAGES) if pooled is None else pooled, timeout=max(1.0, deadline - time.monotonic()))
    wait_quiet(kiosk, timeout=5)


def memory(kiosk: Kiosk) -> dict[str, float]:
    """Memory of the server and all its kernels, in MiB: resident (RSS) and unique (USS) sums."""
    rss = uss = 0
    kernels = 0
    for process in kiosk_processes(kiosk):
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                continue
            info = process.memory_full_info()
            rss += info.rss
            uss += info.uss
            kernels += "ipykernel" in " ".join(process.cmdline())
        except psutil.Error:
            continue
    return {"rss_mib": rss / 2**20, "uss_mib": uss / 2**20, "kernels": kernels}


# -- Chromium -------------------------------------------------------------------------------


def launch_chromium(playwright: Any) -> Any:
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"Debian's Chromium is missing at {CHROMIUM}: run 'make chromium' (apt-get install chromium).")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.strip().split(" built on")[0] or "unknown"


# -- figures --------------------------------------------------------------------------------


def percentile(values: Iterable[float], fraction: float) -> float | None:
    """The ``fraction`` (0..1) percentile by linear interpolation; None for no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    if len(ordered) == 1:
        return ordered[0]
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary(values: list[float]) -> dict[str, Any]:
    """Median, 95th percentile, min, max and count of a list of figures."""
    if not values:
        return {"n": 0, "median": None, "p95": None, "min": None, "max": None}
    return {
        "n": len(values),
        "median": round(statistics.median(values), 3),
        "p95": round(percentile(values, 0.95), 3),  # type: ignore[arg-type]
        "min": round(min(values), 3),
        "max": round(max(values), 3),
    }


def machine() -> dict[str, Any]:
    """The machine the figures were taken on, and how busy it was."""
    load = os.getloadavg()
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "cpu": _cpu_name(),
        "python": platform.python_version(),
        "chromium": chromium_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_average": [round(x, 2) for x in load],
    }


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def save_result(name: str, command: str, figures: dict[str, Any], started: float) -> Path:
    """Write one benchmark's figures, with the machine, date and command, to ``results/<name>.json``."""
    RESULTS_DIR.mkdir(exist_ok=True)
    record = {
        "benchmark": name,
        "command": command,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "seconds": round(time.monotonic() - started, 1),
        "machine": machine(),
        "figures": figures,
    }
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)
