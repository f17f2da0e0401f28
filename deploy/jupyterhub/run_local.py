"""``make hub``: JupyterHub on this machine for trying the kit out, each learner's server a local process.

Starts ``jupyterhub -f deploy/jupyterhub/jupyterhub_config.py`` with a room
password (``WORKSHOP_KIT_ROOM_PASSWORD``, or a new one made up and printed),
waits until the hub answers, prints its address and the passwords, and stops
the hub (and every server it started) on Ctrl+C. The store is
``WORKSHOP_KIT_DATABASE_URL`` when set, otherwise the SQLite file in
./workshop-data, which every local server shares.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONFIG = HERE / "jupyterhub_config.py"
PROXY = ROOT / ".hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
START_SECONDS = 180


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def hub_environment(state: Path) -> dict[str, str]:
    """The variables jupyterhub_config.py reads, with made-up passwords and free ports where none were given."""
    env = dict(os.environ)
    env.setdefault("WORKSHOP_KIT_ROOM_PASSWORD", "room-" + secrets.token_urlsafe(6))
    env.setdefault("WORKSHOP_KIT_FACILITATOR_PASSWORD", secrets.token_urlsafe(30))
    env.setdefault("WORKSHOP_KIT_DATABASE_URL", f"sqlite:///{(ROOT / 'workshop-data' / 'workshop.sqlite3').resolve()}")
    env.setdefault("WORKSHOP_KIT_HUB_PORT", "8000")
    for name in ("WORKSHOP_KIT_HUB_API_PORT", "WORKSHOP_KIT_HUB_INTERNAL_PORT", "WORKSHOP_KIT_DASHBOARD_PORT"):
        env.setdefault(name, str(free_port()))
    env.setdefault("WORKSHOP_KIT_HUB_SPAWNER", "simple")
    env.setdefault("WORKSHOP_KIT_HUB_STATE", str(state))
    if PROXY.exists():
        env.setdefault("WORKSHOP_KIT_PROXY", str(PROXY))
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join([bin_dir, env.get("PATH", "")])
    return env


def wait_until_up(url: str, hub: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if hub.poll() is not None:
            raise SystemExit(f"JupyterHub stopped while starting; its log ({log}) ends:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}hub/api/", timeout=5) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"JupyterHub did not answer at {url} within {START_SECONDS} seconds; see {log}.")


def main() -> int:
    state = Path(os.environ.get("WORKSHOP_KIT_HUB_STATE", ROOT / "hub-state")).resolve()
    state.mkdir(parents=True, exist_ok=True)
    env = hub_environment(state)
    if env["WORKSHOP_KIT_DATABASE_URL"].startswith("sqlite:///"):
        Path(env["WORKSHOP_KIT_DATABASE_URL"][len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    log = state / "jupyterhub.log"
    shown_host = "127.0.0.1" if env.get("WORKSHOP_KIT_HUB_IP", "127.0.0.1") in ("", "0.0.0.0") else env.get("WORKSHOP_KIT_HUB_IP", "127.0.0.1")
    url = f"http://{shown_host}:{env['WORKSHOP_KIT_HUB_PORT']}/"
    with log.open("ab") as written:
        hub = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)], env=env, cwd=state, stdout=written, stderr=subprocess.STDOUT, start_new_session=True)

    def stop(*_: object) -> None:
        hub.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        wait_until_up(url, hub, log)
        facilitators = env.get("WORKSHOP_KIT_FACILITATORS", "facilitator")
        print(f"JupyterHub is running at {url}", flush=True)
        print(f"Learners sign in with any name and the room password: {env['WORKSHOP_KIT_ROOM_PASSWORD']}", flush=True)
        print(f"The facilitator signs in as {facilitators} with: {env['WORKSHOP_KIT_FACILITATOR_PASSWORD']}", flush=True)
        print(f"The dashboard (facilitators only) is at {url}services/dashboard/  Stop with Ctrl+C. Log: {log}", flush=True)
        return hub.wait()
    finally:
        stop_all(hub)


def stop_all(hub: subprocess.Popen[bytes]) -> None:
    """Stop the hub, then anything it started that outlived it (its proxy, servers, the dashboard service)."""
    if hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(hub.pid, sig)  # the hub leads its own process group (start_new_session)
        except ProcessLookupError:
            return
        time.sleep(2)


if __name__ == "__main__":
    raise SystemExit(main())
