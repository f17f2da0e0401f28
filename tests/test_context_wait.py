"""A preheated kernel waiting for its visitor: the wait survives a dropped socket and never gives up a visitor."""

from __future__ import annotations

import json
import threading
from typing import Iterator

import pytest
from websockets.sync.server import ServerConnection, serve

from workshop_kit import context

VISITOR_VARIABLES = ("QUERY_STRING", "SERVER_NAME")


@pytest.fixture(autouse=True)
def no_visitor_left_behind() -> Iterator[None]:
    """The wait writes the visitor's variables into this process's environment: take them out again,
    or every kernel started later in the run (nbval's) would open as that visitor's table."""
    before = {name: context.os.environ.get(name) for name in VISITOR_VARIABLES}
    yield
    for name, value in before.items():
        if value is None:
            context.os.environ.pop(name, None)
        else:
            context.os.environ[name] = value


@pytest.fixture
def request_info_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Voila's request-info socket, played by a local server: it drops the first connection, answers the second."""
    opened: list[str] = []

    def handler(connection: ServerConnection) -> None:
        opened.append(connection.request.path if connection.request else "")
        if len(opened) == 1:
            connection.close()  # a blip: the server side closes while the kernel waits
            return
        connection.send(json.dumps({"QUERY_STRING": "group=Back+Table", "SERVER_NAME": "127.0.0.1"}))

    with serve(handler, "127.0.0.1", 0) as server:
        port = server.socket.getsockname()[1]
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        for name, value in {"VOILA_APP_IP": "127.0.0.1", "VOILA_APP_PORT": str(port), "VOILA_SERVER_URL": "/", "VOILA_KERNEL_ID": "kernel-1", "VOILA_WS_BASE_URL": "/"}.items():
            monkeypatch.setenv(name, value)
        monkeypatch.delenv("QUERY_STRING", raising=False)
        monkeypatch.delenv("SERVER_NAME", raising=False)
        yield opened
        server.shutdown()
        thread.join(timeout=10)


def test_a_waiting_kernel_reconnects_after_its_socket_drops_and_gets_the_visitor(request_info_server) -> None:
    """Does a dropped request-info socket lead to a second wait that receives the table's address, not to a nameless page?"""
    context._wait_for_visitor()
    assert request_info_server == ["/voila/query/kernel-1", "/voila/query/kernel-1"]
    assert context.os.environ["QUERY_STRING"] == "group=Back+Table"


def test_an_unreachable_server_gives_a_page_with_no_group(monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing listening, does the wait end (so the page still opens) rather than hang?"""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("VOILA_APP_PORT", str(port))
    monkeypatch.setenv("VOILA_APP_IP", "127.0.0.1")
    monkeypatch.delenv("QUERY_STRING", raising=False)
    context._wait_for_visitor()
    assert "QUERY_STRING" not in context.os.environ
