"""A light participant: what a browser tab does to a kit page, without the browser.

It GETs the Voila page (which hands over a preheated kernel, or starts one, and names
it in ``#jupyter-config-data``), opens the kernel's websocket, asks the ipywidgets 8
control comm (``jupyter.widget.control``, method ``request_states``) for every widget
model, and then answers as a person would: ``update`` messages that set a value, and
``custom`` click events on buttons. Feedback latency is the time from sending an
answer until the kernel sends an update to a feedback area (a model with the
``kit-live`` class). Only tornado, which the kit already installs, is used.

The load benchmark (``benchmarks/bench_load.py``) runs many of these at once; the
tests use one to send what no page would send (``test_widget_protocol.py``).
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookies import SimpleCookie
from typing import Any

from jupyter_server.services.kernels.connection.base import deserialize_binary_message
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

# tornado's shared client lets only 10 requests run at once by default; 60 participants must not queue here
AsyncHTTPClient.configure(None, max_clients=1000)

CONFIG_DATA = re.compile(r'<script id="jupyter-config-data" type="application/json">\s*(\{.*?\})\s*</script>', re.S)
CONTROL_TARGET = "jupyter.widget.control"
CONTROL_VERSION = "1.0.0"
LIVE_CLASS = "kit-live"


class ProtocolError(RuntimeError):
    """The page or kernel did not answer as a browser tab would expect."""


@dataclass
class Participant:
    """One person on one page: their kernel, the page's widget models and their timings (seconds)."""

    base_url: str
    notebook: str
    table: str
    opened_at: float = 0.0
    html_seconds: float | None = None
    interactive_seconds: float | None = None
    feedback_seconds: list[float] = field(default_factory=list)
    kernel_id: str | None = None
    models: dict[str, dict[str, Any]] = field(default_factory=dict)
    error: str | None = None
    _socket: Any = None
    _session: str = field(default_factory=lambda: uuid.uuid4().hex)
    _xsrf: str = ""
    updates: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Every state update the kernel has sent since the page opened: (model id, changed state)."""
    _waiters: list[tuple[set[str], asyncio.Future[str]]] = field(default_factory=list)
    _control: asyncio.Future[dict[str, Any]] | None = None
    _reader: asyncio.Task[None] | None = None

    # -- opening the page -------------------------------------------------------------

    async def open(self, timeout: float = 300) -> None:
        """Fetch the page, connect to its kernel and receive every widget model."""
        self.opened_at = time.perf_counter()
        query = "group=" + self.table.replace(" ", "+")
        response = await AsyncHTTPClient().fetch(HTTPRequest(f"{self.base_url}/voila/render/{self.notebook}?{query}", request_timeout=timeout, connect_timeout=timeout))
        self.html_seconds = time.perf_counter() - self.opened_at
        page = response.body.decode("utf-8")
        found = CONFIG_DATA.search(page)
        if not found:
            raise ProtocolError("the page named no kernel")
        self.kernel_id = json.loads(found.group(1))["kernelId"]
        cookies = SimpleCookie()
        for header in response.headers.get_list("Set-Cookie"):
            cookies.load(header)
        self._xsrf = cookies["_xsrf"].value if "_xsrf" in cookies else ""
        await self._connect(timeout)
        self.interactive_seconds = time.perf_counter() - self.opened_at

    async def _connect(self, timeout: float) -> None:
        """Open the kernel's websocket (under this tab's session) and receive every widget model."""
        ws_url = self.base_url.replace("http", "ws", 1) + f"/api/kernels/{self.kernel_id}/channels?session_id={self._session}"
        self._socket = await websocket_connect(HTTPRequest(ws_url, connect_timeout=timeout, request_timeout=timeout), max_message_size=256 * 2**20)
        self._reader = asyncio.ensure_future(self._read())
        control = uuid.uuid4().hex
        self._control = asyncio.get_running_loop().create_future()
        self._control_id = control
        await self._send("comm_open", {"comm_id": control, "target_name": CONTROL_TARGET, "data": {}}, metadata={"version": CONTROL_VERSION})
        await self._send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        states = await asyncio.wait_for(self._control, timeout)
        self.models = {model_id: value["state"] | {"_model_name": value["model_name"]} for model_id, value in states.items()}

    async def drop(self) -> None:
        """Lose the connection as a network blip or a sleeping tablet does: no goodbye, the kernel left running."""
        if self._reader is not None:
            self._reader.cancel()
        if self._socket is not None:
            self._socket.close()
        self._socket = self._reader = None

    async def reconnect(self, timeout: float = 120) -> None:
        """Come back to the same kernel, as the page's own reconnect does, and receive the widget models again."""
        await self._connect(timeout)

    # -- answering --------------------------------------------------------------------

    def choice_cards(self) -> list[tuple[str, list[str]]]:
        """The page's choice buttons (ToggleButtons inside a .kit-card): model id and option labels."""
        cards = [state for state in self.models.values() if "kit-card" in state.get("_dom_classes", ())]
        found = []
        for card in cards:
            for child in card.get("children", ()):
                model_id = child.removeprefix("IPY_MODEL_")
                state = self.models.get(model_id, {})
                if state.get("_model_name") == "ToggleButtonsModel":
                    found.append((model_id, list(state.get("_options_labels", ()))))
        return found

    async def choose(self, model_id: str, index: int, timeout: float = 120) -> float:
        """Pick option ``index`` of a choice widget; seconds until a feedback area changes."""
        return await self._timed({"method": "update", "state": {"index": index}, "buffer_paths": []}, model_id, timeout)

    async def click(self, model_id: str, timeout: float = 120) -> float:
        """Press a button; seconds until a feedback area changes."""
        return await self._timed({"method": "custom", "content": {"event": "click"}}, model_id, timeout)

    async def set_value(self, model_id: str, value: Any) -> None:
        """Type into a box (no wait: typing alone may give no feedback)."""
        await self._send("comm_msg", {"comm_id": model_id, "data": {"method": "update", "state": {"value": value}, "buffer_paths": []}})

    def first(self, model_name: str, **state: Any) -> str:
        """The id of the first model of a kind whose state has these values (e.g. ``disabled=True``)."""
        for model_id, found in self.models.items():
            if found.get("_model_name") == model_name and all(found.get(k) == v for k, v in state.items()):
                return model_id
        raise ProtocolError(f"no {model_name} with {state} on {self.notebook}")

    async def send_raw(self, model_id: str, data: dict[str, Any]) -> None:
        """Send any widget message to a model, as a tampered page could."""
        await self._send("comm_msg", {"comm_id": model_id, "data": data})

    async def wait_for_update(self, model_id: str, key: str, since: int = 0, timeout: float = 60) -> Any:
        """The value of ``key`` in the first update to ``model_id`` after ``updates[since]``."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for found_id, state in self.updates[since:]:
                if found_id == model_id and key in state:
                    return state[key]
            await asyncio.sleep(0.05)
        raise ProtocolError(f"no update of {key!r} to {model_id} within {timeout} s")

    def find(self, model_name: str, description: str) -> str:
        """The id of the first model of a kind with this description (e.g. a button's label)."""
        for model_id, state in self.models.items():
            if state.get("_model_name") == model_name and state.get("description") == description:
                return model_id
        raise ProtocolError(f"no {model_name} called {description!r} on {self.notebook}")

    async def _timed(self, data: dict[str, Any], model_id: str, timeout: float) -> float:
        live = {mid for mid, state in self.models.items() if LIVE_CLASS in state.get("_dom_classes", ())}
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append((live, waiter))
        started = time.perf_counter()
        await self._send("comm_msg", {"comm_id": model_id, "data": data})
        await asyncio.wait_for(waiter, timeout)
        seconds = time.perf_counter() - started
        self.feedback_seconds.append(seconds)
        return seconds

    # -- closing ----------------------------------------------------------------------

    async def close(self) -> None:
        """Close the websocket and shut the kernel down, as the kit's page does when a tab closes."""
        if self._socket is not None:
            self._socket.close()
        if self._reader is not None:
            self._reader.cancel()
        if self.kernel_id:
            headers = {"X-XSRFToken": self._xsrf, "Cookie": f"_xsrf={self._xsrf}"} if self._xsrf else {}
            try:
                await AsyncHTTPClient().fetch(HTTPRequest(f"{self.base_url}/voila/api/shutdown/{self.kernel_id}", method="POST", body=b"", headers=headers, request_timeout=60))
            except Exception:  # noqa: BLE001 - the kernel may already be gone; idle culling is the backstop
                pass

    # -- the wire ---------------------------------------------------------------------

    async def _send(self, msg_type: str, content: dict[str, Any], metadata: dict[str, Any] | None = None) -> None:
        message = {
            "header": {"msg_id": uuid.uuid4().hex, "username": "bench", "session": self._session, "msg_type": msg_type, "version": "5.3", "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
            "channel": "shell",
            "buffers": [],
        }
        await self._socket.write_message(json.dumps(message))

    async def _read(self) -> None:
        while True:
            raw = await self._socket.read_message()
            if raw is None:
                return
            message = deserialize_binary_message(raw) if isinstance(raw, bytes) else json.loads(raw)
            if message.get("msg_type", message["header"].get("msg_type")) != "comm_msg":
                continue
            content = message["content"]
            data = content.get("data", {})
            if content.get("comm_id") == getattr(self, "_control_id", None) and data.get("method") == "update_states":
                if self._control is not None and not self._control.done():
                    self._control.set_result(data["states"])
                continue
            if data.get("method") != "update":
                continue
            comm_id = content.get("comm_id")
            self.updates.append((comm_id, data.get("state", {})))
            if "value" not in data.get("state", {}):
                continue
            if comm_id in self.models:
                self.models[comm_id]["value"] = data["state"]["value"]
            for live, waiter in list(self._waiters):
                if comm_id in live and not waiter.done():
                    waiter.set_result(comm_id)
                    self._waiters.remove((live, waiter))
