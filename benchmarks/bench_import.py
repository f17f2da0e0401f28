"""Speed of importing an area's indicator data: a 100,000-row CSV (and the same as Excel, with --xlsx).

Run: python benchmarks/bench_import.py [--rows N] [--repeat N] [--xlsx] [--writeup TABLES]

Writes a throwaway long-format file (indicator, period, value, area, unit: 50 indicators
x 25 areas x 80 quarters = 100,000 rows), then times reading and checking it, storing it
in a fresh SQLite store, and importing it again (found as a duplicate, nothing added).
With ``--writeup TABLES``, also times the write-up (docx, html, csv) of a synthetic day of
that many tables (``_synthetic_day.py``) with an imported framework of 40 outcomes and the
indicator data imported: the golden threads and the area's sections included.
Not a test: figures depend on the machine (CPU time, also printed, depends less on what else runs).
The aim is under 5 seconds for the CSV.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workshop_kit.importing import read_file, store_read  # noqa: E402
from workshop_kit.store import Store  # noqa: E402


def _rows(count: int) -> list[list[object]]:
    rng = random.Random(20261202)
    quarters = [f"{2005 + q // 4}-Q{q % 4 + 1}" for q in range(80)]
    rows: list[list[object]] = []
    indicator = 0
    while len(rows) < count:
        for area in range(25):
            for period in quarters:
                rows.append([f"Synthetic indicator {indicator + 1}", period, round(rng.uniform(0, 100), 1), f"Area {area + 1}", "percent"])
                if len(rows) == count:
                    return rows
        indicator += 1
    return rows


def _write(folder: Path, rows: list[list[object]], xlsx: bool) -> Path:
    header = ["Indicator", "Period", "Value", "Area", "Unit"]
    if xlsx:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(header)
        for row in rows:
            sheet.append(row)
        path = folder / "indicators.xlsx"
        book.save(path)
        return path
    path = folder / "indicators.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _framework(folder: Path) -> Path:
    """40 synthetic outcomes under 8 aspirations, 3 rows each (indicators, services, leads); some indicators match imported series."""
    path = folder / "framework.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Aspiration", "Outcome", "Indicator", "Service", "Lead"])
        for outcome in range(40):
            for row in range(3):
                writer.writerow(
                    [
                        f"Synthetic aspiration {outcome // 5 + 1}" if row == 0 else "",
                        f"Synthetic outcome {outcome + 1}: children and young people do well" if row == 0 else "",
                        f"Synthetic indicator {outcome * 3 + row + 1}",
                        f"Synthetic service {(outcome + row) % 12 + 1}",
                        f"Synthetic lead {outcome % 6 + 1}",
                    ]
                )
    return path


def _time_writeup(folder: Path, data: Path, tables: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from _synthetic_day import fill_day

    from workshop_kit.export import export_bytes
    from workshop_kit.importing import import_file

    day = folder / "day"
    rows = fill_day(day, "bench-day", tables=tables)
    store = Store(f"sqlite:///{day / 'workshop.sqlite3'}")

    def timed() -> str:
        said = []
        for fmt in ("docx", "html", "csv"):
            started, cpu = time.perf_counter(), time.process_time()
            size = len(export_bytes(store, "bench-day", fmt))
            said.append(f"{fmt} {time.perf_counter() - started:.2f} s (CPU {time.process_time() - cpu:.2f} s, {size / 1024:,.0f} KB)")
        return ", ".join(said)

    print(f"write-up of a day: {tables} tables, {rows:,} saved rows")
    print(f"  without imports: {timed()}")
    import_file(store, "bench-day", "framework", _framework(folder))
    import_file(store, "bench-day", "indicators", data)
    print(f"  with an imported framework (120 rows) and {data.name}: {timed()}")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--xlsx", action="store_true", help="time an Excel workbook instead of a CSV")
    parser.add_argument("--writeup", type=int, default=0, metavar="TABLES", help="also time the write-up of a day of this many tables")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = _write(folder, _rows(args.rows), args.xlsx)
        size = path.stat().st_size / 1024 / 1024
        print(f"{path.name}: {args.rows:,} rows, {size:.1f} MB")
        for run in range(args.repeat):
            store = Store(f"sqlite:///{folder / f'store-{run}.sqlite3'}")
            started, cpu = time.perf_counter(), time.process_time()
            read = read_file("indicators", path)
            checked = time.perf_counter()
            outcome = store_read(store, "bench", read)
            stored, stored_cpu = time.perf_counter(), time.process_time()
            again = store_read(store, "bench", read_file("indicators", path))
            repeated = time.perf_counter()
            assert outcome.created and not again.created and len(read.values) == args.rows
            print(
                f"run {run + 1}: read and check {checked - started:.2f} s, store {stored - checked:.2f} s, "
                f"total {stored - started:.2f} s (CPU {stored_cpu - cpu:.2f} s); importing it again (nothing added) {repeated - stored:.2f} s"
            )
            store.close()
        if args.writeup:
            _time_writeup(folder, path, args.writeup)


if __name__ == "__main__":
    main()
