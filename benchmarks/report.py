"""Write benchmarks/RESULTS.md from the figures in benchmarks/results/*.json.

Run: python benchmarks/report.py   (make bench runs it last)

Every figure stands beside its target with pass or fail, the machine and how busy it
was, the date and the command that produced it. A benchmark that has not been run
yet is named as missing rather than left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
OUT = HERE / "RESULTS.md"

DEFINITIONS = """\
**Time to interactive** counts from navigation start (the browser's `performance.timeOrigin`) until the page's
first control can be used: the first `input`, `button`, `select` or `textarea` inside the page's rendered cells,
in document order, is attached, has a size, is not hidden and is not disabled, **and** a websocket to the
page's kernel (`/api/kernels/<id>/channels`) is open and has delivered at least one message, so a click on the
control reaches Python. The check runs in the page every 16 ms (`benchmarks/_page_probe.js`). On the static
floor there is no kernel, so only the first half applies.

- *Preheated*: a kiosk with `--pool-size 1` (the kit's default); before each visit that page's pool has been
  refilled and every kernel has gone quiet, so the visitor gets a kernel that has already run the page up to
  the point where it waits for the address.
- *Cold*: a kiosk with `--pool-size 0`; every visit starts a kernel and runs the page.
- *Static floor*: the same visible text and controls as plain HTML (no scripts, no kernel), served by
  Python's `http.server` on the same machine.
- Each visit is a new tab in one browser context whose cache already holds the kit's scripts (a participant who
  has opened one page); the start page is also timed in a fresh context (an empty cache).

**Feedback latency** is measured in the page: `performance.now()` at the click (a capture listener), until
the first animation frame after the feedback's text has changed (a MutationObserver on the card, review or
draft holding the button). The typing-pause review (drafting step: 0.8 s after the last keystroke) is
reported apart, from the last keystroke and from the end of the pause.

