"""A real PostgreSQL server for the tests: Debian's ``postgresql``, ``initdb`` into a temporary folder.

The server runs as an unprivileged user (PostgreSQL refuses to run as root, and
the tests run as root here and in CI): the folder is given to ``nobody`` and
every server program is run through ``runuser``. It listens on a free port of
127.0.0.1 and keeps its unix socket in the same folder, so it never meets a
system cluster. ``make postgresql`` installs the server programs.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

import pytest

INSTALL_HINT = (
    "The PostgreSQL tests need Debian's PostgreSQL server programs (initdb, pg_ctl) in /usr/lib/postgresql/*/bin. Install them with: sudo apt-get install postgresql (or run 'make postgresql')."
)
SERVER_USER = "nobody"
SUPERUSER = "kit"
START_SECONDS = 120
_numbers = count(1)


def server_programs() -> Path | None:
    """The newest installed PostgreSQL's bin folder, or None."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    return found[-1].parent if found else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """One throw-away PostgreSQL cluster: its folder, port, and how to stop and start it."""

    programs: Path
    folder: Path
    port: int = field(default_factory=free_port)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def sockets(self) -> Path:
        return self.folder / "sockets"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _run(self, program: str, *args: str, timeout: float = START_SECONDS) -> subprocess.CompletedProcess[str]:
        command = [str(self.programs / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=timeout, cwd=self.folder)

    def init(self) -> None:
        self.sockets.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, SERVER_USER)
            shutil.chown(self.sockets, SERVER_USER)
        done = self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", str(START_SECONDS), "start")
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start: {done.stderr.strip()}\n{log}")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status").returncode == 0

    def psql(self, sql: str) -> str:
        done = self._run("psql", "-h", str(self.sockets), "-p", str(self.port), "-U", SUPERUSER, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-Atc", sql)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed on {sql!r}: {done.stderr.strip()}")
        return done.stdout.strip()

    def create_database(self, name: str | None = None) -> str:
        """A new empty database; returns its URL."""
        name = name or f"kit_test_{os.getpid()}_{next(_numbers)}"
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_postgres() -> Iterator[PostgresServer]:
    """A fresh cluster, started; stopped and removed afterwards whatever happened."""
    programs = server_programs()
    if programs is None:
        pytest.fail(INSTALL_HINT)
    server = PostgresServer(programs, Path(tempfile.mkdtemp(prefix="workshop-kit-pg-")))
    try:
        server.init()
        server.start()
        yield server
    finally:
        if server.data.exists():
            server.stop()
        shutil.rmtree(server.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One PostgreSQL server for the whole run, started on first use."""
    with running_postgres() as server:
        yield server


@pytest.fixture
def postgres_url(postgres: PostgresServer) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    url = postgres.create_database()
    yield url
    postgres.drop_database(url.rsplit("/", 1)[1])


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store's URL: an SQLite file in a temporary folder, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))
