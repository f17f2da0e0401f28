"""What a running kiosk serves, and to whom: the kit's pages, on this machine only unless a join token is set."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from workshop_kit.settings import DATABASE_FILE

# Addresses a curious participant might try. Each is refused, whatever the encoding.
TRAVERSALS = ("../", "..%2f", "%2e%2e/", "%2e%2e%2f", "..%5c", "%252e%252e%252f", "....//", "..;/", "%c0%ae%c0%ae/")
TARGETS = ("pyproject.toml", "workshop_kit/cli.py", "etc/passwd", f"data/{DATABASE_FILE}", "dashboard/dashboard.ipynb")
PREFIXES = (
    "/voila/render/",
    "/voila/files/",
    "/voila/static/",
    "/voila/templates/",
    "/voila/templates/kiosk/static/",
    "/voila/labextensions/",
    "/voila/api/themes/",
    "/voila/api/contents/",
    "/api/contents/",
    "/files/",
    "/voila/tree/",
)
PLAIN = (
    "/tree",
    "/voila/tree",
    "/voila/api/contents",
    "/api/contents",
    "/api/contents/00_start.ipynb",
    "/files/00_start.ipynb",
    "/voila/files/00_start.ipynb",
    "/voila/files/01_outputs_outcomes_impact.ipynb",
    "/00_start.ipynb",
    "/notebooks/00_start.ipynb",
    "/voila/render/dashboard.ipynb",
    "/voila/render/../dashboard/dashboard.ipynb",
    "/pyproject.toml",
    "/etc/passwd",
    "/voila/render/pyproject.toml",
    f"/voila/render/{DATABASE_FILE}",
    f"/voila/render/data/{DATABASE_FILE}",
    f"/voila/files/data/{DATABASE_FILE}",
    "/voila/templates/kiosk/index.html.j2",
    "/voila/templates/kiosk/conf.json",
    "/voila/templates/lab/index.html.j2",
    "/api/kernels",
    "/api/sessions",
    "/api/kernelspecs",
    "/api/status",
    "/voila/render/.ipynb_checkpoints/00_start-checkpoint.ipynb",
    "/voila/render/00_start.ipynb/../../pyproject.toml",
)
# What a leaked file would contain
LEAKS = ("[project]", "root:x:0:0", "SQLite format 3", '"cells"', "def main(", "workshop-kit", "/work/", str(Path.home()))
REFUSED = {403, 404}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, path: str) -> tuple[int, bytes]:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _addresses() -> list[str]:
    return sorted({f"{prefix}{way * 6}{target}" for prefix in PREFIXES for way in TRAVERSALS for target in TARGETS} | set(PLAIN))


def test_nothing_but_the_kit_pages_is_served(kiosk) -> None:
    """Is every address outside the kit's pages refused with 403 or 404, leaking nothing, while the pages still work?"""
    served = []
    for path in _addresses():
        status, body = _get(kiosk.url, path)
        text = body.decode("utf-8", errors="replace")
        # an overlong UTF-8 escape is refused by Tornado as a bad request before any handler sees it
        allowed = REFUSED | ({400} if "%c0" in path else set())
        if status not in allowed or any(leak in text for leak in LEAKS):
            served.append((path, status, text[:80]))
    assert served == []
    status, body = _get(kiosk.url, "/")
    assert status in (301, 302)
    assert _get(kiosk.url, "/voila/render/00_start.ipynb")[0] == 200
    assert _get(kiosk.url, "/voila/templates/lab/static/voila.js")[0] == 200


def test_the_address_cannot_swap_the_kit_template(kiosk) -> None:
    """Does ?template=lab (or ?theme=dark) still give the kit's own page, with its friendly error block and idle return?"""
    plain = _get(kiosk.url, "/voila/render/00_start.ipynb")[1].decode()
    for query in ("?template=lab", "?template=classic", "?theme=dark", "?template=../../../etc"):
        status, body = _get(kiosk.url, f"/voila/render/00_start.ipynb{query}")
        assert status == 200
        assert "kit-idle-warning" in body.decode() and "kit-idle-warning" in plain


