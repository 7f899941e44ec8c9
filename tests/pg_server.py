"""A real PostgreSQL server for tests, started from the Debian binaries on 127.0.0.1 (never as root).

PostgreSQL refuses to run as root; when the tests run as root (CI, these machines), ``initdb`` and
``pg_ctl`` run as the unprivileged ``postgres`` system user (Debian's package creates it) through
``runuser``. The data folder lives in a fresh temporary folder owned by that user and is removed on stop.
pytest-postgresql's ``postgresql_noproc`` / ``postgresql`` fixtures then give each test a fresh database
on this server (tests/conftest.py).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_USER = "ks"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries here, or the server would not start (the message says why)."""


@dataclass
class PgServer:
    """A running test server: where it listens and how to stop it."""

    host: str
    port: int
    user: str
    data_dir: Path
    _run_as: list[str]
    _bindir: Path

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL (psycopg 3 driver) of database ``dbname`` on this server."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its data folder."""
        subprocess.run([*self._run_as, str(self._bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast",
                        "-w", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)

    def kill(self) -> None:
        """Stop the server at once, as a crash would (immediate shutdown, no checkpoint)."""
        subprocess.run([*self._run_as, str(self._bindir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=60)

    def start(self) -> None:
        """Start the server again on the same port and data (after ``kill``)."""
        _pg_ctl_start(self._run_as, self._bindir, self.data_dir, self.port)


def bindir() -> Path:
    """The newest Debian PostgreSQL server binaries (``/usr/lib/postgresql/<version>/bin``)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[4]))
    if not found:
        raise PostgresUnavailable("geen PostgreSQL-server gevonden (Debian-pakket postgresql)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_ctl_start(run_as: list[str], bin_dir: Path, data_dir: Path, port: int) -> None:
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {data_dir} -c fsync=off -c synchronous_commit=off " \
              "-c full_page_writes=off -c max_connections=200"
    out = subprocess.run([*run_as, str(bin_dir / "pg_ctl"), "-D", str(data_dir), "-o", options, "-w", "-t", "60",
                          "-l", str(data_dir / "server.log"), "start"], capture_output=True, text=True, timeout=90)
    if out.returncode != 0:
        log = (data_dir / "server.log").read_text(errors="replace")[-2000:] if (data_dir / "server.log").exists() else ""
        raise PostgresUnavailable(f"pg_ctl start mislukte: {out.stderr.strip()} {log}")


def start(*, port: int | None = None) -> PgServer:
    """Start a fresh server (trust authentication, user ``ks``) on 127.0.0.1 and a free port."""
    bin_dir = bindir()
    root = Path(tempfile.mkdtemp(prefix="ks-pg-"))
    data_dir = root / "data"
    run_as: list[str] = []
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise PostgresUnavailable("systeemgebruiker 'postgres' ontbreekt (Debian-pakket postgresql)") from exc
        os.chown(root, owner.pw_uid, owner.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    out = subprocess.run([*run_as, str(bin_dir / "initdb"), "-D", str(data_dir), "-U", PG_USER, "--auth=trust",
                          "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"initdb mislukte: {out.stderr.strip()}")
    port = port or _free_port()
    _pg_ctl_start(run_as, bin_dir, data_dir, port)
    return PgServer("127.0.0.1", port, PG_USER, data_dir, run_as, bin_dir)


def _admin(server: PgServer, sql: str) -> None:
    import psycopg

    with psycopg.connect(host=server.host, port=server.port, user=server.user, dbname="postgres",
                         autocommit=True, connect_timeout=10) as con:
        con.execute(sql)


def create_database(server: PgServer, name: str) -> None:
    """Create an empty database ``name`` (a plain identifier) on the server."""
    _admin(server, f'CREATE DATABASE "{name}"')


def drop_database(server: PgServer, name: str) -> None:
    """Drop database ``name``, closing connections still open to it."""
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
