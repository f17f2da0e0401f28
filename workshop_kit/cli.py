"""The ``workshop-kit`` command: serve the kiosk, import an area's material, check content, evaluate the scoring rules, build a release."""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Sequence, get_args, get_type_hints

from .settings import ReleaseSettings, Settings

if TYPE_CHECKING:
    from .store import Store


#: the settings each serving command takes, in the order its --help lists them
KIOSK_SETTINGS = (
    "host",
    "port",
    "data_dir",
    "session",
    "token",
    "pool_size",
    "cull_idle_seconds",
    "cull_interval_seconds",
    "reconnect_grace_seconds",
    "max_tables",
    "fork_kernels",
    "idle_return_seconds",
)
DASHBOARD_SETTINGS = ("host", "dashboard_port", "data_dir", "session", "token")
#: the settings of the commands that read or write one day's store (export, import, migrate)
STORE_SETTINGS = ("data_dir", "session")


def add_setting_options(parser: argparse.ArgumentParser, settings: type, names: Sequence[str]) -> None:
    """An option for each named setting, its flag, type and help read from the setting's field.

    Nothing given means None, so ``Settings.from_env`` keeps the environment's or the default value.
    A setting that is on by default gets a flag that turns it off (``--no-fork-kernels``).
    """
    hints = get_type_hints(settings)
    specs = {spec.name: spec for spec in fields(settings)}
    for name in names:
        spec = specs[name]
        words = spec.metadata["help"].rstrip(".")
        kind = next((arg for arg in get_args(hints[name]) if arg is not type(None)), hints[name])
        if kind is bool:
            action, said = ("store_false", "on unless this is given") if spec.default else ("store_true", "off unless this is given")
            parser.add_argument(spec.metadata["flag"], dest=name, action=action, default=None, help=f"{words} ({said}).")
            continue
        default = spec.metadata.get("default_text", spec.default)
        parser.add_argument(
            spec.metadata["flag"], dest=name, type=kind, default=None, metavar=spec.metadata.get("metavar") or spec.metadata["flag"].lstrip("-").upper(), help=f"{words} (default {default})."
        )


def chosen_settings(args: argparse.Namespace, names: Sequence[str]) -> dict[str, object]:
    """The settings given on the command line (None where not given), by setting name."""
    return {name: getattr(args, name) for name in names}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workshop-kit", description="The Outcomes Workshop Kit.")
    commands = parser.add_subparsers(dest="command", required=True)

    kiosk = commands.add_parser("kiosk", help="Serve the workshop pages to a room through Voila.")
    add_setting_options(kiosk, Settings, KIOSK_SETTINGS)

    dashboard = commands.add_parser("dashboard", help="Serve the facilitator's live view of every table (this machine only by default).")
    add_setting_options(dashboard, Settings, DASHBOARD_SETTINGS)

    commands.add_parser("check-content", help="Check every content file against its schema.")

    export = commands.add_parser("export", help="Write the day's record as Word, HTML or CSV.")
    export.add_argument("--format", choices=("docx", "html", "csv"), default="docx", help="docx (Word), html (one self-contained page) or csv (every saved answer).")
    add_setting_options(export, Settings, STORE_SETTINGS)
    export.add_argument("--out", type=Path, default=None, help="File to write (default workshop-<session>.<format> in the data folder).")

    # --- import: an area's own framework and indicator data (workshop_kit/importing/) ---
    imports = commands.add_parser("import", help="Import an area's outcomes framework or indicator data (CSV or Excel) into a session.")
    imports.add_argument(
        "kind",
        choices=("framework", "indicators"),
        help="framework: outcomes, with optional aspiration, indicator, service and lead columns; indicators: long format, with indicator, period and value (and optional area and unit) columns.",
    )
    imports.add_argument("file", type=Path, help="The .csv or .xlsx file.")
    add_setting_options(imports, Settings, STORE_SETTINGS)
    # --- end import ---

    migrate = commands.add_parser("migrate", help="Copy one day's groups and answers to another store (SQLite to PostgreSQL, or back), counting rows.")
    migrate.add_argument("--to", required=True, metavar="URL", help="The store to copy into: a SQLAlchemy URL, e.g. postgresql+psycopg://user@host/db or sqlite:///path/workshop.sqlite3.")
    migrate.add_argument("--from", dest="source", default=None, metavar="URL", help="The store to copy from (default: the --data folder's SQLite file, or $WORKSHOP_KIT_DATABASE_URL).")
    add_setting_options(migrate, Settings, STORE_SETTINGS)

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
    add_setting_options(release, ReleaseSettings, [spec.name for spec in fields(ReleaseSettings) if spec.metadata.get("flag")])
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

        settings = Settings.from_env(**chosen_settings(args, KIOSK_SETTINGS))
        try:
            _check_before_serving(settings)
            serve(settings)
        except SettingsError as problem:
            print(f"workshop-kit: {problem}", file=sys.stderr)
            return 2
        return 0
    if args.command == "dashboard":
        from .kiosk import SettingsError, serve_dashboard

        settings = Settings.from_env(**chosen_settings(args, DASHBOARD_SETTINGS))
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

    settings = Settings.from_env(**chosen_settings(args, STORE_SETTINGS), database_url=args.source)
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


def _store_to_export(settings: Settings) -> Store:
    """The store, opened for reading alone when its folder can no longer be written (a full or read-only disk)."""
    from .data_folder import writing_problem
    from .store import Store

    if settings.database_url or writing_problem(settings.data_dir) is None:
        return Store.from_settings(settings)
    return Store.read_only(settings)


def _export(args: argparse.Namespace) -> int:
    from .data_folder import reason
    from .export import default_path, export_bytes

    settings = Settings.from_env(**chosen_settings(args, STORE_SETTINGS))
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

    settings = Settings.from_env(**chosen_settings(args, STORE_SETTINGS))
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
