"""A real kiosk (``workshop-kit kiosk``) on a free port, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import pytest
from kiosk_support import Kiosk, new_context, start_kiosk, stop_kiosk

if TYPE_CHECKING:
    from playwright.sync_api import Browser
    from postgres_server import PostgresServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


KIOSK_LOG_LINES = 80  # of each kiosk's log, shown under a failed test


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under a failed browser test, the end of the log of every kiosk it used: CI keeps no temporary folders."""
    outcome = yield
    report = outcome.get_result()
    if not report.failed:
        return
    for name, value in getattr(item, "funcargs", {}).items():
        if isinstance(value, Kiosk) and value.log_path.exists():
            lines = [line for line in value.log().splitlines() if "running over TCP without encryption" not in line]
            report.sections.append((f"log of {name} (last {KIOSK_LOG_LINES} lines)", "\n".join(lines[-KIOSK_LOG_LINES:])))


@pytest.fixture(scope="session")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    running = start_kiosk(tmp_path_factory.mktemp("kiosk"))
    yield running
    stop_kiosk(running)


#: a kiosk's very first page on a busy 2-core machine can take far longer than later ones
FIRST_PAGE_TIMEOUT = 180_000


@pytest.fixture(scope="session")
def postgres_kiosk(tmp_path_factory: pytest.TempPathFactory, postgres: PostgresServer, browser: Browser) -> Iterator[Kiosk]:
    """A second kiosk whose pages save to a database of the test PostgreSQL server (started on first use).

    Its start page is opened once before any test, with a generous limit, so the first
    test's own limits measure a page, not the kiosk's first request.
    """
    url = postgres.create_database("kiosk_pages")
    running = start_kiosk(tmp_path_factory.mktemp("postgres-kiosk"), database_url=url)
    try:
        warm = browser.new_context()
        warm.new_page().goto(running.url + "/", timeout=FIRST_PAGE_TIMEOUT)
        warm.pages[0].wait_for_selector("input[type=text]", timeout=FIRST_PAGE_TIMEOUT)
        warm.close()
        yield running
    finally:
        stop_kiosk(running)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_kiosk(request: pytest.FixtureRequest) -> Kiosk:
    """The kiosk on an SQLite file, then the kiosk on PostgreSQL: for the tests that must pass on both."""
    return request.getfixturevalue("kiosk" if request.param == "sqlite" else "postgres_kiosk")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's Chromium is missing at {CHROMIUM}: run 'make chromium' (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = new_context(browser, viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()
