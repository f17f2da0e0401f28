"""What a release is built from: the checkout's version, commit, date and CHANGELOG entry."""

from __future__ import annotations

import os
import re
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

CHANGELOG = "CHANGELOG.md"
EARLIEST_ZIP_TIME = 315532800
"""1980-01-01: zip files (the wheel) cannot record anything older."""


@dataclass(frozen=True)
class Project:
    """One checkout, as a release sees it."""

    root: Path
    version: str
    commit: str | None
    """The commit checked out, or None outside a git checkout."""
    uncommitted_changes: bool
    source_date_epoch: int
    """$SOURCE_DATE_EPOCH if set, else the commit's time: every timestamp the release writes."""

    @property
    def bundle_name(self) -> str:
        return f"workshop-kit-{self.version}"


def read_version(root: Path) -> str:
    """The version in ``pyproject.toml``; ValueError in plain words when there is none."""
    try:
        data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"There is no pyproject.toml in {root}.") from None
    except tomllib.TOMLDecodeError as problem:
        raise ValueError(f"pyproject.toml cannot be read: {problem}.") from None
    version = data.get("project", {}).get("version")
    if not isinstance(version, str) or not re.fullmatch(r"\d+(\.\d+)*([a-z]+\d*)?", version):
        raise ValueError(f"pyproject.toml's [project] version {version!r} is not a version like 0.1.0.")
    return version


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def read_project(root: Path) -> Project:
    """The version, commit and source date of the checkout at ``root``."""
    version = read_version(root)
    commit = _git(root, "rev-parse", "HEAD")
    status = _git(root, "status", "--porcelain") if commit else None
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        epoch = int(os.environ["SOURCE_DATE_EPOCH"])
    else:
        epoch = int(_git(root, "log", "-1", "--format=%ct") or 0) if commit else 0
    return Project(
        root=root,
        version=version,
        commit=commit,
        uncommitted_changes=bool(status),
        source_date_epoch=max(epoch, EARLIEST_ZIP_TIME),
    )


def changelog_entry(root: Path, version: str) -> str:
    """The CHANGELOG.md section for ``version`` (its heading and text); ValueError when missing or empty."""
    path = root / CHANGELOG
    if not path.is_file():
        raise ValueError(f"There is no {CHANGELOG} at the top of the repository.")
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = re.compile(rf"^## \[?{re.escape(version)}\]?(\s|$)")
    starts = [i for i, line in enumerate(lines) if heading.match(line)]
    if not starts:
        raise ValueError(f"{CHANGELOG} has no entry for version {version} (a heading like '## {version} - 2026-11-23').")
    start = starts[0]
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    entry = "\n".join(lines[start:end]).strip()
    if not "\n".join(lines[start + 1 : end]).strip():
        raise ValueError(f"{CHANGELOG}'s entry for version {version} is empty: say what the release holds.")
    return entry + "\n"
