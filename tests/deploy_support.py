"""The hosted set-up on one machine, for tests/test_deploy_two_servers.py and bench/servers.py: N `streamlit run`
servers sharing one PostgreSQL database behind nginx running deploy/nginx/kansrijke-start.conf, all on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support import APP_FILE, PROJECT_DIR, StreamlitServer, free_port

SITE_CONF = PROJECT_DIR / "deploy" / "nginx" / "kansrijke-start.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The site file names these two app servers; the test replaces only these ports and the listen line.
SITE_APP_PORTS = (8501, 8502)
COOKIE_SECRET = "same-secret-on-every-server-of-this-test"  # docs/DEPLOY.md: one secret for all servers
# Access log: which route cookie, which app server answered, what was asked.
LOG_FORMAT = "log_format ks '$cookie_ks_route $upstream_addr $status \"$request\"';"


def site_config(listen_port: int, app_ports: tuple[int, int]) -> str:
    """The versioned site config with only the listen port and the two upstream ports replaced."""
    text = SITE_CONF.read_text(encoding="utf-8")
    for old, new in ((f"listen {80};", f"listen 127.0.0.1:{listen_port};"),
                     *((f"127.0.0.1:{o}", f"127.0.0.1:{n}") for o, n in zip(SITE_APP_PORTS, app_ports))):
        assert old in text, f"{SITE_CONF} no longer contains {old!r}"
        text = text.replace(old, new)
    return text


@dataclass
class Nginx:
    """nginx (Debian package) in the foreground with its own prefix folder, as an unprivileged test server."""

    work: Path
    port: int
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.work / "access.log"

    def start(self, app_ports: tuple[int, int]) -> None:
        self.work.mkdir(parents=True, exist_ok=True)
        temp = self.work / "temp"
        temp.mkdir(exist_ok=True)
        temp.chmod(0o777)  # nginx workers run as nobody when the tests run as root
        (self.work / "site.conf").write_text(site_config(self.port, app_ports), encoding="utf-8")
        (self.work / "nginx.conf").write_text(
            f"daemon off;\nworker_processes 1;\npid {self.work}/nginx.pid;\nerror_log {self.work}/error.log warn;\n"
            "events { worker_connections 1024; }\n"
            f"http {{\n  {LOG_FORMAT}\n  access_log {self.access_log} ks;\n"
            + "".join(f"  {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"  include {self.work}/site.conf;\n}}\n", encoding="utf-8")
        self.proc = subprocess.Popen([NGINX, "-p", str(self.work), "-c", str(self.work / "nginx.conf")],
                                     stdout=subprocess.DEVNULL, stderr=open(self.work / "stderr.log", "w"))
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx stopped: " + (self.work / "stderr.log").read_text())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen in 20 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


def app_env(base_env: dict[str, str], database_url: str) -> dict[str, str]:
    """An app server's environment: the shared database and the same cookie secret on every server."""
    return {**os.environ, **base_env, "KS_DATABASE_URL": database_url,
            "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET, "MALLOC_ARENA_MAX": "2"}


def start_servers(env: dict[str, str], work: Path, count: int, options: tuple[str, ...]) -> list[StreamlitServer]:
    """``count`` app servers started at the same time (each waits for its health check)."""
    servers = [StreamlitServer(APP_FILE, env, options=(*options, "--server.maxUploadSize=20"),
                               log=work / f"server{n}.log") for n in range(count)]
    errors: list[BaseException] = []

    def start(server: StreamlitServer) -> None:
        try:
            server.start(timeout=120)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        for server in servers:
            server.stop()
        raise errors[0]
    return servers


@contextmanager
def hosted(env: dict[str, str], work: Path, *, count: int = 2,
           options: tuple[str, ...] = ()) -> Iterator[tuple[Nginx, list[StreamlitServer]]]:
    """``count`` (1 or 2) app servers behind nginx; with one server both upstreams point at it."""
    work.mkdir(parents=True, exist_ok=True)
    servers = start_servers(env, work, count, options)
    proxy = Nginx(work / "nginx", free_port())
    try:
        ports = (servers[0].port, servers[-1].port)
        proxy.start(ports)
        yield proxy, servers
    finally:
        proxy.stop()
        for server in servers:
            server.stop()
