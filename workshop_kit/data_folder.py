"""Whether the data folder (or the database) can take new writes, said in a plain sentence for the facilitator when it cannot.

A full disk or a read-only folder would otherwise show up only as failed saves
at the tables. ``workshop-kit kiosk`` and ``dashboard`` check before they start,
and the dashboard checks again on every refresh, by really writing: a small
file is written, flushed to disk and removed, and the store's own files must be
writable. With a database server (``--database`` / $WORKSHOP_KIT_DATABASE_URL)
the same sentences say the server cannot be reached.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .settings import DATABASE_FILE, Settings

#: big enough that a nearly full disk refuses it, small enough to write every few seconds
PROBE_BYTES = 64 * 1024
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EROFS}
_REFUSED = {errno.EACCES, errno.EPERM}


def reason(problem: OSError) -> str:
    """Why a write failed, in words: the disk is full, it is read-only, or the system's own message."""
    if problem.errno in _FULL:
        return "the disk it is on is full"
    if problem.errno in _READ_ONLY:
        return "it is on a read-only disk"
    if problem.errno in _REFUSED:
        return "it is read-only or locked, so nothing can be written there"
    return (problem.strerror or str(problem)).rstrip(".").lower()


def sentence(folder: Path, why: str) -> str:
    return (
        f"The data folder {folder} cannot be written to: {why}. Answers given now are not being saved. "
        "Free some space, or start the workshop again with --data pointing at a folder on a disk that can be written."
    )


def shown_url(url: str) -> str:
    """A database URL fit to print: the password, if any, is hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unreadable URL is still named, without its secrets
        return url.split("@")[-1]


def database_why(failure: BaseException) -> str:
    """What a database driver said, on one line, without the trailing full stop."""
    said = str(getattr(failure, "orig", None) or failure)
    return " ".join(said.split()).rstrip(".") or type(failure).__name__


def database_sentence(url: str, why: str) -> str:
    return (
        f"The database {shown_url(url)} cannot be reached: {why}. Answers given now are not being saved. "
        "Start the database server again (everything saved before is kept there), or start the workshop again "
        "with a database URL that works."
    )


def database_problem(url: str) -> str | None:
    """None when the database answers a write transaction; otherwise a plain sentence saying why not."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, connect_args={"connect_timeout": 10} if url.startswith("postgresql") else {})
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT 1"))
    except Exception as failure:  # noqa: BLE001 - a sentence for the facilitator, not a traceback
        return database_sentence(url, database_why(failure))
    finally:
        engine.dispose()
    return None


def storage_problem(settings: Settings) -> str | None:
    """None when new answers can be saved where the settings keep them; otherwise why not, in a sentence."""
    if settings.database_url:
        return database_problem(settings.database_url)
    return writing_problem(settings.data_dir)


def writing_problem(folder: Path) -> str | None:
    """None when new answers can be written in ``folder``; otherwise a plain sentence saying why not."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".write-check-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as probe:
                probe.write(b"\0" * PROBE_BYTES)
                probe.flush()
                os.fsync(probe.fileno())
        finally:
            os.unlink(name)
        for existing in sorted(folder.glob(f"{DATABASE_FILE}*")):
            if not os.access(existing, os.W_OK):
                raise PermissionError(errno.EACCES, "the store's files are read-only", str(existing))
    except OSError as problem:
        return sentence(folder.resolve(), reason(problem))
    return None


def startup_problem(settings: Settings) -> str | None:
    """Before serving: can the data folder (or database) be written, and can the store be opened there?

    Opening the store brings its schema up to date, once, before any page starts.
    """
    if settings.database_url:
        return _database_startup_problem(settings.database_url)
    problem = writing_problem(settings.data_dir)
    if problem:
        return problem
    from .store import Store  # opening it creates the tables, a real write

    try:
        Store.from_settings(settings).close()
    except Exception as failure:  # noqa: BLE001 - a sentence for the terminal, not a traceback
        why = str(getattr(failure, "orig", failure)).rstrip(".")
        return f"The store {settings.data_dir.resolve() / DATABASE_FILE} cannot be opened: {why}. Use another --data folder."
    return None


def _database_startup_problem(url: str) -> str | None:
    from .store import Store  # opening it runs the migrations the database still needs

    problem = database_problem(url)
    if problem:
        return problem
    try:
        Store(url).close()
    except Exception as failure:  # noqa: BLE001 - a sentence for the terminal, not a traceback
        return database_sentence(url, database_why(failure))
    return None
