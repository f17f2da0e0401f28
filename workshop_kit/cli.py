"""The ``workshop-kit`` command: serve the kiosk, import an area's material, check content, evaluate the scoring rules, build a release."""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields
from pathlib import Path

from .settings import ReleaseSettings, Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workshop-kit", description="The Outcomes Workshop Kit.")
    commands = parser.add_subparsers(dest="command", required=True)

    kiosk = commands.add_parser("kiosk", help="Serve the workshop pages to a room through Voila.")
    defaults = Settings()
    kiosk.add_argument("--host", default=None, help=f"Address to listen on (default {defaults.host}).")
    kiosk.add_argument("--port", type=int, default=None, help=f"Port (default {defaults.port}).")
    kiosk.add_argument("--data", type=Path, default=None, help=f"Folder for the SQLite store (default ./{defaults.data_dir}, or $WORKSHOP_KIT_DATA).")
    kiosk.add_argument("--session", default=None, help=f"Name the day's answers are kept under (default {defaults.session!r}).")
    kiosk.add_argument("--token", default=None, help="Join token; required with a --host other machines can reach.")
    kiosk.add_argument("--pool-size", type=int, default=None, help=f"Warm kernels kept per page (default {defaults.pool_size}).")
    kiosk.add_argument("--cull-idle", type=int, default=None, help=f"Seconds before an abandoned page's kernel is shut down (default {defaults.cull_idle_seconds}).")
    kiosk.add_argument("--cull-interval", type=int, default=None, help=f"Seconds between checks for abandoned kernels (default {defaults.cull_interval_seconds}).")
    kiosk.add_argument(
        "--reconnect-grace", type=int, default=None, help=f"Seconds a page whose connection drops keeps its kernel, to reconnect with nothing lost (default {defaults.reconnect_grace_seconds})."
    )
    kiosk.add_argument(
        "--max-tables",
        type=int,
        default=None,
        help="Kernels handed to tables at once; past it a page waits, with its place in the queue, and opens by itself when one is free (default: from this machine's memory).",
    )
    kiosk.add_argument("--no-fork-kernels", dest="fork_kernels", action="store_false", default=None, help="Start every kernel as a new Python, as plain Voila does, instead of forking a warm one.")
    kiosk.add_argument(
        "--idle-return", type=int, default=None, help=f"Seconds before an untouched page goes back to the start page, keeping what was saved; 0 turns it off (default {defaults.idle_return_seconds})."
    )

    dashboard = commands.add_parser("dashboard", help="Serve the facilitator's live view of every table (this machine only by default).")
    dashboard.add_argument("--host", default=None, help=f"Address to listen on (default {defaults.host}).")
    dashboard.add_argument("--port", type=int, default=None, help=f"Port (default {defaults.dashboard_port}).")
    dashboard.add_argument("--data", type=Path, default=None, help="The same data folder the kiosk uses.")
    dashboard.add_argument("--session", default=None, help="The session to watch (the kiosk's --session).")
    dashboard.add_argument("--token", default=None, help="Required with a --host other machines can reach.")

    commands.add_parser("check-content", help="Check every content file against its schema.")

    export = commands.add_parser("export", help="Write the day's record as Word, HTML or CSV.")
    export.add_argument("--session", default=None, help="The session to write up (default: $WORKSHOP_KIT_SESSION or 'workshop').")
    export.add_argument("--format", choices=("docx", "html", "csv"), default="docx", help="docx (Word), html (one self-contained page) or csv (every saved answer).")
    export.add_argument("--data", type=Path, default=None, help="Folder holding the store (default ./workshop-data).")
    export.add_argument("--out", type=Path, default=None, help="File to write (default workshop-<session>.<format> in the data folder).")

    # --- import: an area's own framework and indicator data (workshop_kit/importing/) ---
    imports = commands.add_parser("import", help="Import an area's outcomes framework or indicator data (CSV or Excel) into a session.")
    imports.add_argument(
        "kind",
        choices=("framework", "indicators"),
        help="framework: outcomes, with optional aspiration, indicator, service and lead columns; indicators: long format, with indicator, period and value (and optional area and unit) columns.",
    )
    imports.add_argument("file", type=Path, help="The .csv or .xlsx file.")
    imports.add_argument("--session", default=None, help="The session to import into (default: $WORKSHOP_KIT_SESSION or 'workshop').")
    imports.add_argument("--data", type=Path, default=None, help="Folder holding the store (default ./workshop-data).")
    # --- end import ---

    migrate = commands.add_parser("migrate", help="Copy one day's groups and answers to another store (SQLite to PostgreSQL, or back), counting rows.")
    migrate.add_argument("--to", required=True, metavar="URL", help="The store to copy into: a SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db or sqlite:///path/workshop.sqlite3.")
    migrate.add_argument("--from", dest="source", default=None, metavar="URL", help="The store to copy from (default: the --data folder's SQLite file, or $WORKSHOP_KIT_DATABASE_URL).")
    migrate.add_argument("--data", type=Path, default=None, help="Folder holding the SQLite store to copy from (default ./workshop-data).")
    migrate.add_argument("--session", default=None, help="The day to copy (default: $WORKSHOP_KIT_SESSION or 'workshop').")

    # handled before parsing so every option passes straight through to the evaluator
    commands.add_parser("evaluate", help="Measure the scoring rules against the labelled banks (--help for options).")

    # --- guide: the facilitator guide's generated pages (workshop_kit/guide.py) ---
    guide = commands.add_parser("guide", help="Write the facilitator guide's agenda and step pages from the content files.")
    guide.add_argument("--out", default="facilitator_guide", help="Folder to write to (default facilitator_guide).")
    guide.add_argument("--check", action="store_true", help="Write nothing; fail if the pages are out of date.")
    # --- end guide ---

    # --- notebooks: each notebook's lesson cell and page call (workshop_kit/release/lessons.py) ---
    lessons = commands.add_parser("notebooks", help="Write each notebook's opening lesson (title, what you will learn, time, sources) and page call from the content files.")
    lessons.add_argument("--root", default=".", help="The checkout holding notebooks/ and dashboard/ (default: here).")
    lessons.add_argument("--check", action="store_true", help="Write nothing; fail if a notebook's lesson is missing or out of date.")
    # --- end notebooks ---

    # --- release: a versioned bundle in dist/ (workshop_kit/release/) ---
    release = commands.add_parser("release", help="Check everything, then build a versioned release bundle in dist/.")
    for spec in fields(ReleaseSettings):
        if spec.metadata.get("flag"):
            release.add_argument(
                spec.metadata["flag"], dest=spec.name, type=type(spec.default), default=None, metavar=spec.metadata["metavar"], help=f"{spec.metadata['help'].rstrip('.')} (default {spec.default})."
            )
    # --- end release ---
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["evaluate"]:
        from .scoring.evaluate import main as evaluate_main

        return int(evaluate_main(argv[1:]) or 0)
    args = _parser().parse_args(argv)
    if args.command == "kiosk":
        from .kiosk import SettingsError, serve

        settings = Settings.from_env(
            host=args.host,
            port=args.port,
            data_dir=args.data,
            session=args.session,
            token=args.token,
            pool_size=args.pool_size,
            cull_idle_seconds=args.cull_idle,
            cull_interval_seconds=args.cull_interval,
            reconnect_grace_seconds=args.reconnect_grace,
            idle_return_seconds=args.idle_return,
            max_tables=args.max_tables,
            fork_kernels=args.fork_kernels,
        )
        try:
            _check_before_serving(settings)
            serve(settings)
        except SettingsError as problem:
            print(f"workshop-kit: {problem}", file=sys.stderr)
            return 2
        return 0
    if args.command == "dashboard":
        from .kiosk import SettingsError, serve_dashboard

        settings = Settings.from_env(host=args.host, dashboard_port=args.port, data_dir=args.data, session=args.session, token=args.token)
        try:
            _check_before_serving(settings)
            serve_dashboard(settings)
        except SettingsError as problem:
            print(f"workshop-kit: {problem}", file=sys.stderr)
            return 2
        return 0
    if args.command == "export":
        return _export(args)
    if args.command == "import":
        return _import(args)
    if args.command == "migrate":
        return _migrate(args)
    if args.command == "check-content":
        from .content import ContentError, check_all

        try:
            names = check_all()
        except ContentError as problem:
            print(problem, file=sys.stderr)
            return 1
        print("All content files match their schemas: " + ", ".join(names))
        return 0
    # --- guide ---
    if args.command == "guide":
        from .guide import main as guide_main

        return guide_main(["--out", args.out] + (["--check"] if args.check else []))
    # --- end guide ---
    if args.command == "notebooks":
        from .release.lessons import main as lessons_main

        return lessons_main(["--root", args.root] + (["--check"] if args.check else []))
    # --- release ---
    if args.command == "release":
        return _release(args)
    # --- end release ---
    return 2


