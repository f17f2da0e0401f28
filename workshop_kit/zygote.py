"""A warm parent for the room's kernels: imported once, forked for every table.

Starting a kernel the ordinary way costs a new Python process about a second of
CPU before the page's cell even runs: the interpreter, IPython, ipykernel,
ipywidgets, SQLAlchemy and the kit are imported afresh in every one. When 30
tables open a step together, 30 such starts share two cores and every table
waits for nearly all of them (the profile in ``benchmarks/RESULTS.md``).

The zygote imports all of that once, then waits on its standard input for
requests (one JSON line each: the kernel's command line, environment and folder)
and answers each with the process id of a child it has forked. The child starts
the kernel from the already imported modules, so it costs a few milliseconds of
CPU, and shares the imported code and data with the zygote copy-on-write
(``gc.freeze`` keeps the garbage collector from dirtying those pages).

The zygote belongs to the kiosk's server process (``zygote_provisioner``): when
the server goes away its standard input closes and the zygote stops every kernel
it forked, then exits. Run as ``python -m workshop_kit.zygote``.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import signal
import sys
import threading
import time
import traceback
from typing import Any

#: what every kit page's kernel imports before it can show anything (heavier libraries, pandas and
#: matplotlib, are left to the steps that need them: they start threads, which must not be forked)
PRELOAD = (
    "ipykernel.kernelapp",
    "ipykernel.ipkernel",
    "ipykernel.comm",
    "IPython.core.interactiveshell",
    "ipywidgets",
    "sqlalchemy",
    "sqlalchemy.dialects.sqlite",
    "jinja2",
    "jsonschema",
    "workshop_kit",
    "workshop_kit.store",
    "workshop_kit.context",
    "workshop_kit.widgets",
    "setproctitle",  # set up in the zygote, so each child can rename itself
)

_children: set[int] = set()


def preload() -> list[str]:
    """Import what every kernel needs and every step page's module, and compile every template; the names that failed."""
    failed = []
    names = list(PRELOAD)
    try:
        import workshop_kit.steps as steps

        # every page a kernel may show, read from the registry: each step's, each side page's, and the two pages
        names += [f"workshop_kit.steps.{entry_id}.page" for entry_id in (*(s.id for s in steps.STEPS), *(p.id for p in steps.SIDE_PAGES))]
        names += ["workshop_kit.pages.start", "workshop_kit.pages.my_progress"]
    except Exception:  # noqa: BLE001 - a kernel then imports it itself, as it would without a zygote
        failed.append("workshop_kit.steps")
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001
            failed.append(name)
    try:
        importlib.import_module("workshop_kit.markup").preload()  # every template compiled once, shared by every fork
    except Exception:  # noqa: BLE001 - a kernel then compiles the templates it shows itself
        failed.append("workshop_kit.markup templates")
    return failed


def _reap(_signum: int = 0, _frame: Any = None) -> None:
    """Collect every child that has exited, so the kiosk sees it gone (not a zombie)."""
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        _children.discard(pid)


def kernel_arguments(argv: list[str]) -> list[str]:
    """The kernel's own arguments from its command line (``python -m ipykernel_launcher -f FILE`` gives ``-f FILE``)."""
    if "-m" in argv:
        return argv[argv.index("-m") + 2 :]
    return argv[1:]


def _become_kernel(request: dict[str, Any]) -> None:
    """In the forked child: take the kernel's environment and folder, then run ipykernel."""
    argv = [str(part) for part in request["argv"]]
    try:  # first, while the environment is still the zygote's (setproctitle moves it aside to make room)
        from setproctitle import setproctitle

        setproctitle(" ".join(argv))  # ps (and the kiosk's own checks) see an ipykernel with its connection file
    except ImportError:
        pass
    os.setsid()  # a process group of its own: the kiosk's interrupt and kill reach this kernel only
    for signum in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    quiet = os.open(os.devnull, os.O_RDONLY)
    os.dup2(quiet, 0)
    os.dup2(2, 1)  # the zygote's standard output is its line to the kiosk; kernels write to the log
    os.close(quiet)
    cwd = request.get("cwd") or os.getcwd()
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(request.get("env") or {})
    os.environ["JPY_PARENT_PID"] = str(os.getppid())
    sys.path[0] = cwd  # as ``python -m ipykernel_launcher`` started in that folder would have it
    # ipykernel read $JPY_PARENT_PID when the zygote imported it: say who the parent is on the command line
    sys.argv = ["ipykernel_launcher", *kernel_arguments(argv), f"--IPKernelApp.parent_handle={os.getppid()}"]
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize(sys.argv[1:])
    # what modules do at import "if running in a kernel" did not happen in the zygote, which has none: do it now
    import ipywidgets

    ipywidgets.register_comm_target()
    app.start()


def _fork(request: dict[str, Any]) -> int:
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            _become_kernel(request)
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 0
        except BaseException:  # noqa: BLE001 - whatever happens, the child must never return into the zygote
            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    _children.add(pid)
    return pid


def _stop_children() -> None:
    for pid in list(_children):
        try:
            os.killpg(pid, signal.SIGTERM)
        except OSError:
            _children.discard(pid)
    deadline = time.monotonic() + 5
    while _children and time.monotonic() < deadline:
        time.sleep(0.1)
        _reap()
    for pid in list(_children):
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass


def _answer(reply: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()


def serve() -> int:
    """Preload, say so, then fork a kernel for every request until the kiosk hangs up."""
    started = time.process_time()
    failed = preload()
    try:
        import setproctitle

        setproctitle.getproctitle()  # sets up the title's memory once, here, for every child
    except ImportError:
        pass
    gc.collect()
    gc.freeze()  # the imported objects stay put: children share their pages instead of copying them
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches the kiosk, which stops its kernels itself
    _answer({"ready": True, "pid": os.getpid(), "threads": threading.active_count(), "failed": failed, "preload_cpu_s": round(time.process_time() - started, 2)})
    for line in sys.stdin:
        try:
            request = json.loads(line)
            _answer({"pid": _fork(request)})
        except Exception as problem:  # noqa: BLE001 - the kiosk falls back to an ordinary start
            _answer({"error": f"{type(problem).__name__}: {problem}"})
    _stop_children()
    return 0


if __name__ == "__main__":
    raise SystemExit(serve())
