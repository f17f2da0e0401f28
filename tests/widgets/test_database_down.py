"""When the PostgreSQL server is down, or goes away mid-day, pages and the dashboard say so plainly and nothing saved is lost.

A PostgreSQL server of this test's own is really stopped (``pg_ctl stop``) while
a page is open, then started again: the same sentences as a full disk
(``test_storage_trouble.py``), the same promise that what was saved stays saved.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile_strings import html_text
from postgres_server import PostgresServer, running_postgres

from workshop_kit import context
from workshop_kit.dashboard.page import Dashboard
from workshop_kit.data_folder import startup_problem
from workshop_kit.settings import Settings
from workshop_kit.widgets.common import PAGE_FAILED, SAVE_FAILED

from .page_walk import (
    Walk,
    answer_choices,
    build_page,
    fill_and_press,
    name_box,
    page_modules,
    reopen,
    shown_html,
    shown_values,
)

pytestmark = [pytest.mark.postgres, pytest.mark.filterwarnings("ignore:Glyph .* missing from font")]
#: a page of cards that save as they are chosen (step 01) and one of typed text and buttons (step 04)
PAGES = {name: module for name, module in page_modules().items() if name[:2] in ("01", "04")}
TABLE = "Table before the server went away"


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    """A server of this module's own, since its tests stop it."""
    with running_postgres() as started:
        yield started


@pytest.fixture
def database(server: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if not server.running():
        server.start()
    url = server.create_database()
    monkeypatch.setenv("WORKSHOP_KIT_DATABASE_URL", url)
    monkeypatch.setenv("WORKSHOP_KIT_SESSION", "down")
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.delenv("VOILA_PREHEAT", raising=False)
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()
    yield url
    if not server.running():
        server.start()
    context.store().close()
    for cached in (context.settings, context.store, context.query_string):
        cached.cache_clear()


def _rows() -> list[tuple[str, str, str, str]]:
    return [(a.group, a.exercise, a.item, repr(a.payload)) for a in context.store().all_answers("down")]


@pytest.mark.parametrize("notebook", sorted(PAGES))
def test_a_page_says_plainly_when_the_server_goes_away_and_loses_nothing(server: PostgresServer, database: str, notebook: str) -> None:
    """With the server stopped mid-page, does every save say so in a sentence (never a failed page), and once it
    is back does the table reopen with every earlier answer, and save again on the first try?"""
    assert len(PAGES) == 2
    page = build_page(PAGES[notebook])
    name_box(page).value = TABLE
    saved_before = fill_and_press(page, lambda n: f"Saved before the server went away {n}", Walk())
    answer_choices(page, limit=2)
    rows_before = _rows()
    assert rows_before, "nothing was saved before the trouble"
    server.stop()
    assert not server.running()
    during = Walk()
    typed = fill_and_press(page, lambda n: f"Typed while the server was away {n}", during)
    chosen = answer_choices(page)
    seen = during.seen_html + shown_html(page)
    assert typed or chosen
    assert any(SAVE_FAILED in html_text(h) for h in seen), "no sentence said the save failed"
    for shown in seen:
        assert PAGE_FAILED not in html_text(shown) and "Traceback" not in shown
    server.start()
    assert _rows() == rows_before
    reopen(page, TABLE)
    check = Walk(html_after=shown_html(page), values_after=shown_values(page))
    assert [text for text in saved_before.values() if not check.shown_again(text)] == []
    fill_and_press(page, lambda n: f"Saved once the server was back {n}", Walk())
    answer_choices(page)
    assert len(_rows()) > len(rows_before), "nothing saves once the server is back"


def test_the_dashboard_and_the_kiosk_say_the_server_cannot_be_reached(server: PostgresServer, database: str) -> None:
    """Does the facilitator's page say "Saving is failing" and why while the server is down, clear it when it is
    back, and does starting the kiosk against a stopped server stop with the same sentence (no password shown)?"""
    store = context.store()
    store.save(store.group("down", "Table 1"), "drafting_statements", "fun", {"text": "Children have fun"})
    dashboard = Dashboard(store, context.settings())
    assert dashboard.storage.value == ""
    dashboard.step.value = "drafting_statements"
    server.stop()
    dashboard.refresh()
    assert "Children have fun" in html_text(dashboard.grid.value)
    assert "cannot be read just now" in html_text(dashboard.refreshed.value)
    warning = html_text(dashboard.storage.value)
    assert warning.startswith("Saving is failing. The database postgresql+psycopg://kit@127.0.0.1:")
    assert "cannot be reached" in warning and "Answers given now are not being saved" in warning
    for shown in shown_html(dashboard.view):
        assert PAGE_FAILED not in html_text(shown)
    with_password = database.replace("kit@", "kit:room-secret@")
    problem = startup_problem(Settings(database_url=with_password))
    assert problem is not None and "cannot be reached" in problem and "not being saved" in problem
    assert "room-secret" not in problem
    server.start()
    dashboard.refresh()
    assert dashboard.storage.value == ""
    assert startup_problem(Settings(database_url=database)) is None
    assert [a.payload for a in store.all_answers("down")] == [{"text": "Children have fun"}]