def _migrate(args: argparse.Namespace) -> int:
    """Copy a day to ``--to``, then say how many rows were read and how many the target holds."""
    from .data_folder import database_why, shown_url
    from .day_copy import CopyRefused, copy_session
    from .store import Store

    settings = Settings.from_env(session=args.session, data_dir=args.data, database_url=args.source)
    if not settings.database_url and not (settings.data_dir / "workshop.sqlite3").is_file():
        print(f"workshop-kit: there is no store in {settings.data_dir}/ to copy from.", file=sys.stderr)
        return 1
    source_name, target_name = shown_url(settings.store_url), shown_url(args.to)
    opened: list[Store] = []
    try:
        opened.append(Store.from_settings(settings))
        opened.append(Store(args.to))
    except Exception as failure:  # noqa: BLE001 - a sentence for the terminal, not a traceback
        which = target_name if opened else source_name
        print(f"workshop-kit: the store {which} could not be opened: {database_why(failure)}. Nothing was copied.", file=sys.stderr)
        for store in opened:
            store.close()
        return 1
    source, target = opened
    try:
        read, written = copy_session(source, target, settings.session)
    except CopyRefused as refused:
        print(f"workshop-kit: {refused}.", file=sys.stderr)
        return 1
    except Exception as failure:  # noqa: BLE001
        print(f"workshop-kit: the copy failed and was undone: {database_why(failure)}. Nothing was copied.", file=sys.stderr)
        return 1
    finally:
        source.close()
        target.close()
    print(f"Read {read} of session {settings.session!r} from {source_name}.")
    print(f"Wrote them to {target_name}, which now holds {written} for that session.")
    return 0


