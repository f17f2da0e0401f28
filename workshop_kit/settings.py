"""Every setting of the kit, declared once with its help text.

A field's metadata holds its ``help`` and, when the command line sets it, its ``flag`` (and a
``default_text`` where the default is worked out rather than written down): ``workshop-kit``
builds its options from them, so ``--help`` says what this file says.

The command line, the Makefile and the tests all build a ``Settings`` (from arguments, the
environment or defaults) rather than reading the environment themselves, so a value has one
name and one default.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DATA_ENV = "WORKSHOP_KIT_DATA"
SESSION_ENV = "WORKSHOP_KIT_SESSION"
DATABASE_URL_ENV = "WORKSHOP_KIT_DATABASE_URL"
REMEMBER_LEARNER_ENV = "WORKSHOP_KIT_REMEMBER_LEARNER"

DEFAULT_DATA_DIR = Path("workshop-data")
DATABASE_FILE = "workshop.sqlite3"


@dataclass(frozen=True)
class Settings:
    """How the kiosk is served and where what people write is kept."""

    host: str = field(default="127.0.0.1", metadata={"flag": "--host", "help": "Address to listen on. Keep 127.0.0.1 unless tables join over the venue network."})
    port: int = field(default=8866, metadata={"flag": "--port", "help": "Port the participants' pages are served on."})
    dashboard_port: int = field(default=8867, metadata={"flag": "--port", "help": "Port of the facilitator's dashboard, never the participants' port."})
    data_dir: Path = field(default=DEFAULT_DATA_DIR, metadata={"flag": "--data", "metavar": "DIR", "help": f"Folder that holds the SQLite store (also ${DATA_ENV})."})
    database_url: str | None = field(default=None, metadata={"help": f"SQLAlchemy URL that replaces the SQLite file, e.g. a PostgreSQL URL (also ${DATABASE_URL_ENV})."})
    session: str = field(default="workshop", metadata={"flag": "--session", "help": f"Name of the workshop session the day's answers are kept under (also ${SESSION_ENV})."})
    token: str | None = field(default=None, metadata={"flag": "--token", "help": "Join token participants add to the address; required when listening beyond this machine.", "default_text": "none"})
    pool_size: int = field(default=1, metadata={"flag": "--pool-size", "metavar": "N", "help": "Kernels kept warm for each page so the first visitor does not wait."})
    cull_idle_seconds: int = field(default=600, metadata={"flag": "--cull-idle", "metavar": "SECONDS", "help": "A kernel with no open tab is shut down after this many idle seconds."})
    cull_interval_seconds: int = field(default=60, metadata={"flag": "--cull-interval", "metavar": "SECONDS", "help": "How often, in seconds, to look for abandoned kernels."})
    reconnect_grace_seconds: int = field(
        default=120,
        metadata={"flag": "--reconnect-grace", "metavar": "SECONDS", "help": "A page whose connection drops keeps its kernel at least this many seconds, so it can reconnect with nothing lost."},
    )
    max_tables: int | None = field(
        default=None,
        metadata={
            "flag": "--max-tables",
            "metavar": "N",
            "help": "Kernels handed to tables at once; past it a page waits, with its place in the queue, and opens by itself when one is free.",
            "default_text": "from this machine's memory",
        },
    )
    fork_kernels: bool = field(
        default=True,
        metadata={
            "flag": "--no-fork-kernels",
            "help": "Start each page's kernel as a fork of one warm process that has already imported the kit (fast, shares memory); off: a new Python per kernel, as plain Voila does.",
        },
    )
    remember_learner: bool = field(
        default=False,
        metadata={
            "help": f"JupyterLab self-study only (`make lab` sets ${REMEMBER_LEARNER_ENV}=1): each page fills in the name of the learner who last studied alone here. Pages served by Voila never do."
        },
    )
    idle_return_seconds: int = field(
        default=900,
        metadata={"flag": "--idle-return", "metavar": "SECONDS", "help": "A page nobody has touched for this many seconds goes back to the start page, ready for the next group (0: never)."},
    )

    def __post_init__(self) -> None:
        if not isinstance(self.data_dir, Path):
            object.__setattr__(self, "data_dir", Path(self.data_dir))

    @classmethod
    def from_env(cls, **overrides: Any) -> "Settings":
        """Defaults, then the environment, then explicit overrides (None means 'not given')."""
        values: dict[str, Any] = {}
        if os.environ.get(DATA_ENV):
            values["data_dir"] = Path(os.environ[DATA_ENV])
        if os.environ.get(SESSION_ENV):
            values["session"] = os.environ[SESSION_ENV]
        if os.environ.get(DATABASE_URL_ENV):
            values["database_url"] = os.environ[DATABASE_URL_ENV]
        if os.environ.get(REMEMBER_LEARNER_ENV, "").strip().lower() in ("1", "yes", "true"):
            values["remember_learner"] = True
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def store_url(self) -> str:
        """The database the kit writes to: the SQLite file unless a URL was given."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / DATABASE_FILE).resolve()}"

    @property
    def is_local_only(self) -> bool:
        """True when only this machine can reach the server."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False

    @property
    def table_cap(self) -> int:
        """The cap on tables' kernels: ``max_tables`` if set, otherwise what half this machine's memory holds."""
        if self.max_tables is not None:
            return self.max_tables
        from .room_queue import default_max_tables

        return default_max_tables()

    def kernel_environment(self) -> dict[str, str]:
        """Variables every page's kernel inherits, so it opens the same store."""
        env = {DATA_ENV: str(self.data_dir.resolve()), SESSION_ENV: self.session}
        if self.database_url:
            env[DATABASE_URL_ENV] = self.database_url
        return env

    def with_changes(self, **changes: Any) -> "Settings":
        return replace(self, **changes)


@dataclass(frozen=True)
class ReleaseSettings:
    """How ``workshop-kit release`` (``make release``) builds a course release."""

    out_dir: Path = field(default=Path("dist"), metadata={"flag": "--out", "metavar": "DIR", "help": "Folder the release bundle and its archive are written to."})
    jobs: int = field(default=2, metadata={"flag": "--jobs", "metavar": "N", "help": "Notebooks executed (and checked by nbval) at the same time; one per core is right."})
    timeout: int = field(
        default=300, metadata={"flag": "--timeout", "metavar": "SECONDS", "help": "Seconds a notebook's kernel may take to start, or a cell to run, before the release calls it stuck."}
    )
    session: str = field(default="release", metadata={"flag": None, "help": "Session name the release's notebook kernels save under, in a throw-away data folder."})

    def __post_init__(self) -> None:
        if not isinstance(self.out_dir, Path):
            object.__setattr__(self, "out_dir", Path(self.out_dir))
        if self.jobs < 1:
            raise ValueError("--jobs must be 1 or more.")
        if self.timeout < 1:
            raise ValueError("--timeout must be 1 second or more.")
