"""A real JupyterHub (``deploy/jupyterhub``, started as ``make hub`` starts it) with two learners and a facilitator, in Chromium.

One hub for the whole module (each start costs a hub, a proxy, a dashboard
service and a server per learner on a 2-core machine). The learners' answers
go to a database of the test PostgreSQL server, and the dashboard service
reads them back from there.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from workshop_kit.store import Store

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page
    from postgres_server import PostgresServer

ROOT = Path(__file__).resolve().parents[2]
RUN_LOCAL = ROOT / "deploy" / "jupyterhub" / "run_local.py"
PROXY = ROOT / ".hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
ROOM_PASSWORD = "blue-kettle-42"
FACILITATOR_PASSWORD = "f" * 8 + "-the-facilitators-own-long-password"
SESSION = "hub-day"
SPAWN_TIMEOUT = 240_000  # a learner's server starting on a busy 2-core machine
WIDGET_TIMEOUT = 90_000
STEP = "01_outputs_outcomes_impact.ipynb"
pytestmark = [pytest.mark.hub, pytest.mark.postgres]


@dataclass
class Hub:
    url: str
    database_url: str
    process: subprocess.Popen[str]
    log: Path


def _free_port() -> int:
    from postgres_server import free_port

    return free_port()


@pytest.fixture(scope="module")
def hub(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hub]:
    if not PROXY.exists():
        pytest.fail("JupyterHub's proxy is missing: run 'make proxy' (npm install configurable-http-proxy).")
    state = tmp_path_factory.mktemp("hub-state")
    database_url = postgres.create_database("hub_store")
    env = {
        **os.environ,
        "WORKSHOP_KIT_DATABASE_URL": database_url,
        "WORKSHOP_KIT_SESSION": SESSION,
        "WORKSHOP_KIT_ROOM_PASSWORD": ROOM_PASSWORD,
        "WORKSHOP_KIT_FACILITATOR_PASSWORD": FACILITATOR_PASSWORD,
        "WORKSHOP_KIT_HUB_STATE": str(state),
        "WORKSHOP_KIT_HUB_PORT": str(_free_port()),
    }
    env.pop("WORKSHOP_KIT_DATA", None)
    process = subprocess.Popen([sys.executable, str(RUN_LOCAL)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    output = process.stdout
    assert output is not None  # stdout=PIPE

    def read_lines() -> None:
        for line in output:
            lines.put(line)

    threading.Thread(target=read_lines, daemon=True).start()
    said: list[str] = []
    try:
        while True:
            try:
                line = lines.get(timeout=300)
            except queue.Empty:
                pytest.fail(f"JupyterHub did not start within 5 minutes: {''.join(said)}")
            said.append(line)
            if line.startswith("JupyterHub is running at "):
                break
        url = line.removeprefix("JupyterHub is running at ").strip()
        yield Hub(url, database_url, process, state / "jupyterhub.log")
    finally:
        process.terminate()
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()


def _sign_in(browser: Browser, hub: Hub, name: str, password: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(hub.url + "hub/login", timeout=WIDGET_TIMEOUT)
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(password)
    page.locator("#login_submit").click()
    return context, page


def _learner_answers(browser: Browser, hub: Hub, name: str, card_number: int, choice: str, feedback: str) -> tuple[BrowserContext, Page]:
    context, page = _sign_in(browser, hub, name, ROOM_PASSWORD)
    # the hub starts the learner's server, whose default page is the kit's start page in Voila
    page.wait_for_url(f"**/user/{name}/voila/render/00_start.ipynb*", timeout=SPAWN_TIMEOUT)
    page.wait_for_selector("input[type=text]", timeout=SPAWN_TIMEOUT)
    page.goto(f"{hub.url}user/{name}/voila/render/{STEP}?group=Somebody+Else", timeout=WIDGET_TIMEOUT)
    page.get_by_text(f"Saving your answers as {name}").wait_for(timeout=WIDGET_TIMEOUT)
    box = page.get_by_label("Your name")
    assert box.input_value() == name and box.is_disabled()
    card = page.locator(".kit-card").nth(card_number - 1)
    card.get_by_role("button", name=choice, exact=True).click()
    card.get_by_text(feedback).wait_for(timeout=WIDGET_TIMEOUT)
    return context, page


def test_two_learners_save_through_the_hub_and_only_the_facilitator_sees_the_dashboard(hub: Hub, browser: Browser) -> None:
    """Two learners sign in with the room password and each saves an answer on a step page, under their hub name;
    the dashboard service shows both from PostgreSQL to the facilitator, refuses a learner, and a browser that has
    not signed in gets the hub's sign-in page, never a kit page."""
    amira, amira_page = _learner_answers(browser, hub, "amira", 8, "Output", "Yes: this is an output.")
    bryn, _ = _learner_answers(browser, hub, "bryn", 1, "Outcome", "Yes: this is an outcome.")

    store = Store(hub.database_url)
    try:
        saved = {(a.group, a.item): a.payload["choice"] for a in store.all_answers(SESSION)}
    finally:
        store.close()
    assert saved == {("amira", "cdc-output-1"): "output", ("bryn", "ipc-1"): "outcome"}

    # a learner is not let into the facilitator's dashboard
    answer = amira_page.goto(f"{hub.url}services/dashboard/", timeout=WIDGET_TIMEOUT)
    assert answer is not None and answer.status == 403
    assert amira_page.locator(".kit-dashboard-grid").count() == 0

    facilitator, page = _sign_in(browser, hub, "facilitator", FACILITATOR_PASSWORD)
    page.wait_for_url("**/user/facilitator/**", timeout=SPAWN_TIMEOUT)
    page.goto(f"{hub.url}services/dashboard/", timeout=SPAWN_TIMEOUT)
    page.wait_for_url("**/services/dashboard/voila/render/dashboard.ipynb*", timeout=SPAWN_TIMEOUT)
    page.get_by_text("Facilitator's view").first.wait_for(timeout=SPAWN_TIMEOUT)
    page.get_by_label("Step").select_option(label="Outputs, outcomes and impact")
    grid = page.locator(".kit-dashboard-grid").filter(has_text="tables side by side")
    grid.wait_for(timeout=WIDGET_TIMEOUT)
    shown = grid.inner_text()
    assert "amira" in shown and "bryn" in shown

    stranger = browser.new_context()
    lost = stranger.new_page()
    lost.goto(f"{hub.url}user/amira/voila/render/{STEP}", timeout=WIDGET_TIMEOUT)
    lost.wait_for_url("**/hub/login*", timeout=WIDGET_TIMEOUT)
    assert lost.locator("#login_submit").count() == 1
    assert lost.locator(".kit-card, .kit-group-picker").count() == 0
    for context in (amira, bryn, facilitator, stranger):
        context.close()
