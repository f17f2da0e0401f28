"""Starting and stopping a real kiosk, and the steps a participant takes in it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import psutil

if TYPE_CHECKING:
    from workshop_kit.store import Store

WIDGET_TIMEOUT = 120_000
"""Milliseconds a browser test waits for something to appear: generous, because a loaded 2-core
machine (CI, or a laptop doing other work) can take many times longer than a quiet one."""
NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Kiosk:
    """A running kiosk: its address, data folder, process and log."""

    url: str
    data_dir: Path
    process: subprocess.Popen
    log_path: Path
    #: the PostgreSQL database the kiosk saves to, or None for the SQLite file in ``data_dir``
    database_url: str | None = None
    #: when a test that times the kiosk's sweeps started it (``time.monotonic()``); 0 if none did
    started_at: float = 0.0

    def open_store(self) -> Store:
        """The store this kiosk's pages save to (close it after use)."""
        from workshop_kit.settings import Settings
        from workshop_kit.store import Store

        return Store.from_settings(Settings(data_dir=self.data_dir, database_url=self.database_url))

    def kernel_processes(self) -> list[psutil.Process]:
        """The ipykernel processes this kiosk has started and not yet shut down."""
        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        found = []
        for child in children:
            try:
                if child.is_running() and child.status() != psutil.STATUS_ZOMBIE and "ipykernel" in " ".join(child.cmdline()):
                    found.append(child)
            except psutil.NoSuchProcess:
                continue
        return found

    def wait_for_kernels(self, count: int, timeout: float = 30) -> int:
        deadline = time.monotonic() + timeout
        current = len(self.kernel_processes())
        while current != count and time.monotonic() < deadline:
            time.sleep(0.25)
            current = len(self.kernel_processes())
        return current

    def wait_until_gone(self, kernel_id: str, timeout: float = 20) -> bool:
        """Wait for the process of one kernel (named in its connection file) to exit."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            alive = []
            for process in self.kernel_processes():
                try:
                    alive.append(kernel_id in " ".join(process.cmdline()))
                except psutil.NoSuchProcess:
                    continue
            if not any(alive):
                return True
            time.sleep(0.25)
        return False

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def start_dashboard(data_dir: Path, session: str, tmp: Path) -> Kiosk:
    """The facilitator's dashboard on its own free port, reading the kiosk's data folder."""
    port = _free_port()
    log_path = tmp / "dashboard.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop_kit.cli", "dashboard", "--port", str(port), "--data", str(data_dir), "--session", session],
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    dashboard = Kiosk(f"http://127.0.0.1:{port}", data_dir, process, log_path)
    deadline = time.monotonic() + 180
    while "is filled with" not in dashboard.log():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"dashboard did not start:\n{dashboard.log()}")
        time.sleep(0.25)
    return dashboard


def start_kiosk(tmp: Path, *extra: str, database_url: str | None = None) -> Kiosk:
    port = _free_port()
    data_dir = tmp / "data"
    log_path = tmp / "kiosk.log"
    env = {**os.environ, "WORKSHOP_KIT_SESSION": "browser-tests"}
    env.pop("WORKSHOP_KIT_DATA", None)
    env.pop("WORKSHOP_KIT_DATABASE_URL", None)
    if database_url:
        env["WORKSHOP_KIT_DATABASE_URL"] = database_url
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop_kit.cli", "kiosk", "--port", str(port), "--data", str(data_dir), *extra],
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    kiosk = Kiosk(f"http://127.0.0.1:{port}", data_dir, process, log_path, database_url)
    deadline = time.monotonic() + 60 + 20 * len(NOTEBOOKS)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"kiosk exited early:\n{kiosk.log()}")
        # ready when the pools are warm: one kernel per notebook
        if kiosk.log().count("is filled with") >= len(NOTEBOOKS):
            return kiosk
        time.sleep(0.25)
    raise RuntimeError(f"kiosk did not start:\n{kiosk.log()}")


def stop_kiosk(kiosk: Kiosk) -> None:
    kiosk.process.terminate()
    try:
        kiosk.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        kiosk.process.kill()


def new_context(browser, **options):
    """A browser context (a fresh tab's cookies and storage) whose waits all use the generous WIDGET_TIMEOUT."""
    context = browser.new_context(**options)
    context.set_default_timeout(WIDGET_TIMEOUT)
    return context


def open_page(page, url: str) -> None:
    """Open a kiosk page and wait until its first control can be used."""
    page.goto(url)
    page.wait_for_selector("input[type=text]", timeout=WIDGET_TIMEOUT)


def name_table(page, name: str) -> None:
    box = page.get_by_label("Table or group name")
    box.fill(name)
    box.press("Enter")
    page.wait_for_selector(".kit-notice-success", timeout=WIDGET_TIMEOUT)


def card(page, number: int):
    """The card of statement ``number`` (1-based)."""
    return page.locator(".kit-card").nth(number - 1)
