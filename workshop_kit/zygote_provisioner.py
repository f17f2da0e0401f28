"""Kernels for a room started by forking the warm zygote (``workshop_kit.zygote``), not by a new Python.

``ZygoteProvisioner`` is a Jupyter kernel provisioner (registered in ``pyproject.toml``
under ``jupyter_client.kernel_provisioners`` as ``workshop-kit-zygote``; the kiosk makes
it the default with ``KernelProvisionerFactory.default_provisioner_name``). Everything
but the launch is Jupyter's ``LocalProvisioner``: the connection file, the ports, the
signals (sent to the kernel's own process group), the clean-up. The launch asks the
kiosk's one zygote for a forked child instead of starting ``python -m ipykernel_launcher``.

If the zygote cannot start or answer, the kernel is started the ordinary way, so a
page never fails because of it; the kiosk's log says so once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from typing import TYPE_CHECKING, Any, cast

import psutil
from jupyter_client.connect import KernelConnectionInfo
from jupyter_client.provisioning.local_provisioner import LocalProvisioner

if TYPE_CHECKING:
    import subprocess

NAME = "workshop-kit-zygote"
START_TIMEOUT = 120.0
FORK_TIMEOUT = 30.0

log = logging.getLogger(__name__)


class ForkedKernelProcess:
    """The little of ``subprocess.Popen`` that ``LocalProvisioner`` uses, for a kernel the zygote forked.

    The zygote, its parent, collects its exit status; here it is only seen to be gone.
    """

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        try:
            self._process: psutil.Process | None = psutil.Process(pid)
        except psutil.NoSuchProcess:
            self._process = None
            self.returncode = -1

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                running = self._process is not None and self._process.is_running() and self._process.status() != psutil.STATUS_ZOMBIE
            except psutil.NoSuchProcess:
                running = False
            if not running:
                self.returncode = -1  # the zygote reaped it; its code is not ours to know
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self._process is not None and self.poll() is None:
            try:
                self._process.wait(timeout)
            except (psutil.NoSuchProcess, psutil.TimeoutExpired, ChildProcessError):
                pass
        code = self.poll()
        return code if code is not None else -1

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(9)

    def terminate(self) -> None:
        self.send_signal(15)


class Zygote:
    """The kiosk's one zygote process, started on the first kernel launch and asked over a pipe."""

    _shared: "Zygote | None" = None
    _starting: asyncio.Lock | None = None
    _failed = False

    def __init__(self, process: asyncio.subprocess.Process, ready: dict[str, Any]) -> None:
        self.process = process
        self.ready = ready
        self._lock = asyncio.Lock()

    @classmethod
    async def shared(cls, log: logging.Logger | logging.LoggerAdapter[logging.Logger] = log) -> "Zygote | None":
        """The running zygote, started now if need be; None if it cannot run (kernels then start as usual)."""
        if cls._failed:
            return None
        if cls._shared is not None and cls._shared.process.returncode is None:
            return cls._shared
        if cls._starting is None:
            cls._starting = asyncio.Lock()
        async with cls._starting:
            if cls._shared is not None and cls._shared.process.returncode is None:
                return cls._shared
            try:
                cls._shared = await asyncio.wait_for(cls._start(), START_TIMEOUT)
                log.info("Kernel zygote %s is ready (%s)", cls._shared.process.pid, cls._shared.ready)
            except Exception as problem:  # noqa: BLE001
                cls._failed = True
                cls._shared = None
                log.warning("Kernel zygote could not start (%s); kernels start the ordinary way", problem)
        return cls._shared

    @classmethod
    async def _start(cls) -> "Zygote":
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "workshop_kit.zygote",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        assert process.stdout is not None
        line = await process.stdout.readline()
        if not line:
            raise RuntimeError("the zygote exited while importing")
        ready = json.loads(line)
        if not ready.get("ready"):
            raise RuntimeError(f"the zygote said {ready}")
        return cls(process, ready)

    async def fork(self, argv: list[str], env: dict[str, str], cwd: str) -> int:
        """A new kernel process for this command line; its process id."""
        assert self.process.stdin is not None and self.process.stdout is not None
        async with self._lock:
            self.process.stdin.write((json.dumps({"argv": argv, "env": env, "cwd": cwd}) + "\n").encode())
            await self.process.stdin.drain()
            line = await asyncio.wait_for(self.process.stdout.readline(), FORK_TIMEOUT)
        if not line:
            raise RuntimeError("the zygote has gone")
        reply = json.loads(line)
        if "pid" not in reply:
            raise RuntimeError(reply.get("error", "the zygote did not fork"))
        return int(reply["pid"])


class ZygoteProvisioner(LocalProvisioner):
    """Jupyter's local provisioner, launching by a fork of the warm zygote."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> KernelConnectionInfo:
        zygote = await Zygote.shared(self.log)
        if zygote is not None:
            env = dict(kwargs.get("env") or os.environ)
            cwd = str(kwargs.get("cwd") or os.getcwd())
            try:
                pid = await zygote.fork([str(part) for part in cmd], env, cwd)
            except Exception as problem:  # noqa: BLE001 - one ordinary start instead of a failed page
                self.log.warning("Kernel zygote did not fork (%s); starting this kernel the ordinary way", problem)
            else:
                self.process = cast("subprocess.Popen[bytes]", ForkedKernelProcess(pid))  # answers every call LocalProvisioner makes on its Popen
                self.pid = self.pgid = pid
                self.cwd = cwd
                return self.connection_info
        return await super().launch_kernel(cmd, **kwargs)