def _release(args: argparse.Namespace) -> int:
    try:
        from .release import ReleaseRefused, build_release
    except ImportError as missing:
        print(f"workshop-kit: building a release needs the release tools ({missing.name}): run `make install` in a checkout.", file=sys.stderr)
        return 2

    chosen = {spec.name: getattr(args, spec.name) for spec in fields(ReleaseSettings) if getattr(args, spec.name, None) is not None}
    try:
        settings = ReleaseSettings(**chosen)
    except ValueError as problem:
        print(f"workshop-kit: {problem}", file=sys.stderr)
        return 2
    try:
        release = build_release(settings, say=print)
    except ReleaseRefused as refused:
        print(f"workshop-kit: {refused}", file=sys.stderr)
        return 1
    listing = release.manifest
    print(f"Built {release.folder} ({len(listing['files'])} files, listed with their checksums in manifest.json) and {release.archive}.")
    if listing["uncommitted_changes"]:
        print(f"Note: the checkout has uncommitted changes, so commit {listing['commit']} alone does not describe this release.")
    return 0


def _check_before_serving(settings: Settings) -> None:
    """Refuse to start, with a sentence, when the settings are unsafe or the data folder cannot be written."""
    from .data_folder import startup_problem
    from .kiosk import SettingsError, check_settings

    check_settings(settings)
    problem = startup_problem(settings)
    if problem:
        raise SettingsError(problem)


def _store_to_export(settings: Settings):  # type: ignore[no-untyped-def]
    """The store, opened for reading alone when its folder can no longer be written (a full or read-only disk)."""
    from .data_folder import writing_problem
    from .store import Store

    if settings.database_url or writing_problem(settings.data_dir) is None:
        return Store.from_settings(settings)
    return Store.read_only(settings)


def _export(args: argparse.Namespace) -> int:
    from .data_folder import reason
    from .export import default_path, export_bytes

    settings = Settings.from_env(session=args.session, data_dir=args.data)
    if not settings.database_url and not (settings.data_dir / "workshop.sqlite3").is_file():
        print(f"workshop-kit: there is no store in {settings.data_dir}/ yet: nothing has been saved there.", file=sys.stderr)
        return 1
    try:
        store = _store_to_export(settings)
        groups = store.groups_in(settings.session)
        data = export_bytes(store, settings.session, args.format) if groups else b""
    except Exception as problem:  # noqa: BLE001 - a sentence for the terminal, not a traceback
        why = str(getattr(problem, "orig", problem)).rstrip(".")
        print(f"workshop-kit: the store in {settings.data_dir} could not be read: {why}.", file=sys.stderr)
        return 1
    if not groups:
        print(f"workshop-kit: no table saved anything in session {settings.session!r}.", file=sys.stderr)
        return 1
    out = args.out or default_path(settings.data_dir, settings.session, args.format)
    try:
        out.write_bytes(data)
    except OSError as problem:
        print(f"workshop-kit: could not write {out}: {reason(problem)}. Choose another file with --out.", file=sys.stderr)
        return 1
    print(f"Wrote {out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    """Exit 0 when imported (or imported before), 2 when the file is refused, 1 when the store cannot take it."""
    from .data_folder import reason
    from .importing import ImportRefused, read_file, store_read
    from .store import Store

    settings = Settings.from_env(session=args.session, data_dir=args.data)
    try:
        read = read_file(args.kind, args.file)
    except ImportRefused as refused:
        print(f"workshop-kit: {refused.message()}", file=sys.stderr)
        return 2
    try:
        store = Store.from_settings(settings)
        try:
            outcome = store_read(store, settings.session, read)
        finally:
            store.close()
    except OSError as problem:
        print(f"workshop-kit: could not open the store in {settings.data_dir}: {reason(problem)}. Nothing was imported.", file=sys.stderr)
        return 1
    except Exception as problem:  # noqa: BLE001 - a sentence for the terminal, not a traceback
        why = str(getattr(problem, "orig", problem)).rstrip(".")
        print(f"workshop-kit: the store in {settings.data_dir} could not take the import: {why}. Nothing was imported.", file=sys.stderr)
        return 1
    print(outcome.message())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
