"""What a page's kernel knows about where it is: its store, session and the group from the address.

Voila passes the page address's query string to the kernel. A preheated
kernel runs the notebook before anyone asks for it, so it has to wait for the
query string; in JupyterLab or under nbval there is none and the page starts
with no group chosen.

The wait is done here rather than with Voila's ``voila.utils.get_query_string``:
importing that loads Voila's whole server (jupyter_server, jsonschema and more),
about 1.5 s of CPU and 35 MB in every preheated kernel, for one websocket message.
"""

from __future__ import annotations

import json
import logging
import os
import time
from functools import lru_cache
from urllib.parse import parse_qs

from .settings import Settings
from .store import Store

log = logging.getLogger("workshop_kit")

CONNECT_SECONDS = 60  # Voila's own helper gives up after 5 s, and a busy laptop can take longer
MAX_QUICK_CLOSES = 20  # a server that closes the socket at once this often in a row is going away


@lru_cache(maxsize=1)
def settings() -> Settings:
    return Settings.from_env()


@lru_cache(maxsize=1)
def store() -> Store:
    """One store per kernel, opened on first use."""
    return Store.from_settings(settings())


def forget() -> None:
    """Forget the settings, store and address read so far, so the next call reads them afresh
    (tests and benchmarks point the context at a fresh data folder this way)."""
    for cached in (settings, store, query_string):
        cached.cache_clear()


@lru_cache(maxsize=1)
def query_string() -> str:
    """The page address's query string, asked for once per kernel."""
    if os.environ.get("VOILA_PREHEAT") == "True" and "QUERY_STRING" not in os.environ:
        _wait_for_visitor()
    return os.environ.get("QUERY_STRING", "")


def _request_info_url() -> str:
    """Where Voila hands a preheated kernel its visitor's request (the same variables Voila's helper reads)."""
    protocol = os.environ.get("VOILA_WS_PROTOCOL", "ws")
    host = os.environ.get("VOILA_APP_IP", "127.0.0.1")
    port = os.environ.get("VOILA_APP_PORT", "8866")
    base = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{host}:{port}{base}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}"


def _wait_for_visitor() -> None:
    """Block until Voila gives this kernel to a visitor, then take on their request's variables.

    Voila sends them (QUERY_STRING, SCRIPT_NAME, SERVER_NAME, ...) as one JSON message
    once a page request takes the kernel. A kernel may wait in the pool for hours, so
    the wait must survive a busy machine: no keep-alive pings (a pong held up by a
    loaded CPU would close the socket, and the page would open with no table name),
    and a socket closed by the server is opened again (Voila keeps a visitor's request
    until this kernel asks). If the server cannot be reached at all the page starts with
    no group chosen, as it would in JupyterLab.
    """
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    url = _request_info_url()
    quick_closes = 0
    while True:
        opened = time.monotonic()
        try:
            with connect(url, open_timeout=CONNECT_SECONDS, ping_interval=None) as socket:
                info = json.loads(socket.recv())
            break
        except ConnectionClosed as problem:
            quick_closes = quick_closes + 1 if time.monotonic() - opened < 1 else 0
            if quick_closes >= MAX_QUICK_CLOSES:
                log.warning("the page address socket at %s keeps closing: %s", url, problem)
                return
            time.sleep(0.2)
        except Exception as problem:  # noqa: BLE001 - no address is better than no page
            log.warning("could not get the page address from %s: %s", url, problem)
            return
    for key, value in info.items():
        os.environ[key] = str(value)


def query_value(name: str) -> str | None:
    """The first value of ``name`` in the page address, or None."""
    values = parse_qs(query_string(), keep_blank_values=False).get(name)
    return values[0] if values else None


#: set by JupyterHub in each user's server, and inherited by its kernels
HUB_USER_ENV = "JUPYTERHUB_USER"


def hub_user() -> str | None:
    """On a JupyterHub, the signed-in user this kernel runs for; None elsewhere.

    A learner on the hub is keyed to this identity: the page saves under it and
    no name typed or put in the address can change that.
    """
    return os.environ.get(HUB_USER_ENV) or None


def served_by_voila() -> bool:
    """True in a kernel Voila started (a page served to a room), whatever the settings say."""
    return "VOILA_PREHEAT" in os.environ or "VOILA_SERVER_URL" in os.environ or os.environ.get("SERVER_SOFTWARE", "").startswith("voila")


def remembered_learner() -> str | None:
    """In JupyterLab self-study, the name of the learner who last studied alone here; otherwise None.

    JupyterLab gives a notebook no page address, so without this a learner
    types their name on every page. Only ``make lab`` turns it on, and never
    in a kernel Voila started: one table must never see another's name.
    """
    if not settings().remember_learner or served_by_voila():
        return None
    return store().last_learner(settings().session)