def _other_addresses() -> list[str]:
    """This machine's addresses other machines could use (none on a machine with only loopback)."""
    found = []
    for addresses in psutil.net_if_addrs().values():
        for address in addresses:
            if address.family == socket.AF_INET and not address.address.startswith("127."):
                found.append(address.address)
    return found


def test_the_kiosk_listens_on_this_machine_only_by_default(kiosk) -> None:
    """Does the default kiosk listen on 127.0.0.1 alone, so the machine's other addresses get no answer?"""
    listening = [c for c in psutil.Process(kiosk.process.pid).net_connections(kind="inet") if c.status == psutil.CONN_LISTEN]
    assert listening, "the kiosk listens nowhere"
    assert {c.laddr.ip for c in listening} <= {"127.0.0.1", "::1"}
    port = int(kiosk.url.rsplit(":", 1)[1])
    for address in _other_addresses():
        with socket.socket() as probe:
            probe.settimeout(5)
            assert probe.connect_ex((address, port)) != 0, f"the kiosk answered on {address}"


def test_listening_beyond_this_machine_without_a_token_is_refused_plainly(tmp_path: Path) -> None:
    """Does 'kiosk --host 0.0.0.0' with no token stop at once with exit 2 and a sentence saying what to add?"""
    for command in ("kiosk", "dashboard"):
        finished = subprocess.run(
            [sys.executable, "-m", "workshop_kit.cli", command, "--host", "0.0.0.0", "--port", str(_free_port()), "--data", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert finished.returncode == 2
        assert "no join token is set" in finished.stderr and "--token" in finished.stderr
        assert "Traceback" not in finished.stderr


def test_with_a_token_every_page_needs_it(tmp_path: Path) -> None:
    """Listening on every address with --token, are the pages refused without the token and served with it?"""
    port = _free_port()
    log = tmp_path / "open-kiosk.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "workshop_kit.cli", "kiosk", "--host", "0.0.0.0", "--port", str(port), "--token", "blue-kettle", "--pool-size", "0", "--data", str(tmp_path / "data")],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while "running at" not in log.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            time.sleep(0.25)
        addresses = ["127.0.0.1", *_other_addresses()[:1]]
        for address in addresses:
            url = f"http://{address}:{port}"
            status, body = _get(url, "/voila/render/00_start.ipynb")
            assert status in (302, 403) and b"Outcomes-based commissioning" not in body
            assert _get(url, "/voila/render/00_start.ipynb?token=wrong-kettle")[0] in (302, 403)
        status, body = _get(f"http://{addresses[-1]}:{port}", "/voila/render/00_start.ipynb?token=blue-kettle")
        assert status == 200 and b"Outcomes-based commissioning" in body
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_loopback_addresses_need_no_token(host: str) -> None:
    """Are the loopback spellings accepted without a token (only this machine can reach them)?"""
    from workshop_kit.kiosk import check_settings
    from workshop_kit.settings import Settings

    check_settings(Settings(host=host))


def test_the_pages_scripts_are_kept_for_the_day_and_only_the_widgets_extensions_load(kiosk) -> None:
    """Does the browser keep Voila's scripts for a working day instead of asking for ~80 files on every page, and
    does a page load no JupyterLab extension but the widgets'?"""
    from workshop_kit.kiosk import PAGE_EXTENSIONS, SCRIPT_CACHE_CONTROL

    host, port = kiosk.url.removeprefix("http://").split(":")
    for path in ("/voila/static/voila.js", "/voila/labextensions/@jupyter-widgets/jupyterlab-manager/package.json"):
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        assert (path, response.status, response.getheader("Cache-Control")) == (path, 200, SCRIPT_CACHE_CONTROL)
    status, page = _get(kiosk.url, "/voila/render/01_outputs_outcomes_impact.ipynb")
    assert status == 200
    config = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page.decode(), re.S)
    assert config is not None
    assert {extension["name"] for extension in json.loads(config.group(1))["federated_extensions"]} == set(PAGE_EXTENSIONS)
