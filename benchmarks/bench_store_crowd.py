"""20 processes opening one fresh store at once and saving 100 answers each: SQLite and PostgreSQL, side by side.

Run: python benchmarks/bench_store_crowd.py [--runs 3] [--workers 20] [--saves 100]

Each run starts from an empty store (a new SQLite file; a new database on a
PostgreSQL server started here as in the tests, ``tests/postgres_server.py``).
The workers are released together by a barrier, then each opens the store
(the first makes the tables, the rest wait for it) and saves its answers. For
each database: rows lost (expected 0), workers that failed, the time from
release until the last worker finished, saves per second overall, and each
save's latency.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from _support import log, save_result, summary

from workshop_kit.store import Store


def _worker(url: str, worker: int, saves: int, barrier: Any, results: Any) -> None:
    barrier.wait(timeout=300)
    started = time.perf_counter()
    store = Store(url)
    opened = time.perf_counter() - started
    group = store.group("crowd", f"Table {worker % 5}")
    latencies = []
    for n in range(saves):
        before = time.perf_counter()
        store.save(group, "ex", f"w{worker}-{n}", {"text": f"Worker {worker}, answer {n}", "n": n})
        latencies.append(time.perf_counter() - before)
    store.close()
    results.put((worker, opened, latencies, time.perf_counter()))


def crowd(url: str, workers: int, saves: int) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(workers + 1), context.Queue()
    processes = [context.Process(target=_worker, args=(url, w, saves, barrier, results)) for w in range(workers)]
    for process in processes:
        process.start()
    barrier.wait(timeout=300)
    released = time.perf_counter()
    finished = []
    for _ in range(workers):
        try:
            finished.append(results.get(timeout=600))
        except Exception:  # noqa: BLE001 - a worker that died is counted below
            break
    for process in processes:
        process.join(timeout=60)
    store = Store(url)
    saved = store.count_answers()
    store.close()
    latencies = [lat for _w, _o, lats, _end in finished for lat in lats]
    wall = max(end for *_rest, end in finished) - released if finished else None
    return {
        "rows_expected": workers * saves,
        "rows_saved": saved,
        "rows_lost": workers * saves - saved,
        "workers_failed": sum(p.exitcode != 0 for p in processes),
        "seconds_release_to_last_save": round(wall, 2) if wall else None,
        "saves_per_second": round(saved / wall, 1) if wall else None,
        "open_seconds": summary([o for _w, o, _l, _e in finished]),
        "save_ms": summary([lat * 1000 for lat in latencies]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=20)
    parser.add_argument("--saves", type=int, default=100)
    args = parser.parse_args()
    started = time.monotonic()
    from postgres_server import running_postgres

    figures: dict[str, Any] = {"workers": args.workers, "saves_each": args.saves, "sqlite": [], "postgresql": []}
    with running_postgres() as server, tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            for backend in ("sqlite", "postgresql"):
                url = f"sqlite:///{Path(folder) / f'crowd-{run}.sqlite3'}" if backend == "sqlite" else server.create_database(f"crowd_{run}")
                result = crowd(url, args.workers, args.saves)
                figures[backend].append(result)
                log(
                    f"{backend} run {run + 1}: {result['rows_saved']}/{result['rows_expected']} saved, "
                    f"{result['workers_failed']} workers failed, {result['seconds_release_to_last_save']} s, "
                    f"{result['saves_per_second']} saves/s, save median {result['save_ms']['median']} ms"
                )
    path = save_result("store_crowd", "python benchmarks/bench_store_crowd.py " + " ".join(sys.argv[1:]), figures, started)
    log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
