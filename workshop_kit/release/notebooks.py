"""Re-running every notebook from a clean kernel, making the result reproducible, and nbval.

Each notebook runs in a kernel of its own, ``jobs`` at a time, against a
throw-away data folder, exactly as ``make notebooks`` runs them. Two things in
an executed notebook differ from run to run and mean nothing: the execution
timestamps (not recorded, and any old ones dropped) and the random ids of the
widget models (renumbered in order of appearance). Everything else is kept,
so two builds of one commit give byte-identical notebooks.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from ..settings import DATA_ENV, DATABASE_URL_ENV, SESSION_ENV, ReleaseSettings

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
MODEL_ID = re.compile(r"\b[0-9a-f]{32}\b")
SANITIZE = Path("tests") / "nbval_sanitize.cfg"
"""The project's nbval sanitizer (widget model ids), relative to the checkout."""


@dataclass(frozen=True)
class Job:
    """One notebook to run: where it comes from and where the executed copy goes."""

    source: Path
    target: Path
    name: str
    """How the notebook is named in messages, e.g. notebooks/01_outputs_outcomes_impact.ipynb."""


def kernel_environment(data_dir: Path, settings: ReleaseSettings) -> dict[str, str]:
    """This process's environment, with the store pointed at a throw-away folder (never a real database)."""
    env = {**os.environ, DATA_ENV: str(data_dir), SESSION_ENV: settings.session}
    for name in (DATABASE_URL_ENV, "QUERY_STRING"):
        env.pop(name, None)
    return env


def normalise(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop execution timestamps and renumber widget model ids by order of appearance."""
    renumbered: dict[str, str] = {}
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view and "model_id" in view:
                renumbered.setdefault(view["model_id"], f"{len(renumbered) + 1:032x}")
    notebook.metadata.pop("widgets", None)
    if renumbered:
        for cell in notebook.cells:
            if "outputs" in cell:
                text = json.dumps(cell.outputs)
                text = MODEL_ID.sub(lambda m: renumbered.get(m.group(0), m.group(0)), text)
                cell.outputs = nbformat.from_dict(json.loads(text))
    return notebook


async def _execute(job: Job, env: dict[str, str], settings: ReleaseSettings, gate: asyncio.Semaphore) -> str | None:
    async with gate:
        notebook = nbformat.read(job.source, as_version=4)
        client = NotebookClient(
            notebook,
            timeout=settings.timeout,
            startup_timeout=settings.timeout,
            kernel_name="python3",
            record_timing=False,
            store_widget_state=False,
            resources={"metadata": {"path": str(job.source.parent)}},
        )
        try:
            await client.async_execute(env=env)
        except CellExecutionError as error:
            return f"{job.name}: a cell raised {error.ename}: {error.evalue}"
        except CellTimeoutError:
            return f"{job.name}: a cell ran for more than {settings.timeout} seconds."
        except DeadKernelError:
            return f"{job.name}: the kernel died while running it."
        except Exception as problem:  # noqa: BLE001 - e.g. no kernel could start; say so in one line
            return f"{job.name}: could not be run ({type(problem).__name__}: {problem})."
        job.target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(normalise(notebook), job.target)
        return None


async def _execute_all(jobs: list[Job], env: dict[str, str], settings: ReleaseSettings) -> list[str]:
    gate = asyncio.Semaphore(settings.jobs)
    results = await asyncio.gather(*(_execute(job, env, settings, gate) for job in jobs))
    return [problem for problem in results if problem]


def execute(jobs: list[Job], settings: ReleaseSettings) -> list[str]:
    """Run each notebook from a clean kernel into its target; the problems, in plain words.

    The kernels are driven from an event loop in a thread of its own, so a caller
    that already runs a loop (a test session with Playwright open) cannot clash with it.
    """
    with tempfile.TemporaryDirectory(prefix="workshop-kit-release-") as data_dir:
        coroutine = _execute_all(jobs, kernel_environment(Path(data_dir), settings), settings)
        with ThreadPoolExecutor(max_workers=1) as thread:
            return thread.submit(asyncio.run, coroutine).result()


def _nbval_command(paths: list[Path], sanitize: Path, folder: Path, timeout: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "--no-header",
        "-p",
        "no:cacheprovider",
        "-c",
        os.devnull,
        f"--rootdir={folder}",
        f"--confcutdir={folder}",
        "--nbval",
        "--nbval-current-env",
        f"--nbval-sanitize-with={sanitize}",
        f"--nbval-kernel-startup-timeout={timeout}",
        f"--nbval-cell-timeout={timeout}",
        *map(str, paths),
    ]


def _failed_cells(output: str) -> list[str]:
    """The failed items in pytest's short summary, e.g. 'notebooks/x.ipynb::Cell 0' (not its log lines)."""
    found = re.findall(r"^(?:FAILED|ERROR) (\S+\.ipynb(?:::Cell \d+)?)(?: - .*)?$", output, flags=re.MULTILINE)
    return found or [line for line in output.splitlines()[-3:] if line.strip()]


def nbval(paths: list[Path], root: Path, settings: ReleaseSettings, folder: Path) -> list[str]:
    """Run nbval over ``paths`` (split into ``jobs`` runs at once); the problems, in plain words."""
    groups = [paths[i :: settings.jobs] for i in range(settings.jobs) if paths[i :: settings.jobs]]
    with tempfile.TemporaryDirectory(prefix="workshop-kit-nbval-") as data_dir:
        env = kernel_environment(Path(data_dir), settings)
        runs = [
            subprocess.Popen(_nbval_command(group, root / SANITIZE, folder, settings.timeout), cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for group in groups
        ]
        outputs = [(run, run.communicate()[0]) for run in runs]
    problems = []
    for run, output in outputs:
        if run.returncode != 0:
            problems += [f"nbval: {where} gives different output from a fresh kernel." if "::" in where else f"nbval: {where}" for where in _failed_cells(output)]
    return problems
