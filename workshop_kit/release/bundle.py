"""Building a release: checks, fresh notebooks, the bundle's files, its manifest and its archive.

The bundle is written to a hidden folder beside its final place and moved
there only when everything has passed, so a refused release leaves ``dist/``
as it was. Nothing written depends on when or where the build ran: the
manifest carries the version and the commit (never the build time), and the
archive's timestamps are the source date.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import tarfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from .. import locations
from ..settings import ReleaseSettings
from .checks import CHECKS, Check, Failure, run_checks
from .guide_html import write_guide
from .handouts import write_handouts
from .notebooks import Job, execute, nbval
from .pages import KIT_NAME
from .project import Project, changelog_entry, read_project
from .wheel import build_wheel

MANIFEST = "manifest.json"
DATASET_PATTERNS = ("*.csv", "*.md")


class ReleaseRefused(Exception):
    """A check failed; the release was not built. ``str()`` is the plain list of what failed."""

    def __init__(self, failures: list[Failure]) -> None:
        super().__init__(failures)
        self.failures = failures

    def __str__(self) -> str:
        lines = ["The release was not built, because these checks failed:"]
        for failure in self.failures:
            lines.append(f"- {failure.check}:")
            lines += [f"    {line}" for problem in failure.problems for line in problem.splitlines()]
        return "\n".join(lines)


@dataclass(frozen=True)
class Release:
    folder: Path
    archive: Path
    manifest: dict[str, Any]


def _refuse(check: str, problems: list[str]) -> None:
    if problems:
        raise ReleaseRefused([Failure(check, tuple(problems))])


def notebook_jobs(root: Path, staging: Path) -> list[Job]:
    return [Job(source, staging / folder / source.name, f"{folder}/{source.name}") for folder in ("notebooks", "dashboard") for source in sorted((root / folder).glob("*.ipynb"))]


def _copy_datasets(root: Path, staging: Path) -> None:
    target = staging / "datasets"
    target.mkdir(parents=True)
    for path in sorted(p for pattern in DATASET_PATTERNS for p in (root / "datasets").glob(pattern)):
        shutil.copyfile(path, target / path.name)


def _readme(project: Project, wheel: Path) -> str:
    return f"""# {KIT_NAME} {project.version}

A release of the {KIT_NAME}: notebooks and widgets for workshops on outcomes-based
commissioning in children's and social care. `manifest.json` lists every file here with its
SHA-256 checksum and size, and the commit it was built from.

| path | what it holds |
| --- | --- |
| `CHANGELOG.md` | what is in this release |
| `wheel/{wheel.name}` | the kit, with the notebooks and datasets inside: `pip install wheel/{wheel.name}`, then `workshop-kit kiosk` |
| `notebooks/`, `dashboard/` | the course's notebooks, run from a clean kernel for this release |
| `datasets/` | the data files; `README.md` and the `.md` beside each data set are the data dictionary. Anything made up is labelled synthetic |
| `facilitator_guide/index.html` | the facilitator guide: agendas with clock times, a page per step, the room, self-study |
| `handouts/index.html` | a printable page per step with its exercise, for people without a device |
"""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())


def manifest(folder: Path, project: Project) -> dict[str, Any]:
    """The version, the commit and every file in ``folder`` (but the manifest) with its SHA-256 and size."""
    return {
        "name": "workshop-kit",
        "version": project.version,
        "commit": project.commit,
        "uncommitted_changes": project.uncommitted_changes,
        "source_date": datetime.fromtimestamp(project.source_date_epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "files": [{"path": path.relative_to(folder).as_posix(), "sha256": _sha256(path), "size": path.stat().st_size} for path in _files(folder) if path.relative_to(folder).as_posix() != MANIFEST],
    }


def write_archive(folder: Path, archive: Path, mtime: int) -> None:
    """A .tar.gz of ``folder`` whose bytes depend only on its files: sorted, fixed owners, modes and times."""

    def entry(tar: tarfile.TarFile, path: Path) -> None:
        info = tar.gettarinfo(str(path), arcname=f"{folder.name}/{path.relative_to(folder).as_posix()}" if path != folder else folder.name)
        info.mtime, info.uid, info.gid, info.uname, info.gname = mtime, 0, 0, "", ""
        info.mode = 0o755 if info.isdir() else 0o644
        if info.isdir():
            tar.addfile(info)
        else:
            with path.open("rb") as handle:
                tar.addfile(info, handle)

    partial = archive.with_name(archive.name + ".partial")
    with partial.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime) as zipped:
        with tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
            entry(tar, folder)
            for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
                entry(tar, path)
    partial.replace(archive)


def build_release(
    settings: ReleaseSettings,
    root: Path | None = None,
    *,
    checks: tuple[Check, ...] = CHECKS,
    run_nbval: bool = True,
    say: Callable[[str], None] = lambda text: None,
) -> Release:
    """Check the checkout, then build ``<out>/workshop-kit-<version>/`` and its ``.tar.gz``.

    Raises ReleaseRefused, naming every failed check, before anything reaches
    ``settings.out_dir``. ``run_nbval=False`` skips only the nbval pass, for a
    second build of a commit the first build already checked.
    """
    root = root or locations.source_root()
    if root is None:
        raise ReleaseRefused([Failure("A checkout to release from", (f"This workshop_kit is installed from a wheel ({locations.PACKAGE_DIR}); build releases from a checkout of the repository.",))])
    say(f"Checking {root} ...")
    failures = run_checks(root, checks)
    if failures:
        raise ReleaseRefused(failures)
    project = read_project(root)
    out = settings.out_dir.resolve()
    out.mkdir(parents=True, exist_ok=True)
    staging = out / f".{project.bundle_name}.building"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        jobs = notebook_jobs(root, staging)
        say(f"Running {len(jobs)} notebooks from clean kernels, {settings.jobs} at a time ...")
        _refuse("Every notebook runs from a clean kernel", execute(jobs, settings))
        if run_nbval:
            say("Checking the fresh notebooks with nbval ...")
            _refuse("nbval: a fresh kernel gives the same outputs", nbval([job.target for job in jobs], root, settings, staging))
        _copy_datasets(root, staging)
        write_guide(root / "facilitator_guide", staging / "facilitator_guide", project.version)
        write_handouts(staging / "handouts", project.version)
        (staging / "CHANGELOG.md").write_text(changelog_entry(root, project.version), encoding="utf-8")
        say("Building the wheel ...")
        wheel, problems = build_wheel(root, staging / "wheel", project.source_date_epoch)
        _refuse("The wheel builds", problems)
        assert wheel is not None, "build_wheel gives problems whenever it gives no wheel"
        (staging / "README.md").write_text(_readme(project, wheel), encoding="utf-8")
        listing = manifest(staging, project)
        (staging / MANIFEST).write_text(json.dumps(listing, indent=2) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    folder = out / project.bundle_name
    shutil.rmtree(folder, ignore_errors=True)
    staging.rename(folder)
    archive = out / f"{project.bundle_name}.tar.gz"
    write_archive(folder, archive, project.source_date_epoch)
    return Release(folder, archive, listing)
