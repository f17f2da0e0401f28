"""A full disk or a read-only data folder: the facilitator is told plainly, at start-up and when exporting."""

from __future__ import annotations

import errno
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from disk_trouble import fill, read_only_mount, small_disk

from workshop_kit.data_folder import reason, writing_problem
from workshop_kit.settings import Settings
from workshop_kit.store import Store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _workshop_kit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workshop_kit.cli", *args], capture_output=True, text=True, timeout=120)


def test_a_writable_folder_has_no_problem(tmp_path: Path) -> None:
    """Does a folder on an ordinary disk pass the write check, leaving nothing behind?"""
    assert writing_problem(tmp_path / "data") is None
    assert list((tmp_path / "data").iterdir()) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "full"), (errno.EDQUOT, "full"), (errno.EROFS, "read-only disk"), (errno.EACCES, "read-only or locked"), (errno.EPERM, "read-only or locked"), (errno.EIO, "input/output error")],
)
def test_each_failure_is_named_in_plain_words(code: int, words: str) -> None:
    """Is each kind of refused write explained in words a facilitator understands?"""
    import os

    assert words in reason(OSError(code, os.strerror(code)))


def test_a_full_disk_stops_the_kiosk_and_dashboard_at_start_up_with_a_sentence(tmp_path: Path) -> None:
    """On a disk with no space left, do 'kiosk' and 'dashboard' refuse to start (exit 2), saying the disk is full?"""
    with small_disk(tmp_path / "disk", "1m") as disk:
        fill(disk)
        for command in ("kiosk", "dashboard"):
            finished = _workshop_kit(command, "--port", str(_free_port()), "--data", str(disk / "data"))
            assert finished.returncode == 2, finished.stderr
            assert "cannot be written to: the disk it is on is full" in finished.stderr
            assert "Traceback" not in finished.stderr


def test_a_read_only_folder_stops_the_kiosk_and_dashboard_at_start_up_with_a_sentence(tmp_path: Path) -> None:
    """With the data folder on a read-only mount, do 'kiosk' and 'dashboard' refuse to start, saying it is read-only?"""
    with read_only_mount(tmp_path / "data") as folder:
        for command in ("kiosk", "dashboard"):
            finished = _workshop_kit(command, "--port", str(_free_port()), "--data", str(folder))
            assert finished.returncode == 2, finished.stderr
            assert "cannot be written to: it is on a read-only disk" in finished.stderr
            assert "Traceback" not in finished.stderr


def test_exporting_from_a_read_only_folder_says_why_it_cannot_write(tmp_path: Path) -> None:
    """With a day's answers in a folder that has since become read-only, does 'export' read them and explain the refusal?"""
    folder = tmp_path / "data"
    store = Store.from_settings(Settings(data_dir=folder))
    store.save(store.group("workshop", "Table 1"), "drafting_statements", "fun", {"text": "Children have fun"})
    store.close()
    with read_only_mount(folder):
        finished = _workshop_kit("export", "--data", str(folder), "--session", "workshop", "--format", "html")
        assert finished.returncode == 1
        assert "Traceback" not in finished.stderr
        assert "read-only" in finished.stderr
        written = _workshop_kit("export", "--data", str(folder), "--session", "workshop", "--format", "html", "--out", str(tmp_path / "day.html"))
        assert written.returncode == 0, written.stderr
        assert "Children have fun" in (tmp_path / "day.html").read_text(encoding="utf-8")
