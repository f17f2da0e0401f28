"""The warm zygote: a forked kernel works like a started one, in its own folder and environment, and goes with its zygote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.connect import write_connection_file


def _ask(zygote: subprocess.Popen, request: dict) -> dict:
    assert zygote.stdin is not None and zygote.stdout is not None
    zygote.stdin.write(json.dumps(request) + "\n")
    zygote.stdin.flush()
    return json.loads(zygote.stdout.readline())


def _run(client: BlockingKernelClient, code: str) -> str:
    """Run code in the kernel; what it printed."""
    printed: list[str] = []

    def keep(message: dict) -> None:
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])

    reply = client.execute_interactive(code, timeout=120, output_hook=keep)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(printed)


def test_a_forked_kernel_runs_code_in_its_folder_and_environment_and_goes_with_its_zygote(tmp_path: Path) -> None:
    """Does a forked kernel answer, see its own folder and variables, name itself, register the widget comms,
    cost little CPU to start, and stop when the kiosk (its zygote's standard input) goes away?"""
    zygote = subprocess.Popen([sys.executable, "-m", "workshop_kit.zygote"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert zygote.stdin is not None and zygote.stdout is not None  # both are pipes
    kernel = None
    try:
        ready = json.loads(zygote.stdout.readline())
        assert ready["ready"] and ready["failed"] == [] and ready["threads"] == 1
        connection_file = str(tmp_path / "kernel-test.json")
        write_connection_file(connection_file, transport="ipc", ip=str(tmp_path / "k-ipc"))
        folder = tmp_path / "pages"
        folder.mkdir()
        argv = [sys.executable, "-m", "ipykernel_launcher", "-f", connection_file]
        env = {**os.environ, "WORKSHOP_KIT_SESSION": "forked-session"}
        reply = _ask(zygote, {"argv": argv, "env": env, "cwd": str(folder)})
        kernel = psutil.Process(reply["pid"])
        assert kernel.ppid() == zygote.pid

        client = BlockingKernelClient(connection_file=connection_file)
        client.load_connection_file()
        client.start_channels()
        client.wait_for_ready(timeout=120)
        shown = _run(
            client,
            "import os, sys; from ipykernel.comm import CommManager; import comm\n"
            "targets = sorted(comm.get_comm_manager().targets)\n"
            "print(os.getcwd(), os.environ['WORKSHOP_KIT_SESSION'], ' '.join(targets))",
        )
        client.stop_channels()
        assert shown.split() == [str(folder), "forked-session", "jupyter.widget", "jupyter.widget.control"]
        assert "ipykernel_launcher" in " ".join(kernel.cmdline()) and connection_file in " ".join(kernel.cmdline())
        assert os.getpgid(kernel.pid) == kernel.pid  # its own process group: signals reach it alone
        used = kernel.cpu_times()
        assert used.user + used.system < ready["preload_cpu_s"], "a forked kernel should cost less than the imports it skips"
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
    if kernel is not None:
        deadline = time.monotonic() + 30
        while kernel.is_running() and kernel.status() != psutil.STATUS_ZOMBIE and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not kernel.is_running() or kernel.status() == psutil.STATUS_ZOMBIE, "the kernel outlived its zygote"


def test_the_zygote_compiles_every_template_so_no_forked_kernel_does(monkeypatch) -> None:
    """After the zygote's preload, can every template be had without reading or compiling its source again?"""
    from workshop_kit import markup, zygote

    markup.environment.cache_clear()  # a fresh environment: nothing compiled yet
    assert "workshop_kit.markup templates" not in zygote.preload()
    env = markup.environment()

    def no_compiling(*_args: object) -> None:
        raise AssertionError("a template was compiled after the zygote's preload")

    monkeypatch.setattr(env.loader, "get_source", no_compiling)
    names = env.list_templates(extensions=["html"])
    assert "export/write_up.html" in names and "room/waiting.html" in names
    for name in names:
        env.get_template(name)
