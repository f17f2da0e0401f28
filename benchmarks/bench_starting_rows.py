"""Speed of choosing a table's starting rows (``stepkit.starting_rows.gather``), which steps 6 to 9 do each time a
table opens the page or is named: its drafts, the room's agreed outcomes and the area's imported framework.

Run: python benchmarks/bench_starting_rows.py [--tables N] [--versions N] [--outcomes N] [--repeat N]

A throwaway SQLite store holds a synthetic day: N tables, each with four drafts saved ``--versions`` times and
proposed to the room, four of them agreed, and an imported framework of ``--outcomes`` outcomes. Times ``gather``
for a table with drafts and for one without (which reads the framework). Not a test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_kit import room  # noqa: E402
from workshop_kit.importing import import_file  # noqa: E402
from workshop_kit.settings import Settings  # noqa: E402
from workshop_kit.stepkit.starting_rows import gather  # noqa: E402
from workshop_kit.store import Store  # noqa: E402

THEMES = ("fun", "friends", "health", "independence")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=30)
    parser.add_argument("--versions", type=int, default=10)
    parser.add_argument("--outcomes", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        store = Store.from_settings(Settings(data_dir=tmp / "data"))
        framework = tmp / "framework.csv"
        framework.write_text("Outcome,Indicator,Service\n" + "".join(f"Synthetic outcome {n},Synthetic indicator {n},Service {n % 20}\n" for n in range(args.outcomes)), encoding="utf-8")
        import_file(store, "bench", "framework", framework)
        for table in range(args.tables):
            group = store.group("bench", f"Table {table + 1}")
            for version in range(args.versions):
                for theme in THEMES:
                    store.save(group, "drafting_statements", theme, {"theme": theme, "text": f"Children have {theme} ({table}, v{version})", "proposed": True})
        room.set_agreed(store, "bench", [c.key for c in room.candidates(store, "bench")][:4])
        started = time.perf_counter()
        gather(store, store.group("bench", "Table 2"))  # a page's kernel has the content loaded already: not timed below
        print(f"First call, loading the drafting content (its schema check imports jsonschema): {(time.perf_counter() - started) * 1000:.0f} ms")
        for who in (store.group("bench", "Table 1"), store.group("bench", "A table with no drafts")):
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                rows = gather(store, who)
                times.append(time.perf_counter() - started)
            print(f"{who.name}: {len(rows.rows)} rows ({rows.left_out} left out); median {statistics.median(times) * 1000:.1f} ms, slowest {max(times) * 1000:.1f} ms")
        print(f"({store.count_answers():,} saved answers, {args.tables} tables, a framework of {args.outcomes:,} outcomes)")
        store.close()


if __name__ == "__main__":
    main()
