"""A whole step done with the keyboard alone: Tab, Shift+Tab, Enter and Space, with a visible focus at every stop."""

from __future__ import annotations

import time

from kiosk_support import WIDGET_TIMEOUT, card, open_page

from workshop_kit import content
from workshop_kit.settings import Settings
from workshop_kit.store import Store

STEP = "01_outputs_outcomes_impact.ipynb"
EXERCISE = "outputs_outcomes_impact"
TABLE = "Keyboard Table"

FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const ring = style.boxShadow && style.boxShadow !== 'none';
  const cardElement = el.closest('.kit-card');
  const cards = [...document.querySelectorAll('.kit-card')];
  return {
    tag: el.tagName.toLowerCase(),
    label: (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().slice(0, 60),
    visible: outline || ring,
    onScreen: el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0,
    card: cardElement ? cards.indexOf(cardElement) : -1,
  };
}"""


def _saved(kiosk) -> dict:
    store = Store.from_settings(Settings(data_dir=kiosk.data_dir))
    try:
        group = store.find_group("browser-tests", TABLE)
        return {} if group is None else {i: a.payload for i, a in store.latest(group, EXERCISE).items()}
    finally:
        store.close()


def test_a_whole_step_can_be_done_with_the_keyboard_alone(kiosk, page) -> None:
    """Can every statement of the first step be sorted with Tab, Shift+Tab, Enter and Space only, with the focus
    visibly outlined at every stop, and is every answer saved?"""
    exercise = content.sorting_exercise(EXERCISE)
    labels = {c.id: c.label for c in exercise.categories}
    wanted = [labels[item.accepted[0]] for item in exercise.items]
    open_page(page, f"{kiosk.url}/voila/render/{STEP}?group={TABLE.replace(' ', '+')}")
    page.get_by_text("Saving your table's answers as").wait_for(timeout=WIDGET_TIMEOUT)

    answered: set[int] = set()
    stops = []
    went_back = False
    for press in range(600):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus is not None, f"Tab {press + 1} left the focus nowhere (after {stops[-3:]})"
        stops.append(focus["label"])
        assert focus["visible"], f"no visible focus outline on {focus}"
        assert focus["onScreen"], f"the focus went to something hidden: {focus}"
        number = focus["card"]
        if number < 0 or number in answered or focus["label"] != wanted[number]:
            continue
        if not went_back:  # step back and forth once: Shift+Tab returns to the previous control
            page.keyboard.press("Shift+Tab")
            back = page.evaluate(FOCUS)
            assert back is not None and back["visible"] and back["label"] != focus["label"]
            page.keyboard.press("Tab")
            assert page.evaluate(FOCUS)["label"] == focus["label"]
            went_back = True
        page.keyboard.press("Space" if number % 2 == 0 else "Enter")
        card(page, number + 1).locator(".kit-feedback").first.wait_for(timeout=WIDGET_TIMEOUT)
        assert page.evaluate(FOCUS)["label"] == focus["label"], "pressing the choice moved the focus away"
        answered.add(number)
        if len(answered) == len(wanted):
            break
    assert len(answered) == len(wanted), f"only {len(answered)} of {len(wanted)} statements were reachable"
    page.get_by_text(f"Finished: {len(wanted)} out of {len(wanted)} match what the sources say").wait_for(timeout=WIDGET_TIMEOUT)

    deadline = time.monotonic() + 120
    while len(_saved(kiosk)) < len(wanted) and time.monotonic() < deadline:
        time.sleep(0.25)
    saved = _saved(kiosk)
    assert {item.id: saved[item.id]["choice"] for item in exercise.items} == {item.id: item.accepted[0] for item in exercise.items}
