"""A participant's browser can reach only its own page's kernel, and only as the page itself does.

The kernels REST endpoints answer 404 to a page's scripts: listing kernels, and
reading, deleting, restarting or interrupting another table's kernel or its own,
except the one read Voila's page makes as it connects (GET of its own kernel,
known from a signed cookie the page set). The page keeps working over its
websocket, and closing the tab still shuts its kernel down through Voila's own
form post with ``_xsrf``.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from kiosk_support import WIDGET_TIMEOUT, Kiosk, card, open_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

STEP = "/voila/render/01_outputs_outcomes_impact.ipynb"
REFUSED = {403, 404}
ASK = """async ([method, path]) => {
    const xsrf = (document.cookie.match(/(?:^|; )_xsrf=([^;]*)/) || [])[1] || "";
    const answer = await fetch(path, {method, headers: {"X-XSRFToken": decodeURIComponent(xsrf)}, credentials: "same-origin"});
    return [answer.status, await answer.text()];
}"""


def _kernel_id(page: Page) -> str:
    return json.loads(page.locator("#jupyter-config-data").text_content() or "")["kernelId"]


def _alive(kiosk: Kiosk, kernel: str) -> bool:
    return any(kernel in " ".join(p.cmdline()) for p in kiosk.kernel_processes())


def test_the_kernels_api_answers_a_participant_with_404_and_the_page_still_works(kiosk: Kiosk, browser: Browser) -> None:
    """From one table's page: are listing kernels, reading or deleting its own kernel and another table's all refused,
    are both kernels still running, does the page still answer a click, and does closing its tab still shut it down?"""
    own_context, other_context = browser.new_context(), browser.new_context()
    page, other = own_context.new_page(), other_context.new_page()
    open_page(page, f"{kiosk.url}{STEP}?group=Kernel+API+Table")
    open_page(other, f"{kiosk.url}{STEP}?group=Another+Table")
    mine, theirs = _kernel_id(page), _kernel_id(other)
    assert mine != theirs

    tries = [("GET", "/api/kernels"), ("POST", "/api/kernels")]
    for kernel in (mine, theirs):
        tries += [
            ("GET", f"/api/kernels/{kernel}"),
            ("DELETE", f"/api/kernels/{kernel}"),
            ("PATCH", f"/api/kernels/{kernel}"),
            ("POST", f"/api/kernels/{kernel}/restart"),
            ("POST", f"/api/kernels/{kernel}/interrupt"),
        ]
    answers = {(method, path): page.evaluate(ASK, [method, path]) for method, path in tries}
    own_read = answers.pop(("GET", f"/api/kernels/{mine}"))
    allowed = {key: (status, body[:80]) for key, (status, body) in answers.items() if status not in REFUSED}
    assert allowed == {}
    assert not any(mine in body or theirs in body for _status, body in answers.values())
    assert own_read[0] == 200 and json.loads(own_read[1])["id"] == mine and theirs not in own_read[1]
    # the other table's page can read its own kernel, but not this one
    assert other.evaluate(ASK, ["GET", f"/api/kernels/{theirs}"])[0] == 200
    assert other.evaluate(ASK, ["GET", f"/api/kernels/{mine}"])[0] in REFUSED
    assert _alive(kiosk, mine) and _alive(kiosk, theirs)

    card(page, 8).get_by_role("button", name="Output", exact=True).click()
    card(page, 8).get_by_text("Yes: this is an output.").wait_for(timeout=WIDGET_TIMEOUT)

    page.close(run_before_unload=True)  # Voila's own shutdown, a form post with _xsrf, is still allowed
    deadline = time.monotonic() + 30
    while f"Kernel shutdown: {mine}" not in kiosk.log() and time.monotonic() < deadline:
        time.sleep(0.25)
    assert f"Kernel shutdown: {mine}" in kiosk.log()
    assert _alive(kiosk, theirs)
    own_context.close()
    other_context.close()
