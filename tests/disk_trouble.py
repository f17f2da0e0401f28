"""Really full disks and really read-only folders, for the tests of what the kit says when it cannot save.

The tests run as root (here and in CI), so file permissions alone would not stop
a write. Instead: a small tmpfs filled to the last byte (a genuine ENOSPC, and
SQLite's genuine SQLITE_FULL), a read-only bind mount (a genuine EROFS for new
files, as a new process sees it), and the immutable attribute on a folder and the
store's files (which also stops processes that already have them open). A test
is skipped, saying why, only when the machine cannot do any of this.
"""

from __future__ import annotations

import errno
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

FILLER = "filler.bin"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True)


@contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (a folder that is made), unmounted afterwards."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(where))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill here ({mounted.stderr.strip() or 'mount failed'}); needs root with CAP_SYS_ADMIN")
    try:
        yield where
    finally:
        _run("umount", "-l", str(where))


def fill(disk: Path) -> None:
    """Write to ``disk`` until it has no byte left."""
    with open(disk / FILLER, "ab", buffering=0) as filler:
        for block in (65536, 4096, 512, 1):
            try:
                while filler.write(b"\0" * block):
                    pass
            except OSError as full:
                assert full.errno == errno.ENOSPC, full


def free(disk: Path) -> None:
    (disk / FILLER).unlink(missing_ok=True)


@contextmanager
def read_only_mount(folder: Path) -> Iterator[Path]:
    """``folder`` mounted over itself read-only: new files and new writes there fail with EROFS."""
    folder.mkdir(parents=True, exist_ok=True)
    bound = _run("mount", "--bind", str(folder), str(folder))
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount a folder read-only here ({bound.stderr.strip() or 'mount failed'}); needs root with CAP_SYS_ADMIN")
    try:
        remounted = _run("mount", "-o", "remount,bind,ro", str(folder))
        if remounted.returncode != 0:
            pytest.skip(f"cannot remount a bind mount read-only here ({remounted.stderr.strip()})")
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def _immutable_targets(folder: Path) -> list[str]:
    # SQLite maps the -shm index into memory; an immutable mapping kills the process with SIGBUS,
    # so it stays writable. The database, its write-ahead log and the folder itself are locked.
    return [str(p) for p in sorted(folder.iterdir()) if not p.name.endswith("-shm")] + [str(folder)]


@contextmanager
def immutable(folder: Path) -> Iterator[Path]:
    """``folder`` and the store's files made immutable: no process can write to them, open or not, even as root."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed, so a folder cannot be made immutable here")
    targets = _immutable_targets(folder)
    locked = _run("chattr", "+i", *targets)
    if locked.returncode != 0:
        _run("chattr", "-i", *targets)
        pytest.skip(f"this file system cannot make files immutable ({locked.stderr.strip()})")
    try:
        yield folder
    finally:
        _run("chattr", "-i", *targets)
