"""Feedback latency in headless Chromium: from a click on a check or choice button until the feedback is on screen.

Run: python benchmarks/bench_feedback.py [--samples N]

Measured inside the page (``_page_probe.js``): the clock starts at the click event
(``performance.now()`` in a capture listener) and stops at the first animation frame
after the feedback's text has changed (a MutationObserver on the card, review or draft
that holds the button). Choice buttons alternate between two answers and check buttons
between two texts, so every click changes what is shown.

Typing-pause feedback (drafting step: a review 0.8 s after the last keystroke) is
reported apart: the time from the last keystroke, and that minus the 0.8 s pause
("from the end of the pause").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import launch_chromium, log, machine, save_result, start_kiosk, stop_kiosk, summary  # noqa: E402

PROBE = (Path(__file__).resolve().parent / "_page_probe.js").read_text(encoding="utf-8")
TARGET_P95_MS = 150
PAUSE_SECONDS = 0.8
SETTLE_SECONDS = 1.2  # longer than the typing pause, so a pause review never lands in the next sample
CONTAINER = "xpath=ancestor::*[contains(@class,'kit-card') or contains(@class,'kit-reviewed') or contains(@class,'kit-draft')][1]"
WIDGET_TIMEOUT = 30_000


@dataclass(frozen=True)
class Scenario:
    """One kind of click on one page: how to find the button for sample ``n``, and what to do first."""

    name: str
    notebook: str
    button: Callable[[Any, int], Any]
    before: Callable[[Any, int], None] = lambda page, n: None
    prepare: Callable[[Any], None] = lambda page: None
    container: str = CONTAINER


def _card(page: Any, number: int, within: str = "") -> Any:
    return page.locator(f"{within} .kit-card".strip()).nth(number - 1)


def _choice(number: int, labels: tuple[str, str], within: str = "") -> Callable[[Any, int], Any]:
    return lambda page, n: _card(page, number, within).get_by_role("button", name=labels[n % 2], exact=True)


def _fill(label: str, texts: tuple[str, str]) -> Callable[[Any, int], None]:
    return lambda page, n: page.get_by_label(label, exact=True).fill(texts[n % 2])


def _named(name: str) -> Callable[[Any, int], Any]:
    return lambda page, n: page.get_by_role("button", name=name, exact=True).first


def _homelessness_outcomes(page: Any) -> None:
    page.get_by_label("Outcome 1", exact=True).fill("People at risk keep their tenancy")
    page.get_by_label("Outcome 2", exact=True).fill("People feel safe and settled at home")


def _indicator_outcome(page: Any) -> None:
    page.get_by_label("The outcome you are measuring").fill("Families have a settled home")


SCENARIOS = [
    Scenario("01 sorting: choice button", "01_outputs_outcomes_impact.ipynb", _choice(8, ("Output", "Outcome"))),
    Scenario("02 levels: choice button", "02_levels_of_outcomes.ipynb", _choice(2, ("Individual", "Strategic"))),
    Scenario(
        "02 levels: Check the smart outcome",
        "02_levels_of_outcomes.ipynb",
        _named("Check the smart outcome"),
        before=_fill("SMART outcome", ("By the time he is 17, Sam will cook a meal for his family and friends once a week", "By July, Sam will make his own breakfast on four school days a week")),
    ),
    Scenario("03 personal: choice button", "03_personal_outcomes.ipynb", _choice(2, ("Service or resource", "Personal outcome"))),
    Scenario(
        "03 personal: Check rewrite 1",
        "03_personal_outcomes.ipynb",
        _named("Check rewrite 1"),
        before=_fill("Your rewrite of statement 1", ("I want to stay living in my own home, where my memories are", "I want to see my grandchildren every week")),
        container="xpath=ancestor::*[contains(@class,'kit-rewrite')][1]",
    ),
    Scenario(
        "04 drafting: Check and save",
        "04_drafting_statements.ipynb",
        _named("Check and save"),
        before=_fill("Draft 1 wording", ("We do activities we enjoy, where we want, with our friends", "We feel safe and welcome at the clubs we choose")),
    ),
    Scenario(
        "05 homelessness: Check and save outcomes",
        "05_homelessness_scenario.ipynb",
        _named("Check and save outcomes"),
        before=_fill("Outcome 3", ("People stay well and use health services when they need them", "Provide 200 hours of housing support")),
        prepare=_homelessness_outcomes,
    ),
    Scenario("06 logic model: choice button", "06_logic_model.ipynb", _choice(1, ("Interim outcome", "Output"), ".kit-quiz")),
    Scenario(
        "07 indicators: Add measure",
        "07_indicators.ipynb",
        _named("Add measure"),
        before=_fill("Measure", ("Percentage of families who say their home feels settled", "Number of home visits made")),
        prepare=_indicator_outcome,
    ),
    Scenario(
        "07 indicators: Draw and save the curve (draws a chart)",
        "07_indicators.ipynb",
        _named("Draw and save the curve"),
        before=_fill("The story behind the curve", ("More apprenticeships with local employers", "Earlier help for families at risk")),
    ),
]


def timed_click(page: Any, button: Any, container: str = CONTAINER) -> dict[str, float]:
    """Click ``button`` and return the in-page timings (ms) of the feedback in its ``container``."""
    button.wait_for(timeout=WIDGET_TIMEOUT)
    container = button.locator(container)
    container.evaluate("el => window.__kitArm(el)")
    button.click()
    return _result(page)


def _result(page: Any) -> dict[str, float]:
    """The armed measurement, once the feedback is on screen (an error after WIDGET_TIMEOUT)."""
    found = page.evaluate(f"Promise.race([window.__kitResult(), new Promise((done) => setTimeout(() => done(null), {WIDGET_TIMEOUT}))])")
    if found is None:
        raise TimeoutError("no feedback appeared")
    return found


def run_scenario(context: Any, base: str, scenario: Scenario, samples: int, table: str) -> list[float]:
    tab = context.new_page()
    try:
        tab.goto(f"{base}/voila/render/{scenario.notebook}?group={table.replace(' ', '+')}", wait_until="commit")
        tab.wait_for_function("window.__kitInteractive !== undefined", timeout=WIDGET_TIMEOUT)
        tab.get_by_text("Saving your table's answers as").first.wait_for(timeout=WIDGET_TIMEOUT)
        scenario.prepare(tab)
        found = []
        for n in range(samples):
            scenario.before(tab, n)  # typed text is checked by the click, before its typing pause ends
            result = timed_click(tab, scenario.button(tab, n), scenario.container)
            found.append(result["paintedAt"] - result["clickAt"])
            time.sleep(SETTLE_SECONDS)  # the typing-pause review of the same text lands before the next sample
        return found
    finally:
        tab.close(run_before_unload=True)


def run_pause(context: Any, base: str, samples: int, table: str) -> list[float]:
    """Type into a draft, stop, and time until its review shows (from the last keystroke)."""
    tab = context.new_page()
    texts = ("Young people have friends they can rely on", "Children feel listened to at school")
    try:
        tab.goto(f"{base}/voila/render/04_drafting_statements.ipynb?group={table.replace(' ', '+')}", wait_until="commit")
        tab.wait_for_function("window.__kitInteractive !== undefined", timeout=WIDGET_TIMEOUT)
        tab.get_by_text("Saving your table's answers as").first.wait_for(timeout=WIDGET_TIMEOUT)
        box = tab.get_by_label("Draft 2 wording", exact=True)
        found = []
        for n in range(samples):
            box.fill("")
            time.sleep(SETTLE_SECONDS)
            box.locator(CONTAINER).evaluate("el => window.__kitArm(el)")
            box.click()
            tab.keyboard.type(texts[n % 2] + f" {n}", delay=20)
            result = _result(tab)
            found.append(result["paintedAt"] - result["lastKeyAt"])
        return found
    finally:
        tab.close(run_before_unload=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=6, help="clicks per scenario (default 6)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    before = machine()
    from playwright.sync_api import sync_playwright

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-feedback-") as tmp, sync_playwright() as playwright:
        kiosk = start_kiosk(Path(tmp), pool_size=1)
        browser = launch_chromium(playwright)
        try:
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            context.add_init_script(PROBE)
            for number, scenario in enumerate(SCENARIOS, start=1):
                results[scenario.name] = run_scenario(context, kiosk.url, scenario, args.samples, f"Feedback Table {number}")
                log(f"  {scenario.name}: {[round(x) for x in results[scenario.name]]} ms")
            pause = run_pause(context, kiosk.url, max(3, args.samples // 2), "Feedback Pause Table")
            log(f"  04 drafting: review after a pause, from the last keystroke: {[round(x) for x in pause]} ms")
            context.close()
        finally:
            browser.close()
            stop_kiosk(kiosk)
    clicks = [value for values in results.values() for value in values]
    figures = {
        "target_p95_ms": TARGET_P95_MS,
        "all_clicks_ms": summary(clicks),
        "scenarios_ms": {name: summary(values) for name, values in results.items()},
        "pause_from_last_key_ms": summary(pause),
        "pause_from_end_of_pause_ms": summary([value - PAUSE_SECONDS * 1000 for value in pause]),
        "raw_ms": {**{name: [round(v, 1) for v in values] for name, values in results.items()}, "pause_from_last_key": [round(v, 1) for v in pause]},
        "load_average_before": before["load_average"],
    }
    command = " ".join(["python", "benchmarks/bench_feedback.py", *(sys.argv[1:] if argv is None else argv)])
    path = save_result("feedback", command, figures, started)
    print(
        f"all clicks: median {figures['all_clicks_ms']['median']:.0f} ms, p95 {figures['all_clicks_ms']['p95']:.0f} ms "
        f"(target {TARGET_P95_MS} ms); pause review {figures['pause_from_end_of_pause_ms']['median']:.0f} ms after the pause"
    )
    log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