**Load** uses light participants (`tests/browser/widget_client.py`) that speak the Jupyter kernel websocket and
the ipywidgets 8 protocol as a browser tab does: GET the page, open the kernel's channels, ask the
`jupyter.widget.control` comm for every model, then send `update` messages (a choice) and wait for the kernel's
update to a feedback area. Their time to interactive is *page requested until the widget models arrive*.
Memory is the kiosk process plus every kernel process: USS (memory no other process shares, the honest total)
and RSS (which counts shared libraries once per process) at the peak of the round.
"""


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def _s(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("pass" if ok else "**fail**")


def _provenance(record: dict[str, Any]) -> str:
    m = record["machine"]
    before = record["figures"].get("load_average_before")
    load = f"load average {before[0]} at the start, {m['load_average'][0]} at the end" if before else f"load average {m['load_average'][0]}"
    return f"*{record['date']}, commit `{record['commit']}`, {record['seconds']:.0f} s; {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB; {load}. Command: `{record['command']}`*"


def bare_comparison(record: dict[str, Any] | None, title: str) -> list[str]:
    """Each page's preheated median beside a bare Voila page with one widget, measured in the same run (goal: at most 0.7 times)."""
    if record is None or not record["figures"].get("bare_voila", {}).get("median"):
        return []
    f = record["figures"]
    bare = f["bare_voila"]["median"]
    lines = [
        f"### {title}",
        "",
        _provenance(record),
        "",
        f"Bare Voila (plain `voila`, its defaults, one notebook with one text box), same run: median **{_s(bare)} s** "
        f"over {f['bare_voila']['n']} visits. Goal: every step page's preheated median at most 0.7 times it.",
        "",
        "| page | preheated median s | bare Voila median s | ratio | ≤ 0.7× |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for page, row in f["pages"].items():
        median = row["preheated"]["median"]
        ratio = None if median is None else median / bare
        lines.append(f"| {page} | {_s(median)} | {_s(bare)} | {_s(ratio)} | {_verdict(None if ratio is None else ratio <= 0.7)} |")
    return lines + [""]


def pages_section(record: dict[str, Any] | None) -> list[str]:
    lines = ["## Time to interactive of every page", ""]
    if record is None:
        return lines + ["Not measured yet: run `make bench-pages`.", ""]
    f = record["figures"]
    target = f["target_preheated_median_seconds"]
    runs = f["runs"]
    lines += [
        _provenance(record),
        "",
        f"Medians of {runs['preheated']} preheated, {runs['cold']} cold and {runs['static']} static visits per page, in seconds. "
        f"Target: a median of {target:g} s or less for every step page with preheated kernels.",
        "",
        "| page | first control | preheated median | p95 | target ≤ 1 s | cold median | static floor | cold kernel: CPU s, USS MiB |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for page, row in f["pages"].items():
        median = row["preheated"]["median"]
        ok = None if median is None else median <= target
        if page.startswith("00_"):
            ok_text = "(start page)" if ok is None else ("(start page) " + ("pass" if ok else "fail"))
        else:
            ok_text = _verdict(ok)
        cpu, uss = row.get("cold_kernel_cpu_s", {}).get("median"), row.get("cold_kernel_uss_mib", {}).get("median")
        lines.append(
            f"| {page} | {row['first_control'] or '–'} | {_s(median)} | {_s(row['preheated']['p95'])} | {ok_text} | "
            f"{_s(row['cold']['median'])} | {_s(row['static']['median'])} | {_s(cpu)}, {_s(uss, 0)} |"
        )
    empty = f.get("start_page_empty_cache", {})
    lines += [
        "",
        f"Start page in a fresh browser context (empty cache): median {_s(empty.get('median'))} s over {empty.get('n', 0)} visits.",
        "The cold kernel's CPU seconds (at the moment the page became interactive) and its unique memory hardly "
        "depend on how busy the machine is, so they compare runs taken at different times better than seconds do.",
        "",
        *WHERE_PREHEATED_TIME_GOES,
        *bare_comparison(record, "Beside a bare Voila page"),
    ]
    return lines


# A traced visit (navigation and resource timing, websocket and DOM events; see the closing
# note of issue 7) explains why the preheated pages miss 1 s: most of the time is Voila's
# own front end, which the kit does not change.
WHERE_PREHEATED_TIME_GOES = [
    "**Where a preheated page's time goes** (a traced visit to `01_outputs_outcomes_impact.ipynb` and "
    "`08_outcomes_framework.ipynb`, three each, 2026-11-23, quiet machine): the kit's HTML is complete 0.05 to 0.24 s "
    "after navigation starts; Voila's front end then runs its scripts and widget code (from the browser's cache "
    "since the kiosk lets it keep them for the day) and only opens the kernel's websocket at 0.73 to 0.89 s; the "
    "widget models arrive and the first control is on screen 0.2 to 0.3 s later. About 0.8 s of every page is "
    "therefore Voila's start-up in the browser, before the kit's page can do anything; the kit's share (building "
    "the page for the visitor, sending the widgets) is 0.3 to 0.5 s.",
    "",
]


def feedback_section(record: dict[str, Any] | None) -> list[str]:
    lines = ["## Feedback latency", ""]
    if record is None:
        return lines + ["Not measured yet: run `make bench-feedback`.", ""]
    f = record["figures"]
    target = f["target_p95_ms"]
    overall = f["all_clicks_ms"]
    lines += [
        _provenance(record),
        "",
        f"All clicks together: median {_ms(overall['median'])} ms, **95th percentile {_ms(overall['p95'])} ms** "
        f"against a target of {target} ms: {_verdict(overall['p95'] is not None and overall['p95'] <= target)} "
        f"({overall['n']} clicks).",
        "",
        "| click | n | median ms | p95 ms | max ms |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, row in f["scenarios_ms"].items():
        lines.append(f"| {name} | {row['n']} | {_ms(row['median'])} | {_ms(row['p95'])} | {_ms(row['max'])} |")
    pause, after = f["pause_from_last_key_ms"], f["pause_from_end_of_pause_ms"]
    lines += [
        "",
        f"Typing pause (drafting step, review {0.8:g} s after the last keystroke), {pause['n']} samples: "
        f"median {_ms(pause['median'])} ms from the last keystroke, that is {_ms(after['median'])} ms after the end "
        f"of the pause (p95 {_ms(after['p95'])} ms). The pause itself is by design and not counted against the target.",
        "",
    ]
    return lines


def load_section(record: dict[str, Any] | None, pools: list[dict[str, Any]]) -> list[str]:
    lines = ["## Load: participants at once", ""]
    if record is None:
        return lines + ["Not measured yet: run `make bench-load`.", ""]
    lines += [_provenance(record), ""]
    for rec in [record, *pools]:
        f = rec["figures"]
        t = f["targets"]
        idle = f["idle"]
        lines += [
            f"Everyone opens `{f['notebook']}` and answers; kiosk `--pool-size {f['pool_size']}`. "
            f"Idle kiosk before the rounds: {idle['kernels']} pooled kernels, USS {idle['uss_mib']} MiB "
            f"(RSS {idle['rss_mib']} MiB). Targets: p95 time to interactive under {t['tti_p95_s']:g} s, "
            f"p95 feedback {t['feedback_p95_ms']} ms, memory under {t['memory_gib']:g} GiB.",
            "",
            "| participants | arrive over | TTI p95 s | TTI median s | feedback p95 ms | peak USS MiB (RSS) | kernels at peak | errors | one Chromium page, TTI s | all targets |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        for row in f["rounds"]:
            arrive = "same second" if row["arrival_window_s"] == 0 else f"{row['arrival_window_s']:g} s"
            lines.append(
                f"| {row['participants']} | {arrive} | {_s(row['tti_s']['p95'])} | {_s(row['tti_s']['median'])} | "
                f"{_ms(row['feedback_ms']['p95'])} | {row['peak_uss_mib']} ({row['peak_rss_mib']}) | {row['peak_kernels']} | "
                f"{row['errors']} | {_s(row['chromium_tti_s'])} | {_verdict(row['passes'])} |"
            )
        spread = [r for r in f["rounds"] if r["arrival_window_s"] > 0]
        failing = [r for r in spread if not r["passes"]]
        passing = [r["participants"] for r in spread if r["passes"]]
        if failing:
            first = min(failing, key=lambda r: r["participants"])
            reasons = _reasons(first, t)
            runs = [r for r in spread if r["participants"] == first["participants"]]
            record = f"{sum(r['passes'] for r in runs)} of {len(runs)} runs of {first['participants']} passed; " if len(runs) > 1 else ""
            always = [n for n in sorted(set(passing)) if all(r["passes"] for r in spread if r["participants"] == n)]
            lines += [
                "",
                f"Where it breaks (arrivals spread over the window): {first['participants']} participants "
                f"({record}a failing run: {'; '.join(reasons)}). Largest size that passed every run: "
                f"{max(always) if always else 'none'}.",
            ]
        else:
            lines += ["", f"Every spread-out round passed, up to {max(passing) if passing else 0} participants."]
        lines.append("")
    return lines


def _reasons(row: dict[str, Any], targets: dict[str, Any]) -> list[str]:
    found = []
    if row["errors"]:
        found.append(f"{row['errors']} participants got no page")
    if (row["tti_s"]["p95"] or 0) >= targets["tti_p95_s"]:
        found.append(f"TTI p95 {row['tti_s']['p95']:.1f} s")
    if (row["feedback_ms"]["p95"] or 0) > targets["feedback_p95_ms"]:
        found.append(f"feedback p95 {row['feedback_ms']['p95']:.0f} ms")
    if row["peak_uss_mib"] >= targets["memory_gib"] * 1024:
        found.append(f"memory {row['peak_uss_mib']} MiB")
    return found or ["see the row"]


# The profile behind the kiosk's forked kernels (issue 17), taken before the change.
WHAT_THE_ROOM_QUEUED_BEHIND = [
    "**What 30 tables opening a step in the same second queued behind** (profiled 2026-12-02 on commit `8ee03cb`, "
    "before forked kernels: `bench_load.py --burst 30` on step 01, py-spy sampling the kiosk's server, CPU seconds of "
    "the server and of every kernel, load average 15 to 36 from other work on the machine). They queued behind CPU: "
    "no lock or wait showed in the server's samples. Voila's pool hands each table after the first a kernel that is still being "
    "started (its refill), so 30 tables meant 30 kernel starts at once; they shared the two cores and all finished "
    "together (median and p95 within 1 s of each other: 68.2 and 68.9 s in that run). Of the CPU, the kernels took "
    "34.9 s and the server 7.0 s (1.16 and 0.23 s a table). A new kernel's Python start and imports (ipykernel, "
    "IPython, ipywidgets, SQLAlchemy and the kit) alone cost 0.84 CPU s, about three quarters of a kernel's share; "
    "running the page's cell is the rest. The server's one thread, when busy, was mostly in nbconvert and Jinja2 "
    "compiling the page template again for every page (Voila makes a new exporter, so a new template environment, "
    "for each render), serial work of about 0.2 s a table. Hence kernels forked from a warm zygote "
    "(`workshop_kit/zygote.py`): a forked kernel starts for about 0.1 CPU s (`tests/test_zygote.py` checks it costs "
    "less than the imports it skips) and shares the imported code with its siblings.",
    "",
]


def room_section(record: dict[str, Any] | None, later: list[dict[str, Any]] = ()) -> list[str]:  # type: ignore[assignment]
    lines = ["## A whole room at once: tables opening the same step in the same second", "", *WHAT_THE_ROOM_QUEUED_BEHIND]
    if record is None:
        return lines + ["Not measured yet: run `python benchmarks/bench_room.py` (long: bursts of 10, 30 and 60 on every step page).", ""]
    lines += _room_runs(record)
    for extra in later:
        lines += [f"### {extra['figures'].get('title') or extra['command']}", "", *_room_runs(extra)]
    return lines


def _room_runs(record: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    f = record["figures"]
    bare = f["bare_voila"]
    lines += [
        _provenance(record),
        "",
        "Light participants (as in *Load*) open one step page together and answer one choice; *alone* is one table on "
        "the settled kiosk. Goal: p95 at most 4 times alone; no page fails; no answer without its feedback. "
        "Each row gives the load average when its burst started (the machine was shared).",
        "",
        f"Bare Voila (plain `voila`, one notebook with one slider, same run): kernel unique memory **{_s(bare.get('kernel_uss_mib'), 1)} MiB**, a table alone {_s(bare.get('alone_s'))} s.",
        "",
    ]
    for key, title in (("forked", "Kernels forked from the warm zygote (the kit's default now)"), ("unforked", "Every kernel a new Python (`--no-fork-kernels`, as before)")):
        run = f.get(key)
        if not run:
            continue
        lines += [
            f"**{title}**: idle kiosk USS {run['idle_uss_mib']} MiB.",
            "",
            "| page | alone s | tables | p95 s | median s | p95 / alone | ≤ 4× | errors | answers without feedback | USS per table MiB | per table / bare kernel | CPU s per table: server, kernels | load |",
            "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for page, data in run["pages"].items():
            for row in data["bursts"]:
                ratio = row["ratio_p95_to_alone"]
                mem_ratio = (row["uss_per_table_mib"] / bare["kernel_uss_mib"]) if bare.get("kernel_uss_mib") else None
                lines.append(
                    f"| {page} | {_s(data['alone_s'])} | {row['tables']} | {_s(row['tti_s']['p95'])} | {_s(row['tti_s']['median'])} | "
                    f"{_s(ratio)} | {_verdict(None if ratio is None else ratio <= 4 and row['errors'] == 0)} | {row['errors']} | "
                    f"{row['answers_without_feedback']} of {row['answers_sent']} | {_s(row['uss_per_table_mib'], 1)} | {_s(mem_ratio)} | "
                    f"{_s(row.get('server_cpu_s_per_table'))}, {_s(row.get('kernels_cpu_s_per_table'))} | {row['load_average']} |"
                )
        lines.append("")
    return lines


def growth_section(growth: dict[str, Any] | None, suite: dict[str, Any] | None) -> list[str]:
    lines = ["## How cost grows", ""]
    if suite is not None:
        mt = suite["figures"]["make_test"]
        lines += [
            f"- `make test`: **{mt['seconds'] / 60:.1f} minutes** ({mt['summary']}); target: well under 15 minutes on the 2-core machine: {_verdict(mt['ok'] and mt['seconds'] < 15 * 60)}.",
            f"  {_provenance(suite)}",
        ]
        if mt.get("failed"):
            lines.append("  Failed in that run: " + ", ".join(f"`{name}`" for name in mt["failed"]) + ".")
    else:
        lines += ["- `make test`: not timed yet: run `make bench-suite` (it runs the whole suite, several minutes)."]
    if growth is None:
        return lines + ["- nbval and the write-up: not measured yet: run `make bench-growth`.", ""]
    f = growth["figures"]
    if "nbval" in f:
        lines.append(f"- nbval over every notebook (`make test-notebooks`): **{f['nbval']['seconds']:.0f} s** ({f['nbval']['summary']}).")
    for export in f.get("exports", []):
        formats = ", ".join(f"{fmt} {v['median_s']:.1f} s ({v['bytes'] / 1024:,.0f} KiB)" for fmt, v in export["formats"].items())
        lines.append(f"- Write-up of a synthetic day with {export['tables']} table(s), {export['rows']} saved rows, with `workshop-kit export` (Python start-up included): {formats}.")
    lines += [f"  {_provenance(growth)}", ""]
    return lines


def machine_section(records: list[dict[str, Any]]) -> list[str]:
    if not records:
        return []
    m = records[-1]["machine"]
    return [
        "## The machine",
        "",
        f"{m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB memory, {m['system']}, Python {m['python']}, "
        f"{m['chromium']} (Debian's, driven by Playwright with `executable_path`). Each section gives its own "
        "date and load average: figures taken while other work ran on the machine are pessimistic.",
        "",
    ]


def main() -> int:
    pages, feedback, load = _load("pages"), _load("feedback"), _load("load")
    pools = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RESULTS.glob("load_pool*.json"))]
    growth, suite, room_burst = _load("growth"), _load("growth_suite"), _load("room")
    partial_pages = _load("pages_vs_bare")
    present = [r for r in (pages, feedback, load, *pools, growth, suite, room_burst) if r is not None]
    lines = [
        "# Speed and load: measured",
        "",
        "Generated by `benchmarks/report.py` from `benchmarks/results/*.json`; do not edit by hand. "
        "Re-run everything with `make bench` (about 15 minutes; it starts its own kiosks on free ports and "
        "leaves `workshop-data/` alone), or one part with `make bench-pages`, `make bench-feedback`, "
        "`make bench-load`, `make bench-growth` or `make bench-suite` (times `make test`).",
        "",
        *machine_section(present),
        "## What is measured",
        "",
        DEFINITIONS,
        *pages_section(pages),
        *bare_comparison(partial_pages, "Beside a bare Voila page (a shorter run on some pages)"),
        *feedback_section(feedback),
        *load_section(load, pools),
        *room_section(room_burst, [json.loads(p.read_text(encoding="utf-8")) for p in sorted(RESULTS.glob("room_*.json"))]),
        *growth_section(growth, suite),
    ]
    OUT.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
