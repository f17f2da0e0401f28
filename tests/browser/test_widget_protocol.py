"""Messages no page would send, sent down a real kiosk's kernel websocket.

A tampered page (or a script in the browser's console) can send any widget
message. The kernel must refuse what the page never offers, say so in the
page's message box, put the control back as it was, and save nothing.
``widget_client.Participant`` speaks the protocol as a browser tab does.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from widget_client import Participant

from workshop_kit.settings import Settings
from workshop_kit.store import Store
from workshop_kit.markup import render
from workshop_kit.widgets.inbound import NOT_AN_OPTION, SWITCHED_OFF, too_long

KIOSK_SESSION = "browser-tests"  # kiosk_support.start_kiosk

TEN_MEGABYTES = 10_000_000


def _run(scenario):
    """Run a coroutine to the end in a thread of its own: Playwright's sync API keeps an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario).result()


def _saved_rows(kiosk, table: str) -> list:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    return [row for row in store.all_answers(KIOSK_SESSION) if row.group == table]


def _alert_id(participant: Participant) -> str:
    return next(model_id for model_id, state in participant.models.items() if "kit-alert" in state.get("_dom_classes", ()))


async def _refused(participant: Participant, model_id: str, data: dict, key: str) -> tuple[str, object]:
    """Send ``data`` to a model; the sentence shown in the message box and the value the control is put back to."""
    since = len(participant.updates)
    await participant.send_raw(model_id, data)
    sentence = await participant.wait_for_update(_alert_id(participant), "value", since)
    put_back = await participant.wait_for_update(model_id, key, since) if key else None
    return sentence, put_back


def test_a_ten_megabyte_answer_is_refused_and_nothing_is_saved(kiosk) -> None:
    table = "Wire Table Text"

    async def scenario() -> tuple[str, object, object]:
        participant = Participant(kiosk.url, "04_drafting_statements.ipynb", table)
        await participant.open(timeout=120)
        try:
            box = participant.first("TextareaModel", disabled=False)
            before = participant.models[box]["value"]
            sentence, put_back = await _refused(participant, box, {"method": "update", "state": {"value": "x" * TEN_MEGABYTES}, "buffer_paths": []}, "value")
            return sentence, put_back, before
        finally:
            await participant.close()

    sentence, put_back, before = _run(scenario())
    assert _shown(too_long(TEN_MEGABYTES)) in sentence
    assert put_back == before
    assert _saved_rows(kiosk, table) == []


def test_a_choice_the_page_never_offered_is_refused(kiosk) -> None:
    table = "Wire Table Choice"

    async def scenario() -> tuple[str, object, int]:
        participant = Participant(kiosk.url, "01_outputs_outcomes_impact.ipynb", table)
        await participant.open(timeout=120)
        try:
            model_id, labels = participant.choice_cards()[0]
            sentence, put_back = await _refused(participant, model_id, {"method": "update", "state": {"index": len(labels) + 5}, "buffer_paths": []}, "index")
            # the page still answers a real choice afterwards
            await participant.choose(model_id, 0)
            return sentence, put_back, len(participant.feedback_seconds)
        finally:
            await participant.close()

    sentence, put_back, answered = _run(scenario())
    assert _shown(NOT_AN_OPTION) in sentence
    assert put_back is None
    assert answered == 1
    saved = _saved_rows(kiosk, table)
    assert len(saved) == 1


def test_a_click_on_a_switched_off_button_does_nothing(kiosk) -> None:
    table = "Wire Table Click"

    async def scenario() -> str:
        participant = Participant(kiosk.url, "01_outputs_outcomes_impact.ipynb", table)
        await participant.open(timeout=120)
        try:
            button = participant.first("ButtonModel", disabled=True)
            sentence, _ = await _refused(participant, button, {"method": "custom", "content": {"event": "click"}}, "")
            return sentence
        finally:
            await participant.close()

    assert _shown(SWITCHED_OFF) in _run(scenario())
    assert _saved_rows(kiosk, table) == []


def _shown(sentence: str) -> str:
    """A sentence as the page's message box shows it: escaped by the kit's templates."""
    return render("parts/paragraph.html", text=sentence, css_class="")[len("<p>") : -len("</p>")]
