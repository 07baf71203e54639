"""A throw-away PostgreSQL server on 127.0.0.1, for tests and benchmarks.

Uses Debian's ``postgresql`` binaries (installed by ``make test``, or here when
missing and running as root). As root the server runs as the ``postgres`` user,
since PostgreSQL refuses to run as root. Everything lives in a temporary
directory that :meth:`ScratchPostgres.stop` removes.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server binaries could be found or installed."""


def find_bin_dir(install: bool = True) -> str:
    """The folder with ``initdb`` and ``pg_ctl``; installs Debian's package when missing and root."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not candidates and install and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=False, env=env, capture_output=True)
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not candidates:
        found = shutil.which("initdb")
        if found:
            return os.path.dirname(os.path.realpath(found))
        raise PostgresUnavailable("PostgreSQL server binaries not found (install Debian's postgresql)")
    return os.path.dirname(candidates[0])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ScratchPostgres:
    """Start with :meth:`start`, connect with :attr:`url`, create databases with :meth:`create_database`."""

    def __init__(self) -> None:
        self.bin_dir = find_bin_dir()
        self.port = _free_port()
        self.root = tempfile.mkdtemp(prefix="storyline-pg-")
        self.data = os.path.join(self.root, "data")
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            self._as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.root, "postgres", "postgres")
            os.chmod(self.root, 0o700)

    def _run(self, *args: str) -> None:
        result = subprocess.run([*self._as_user, *args], capture_output=True, text=True)
        if result.returncode != 0:
            raise PostgresUnavailable(f"{os.path.basename(args[0])} failed: {result.stderr.strip() or result.stdout.strip()}")

    def start(self) -> ScratchPostgres:
        self._run(os.path.join(self.bin_dir, "initdb"), "-D", self.data, "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C", "--no-sync")
        options = f"-h 127.0.0.1 -p {self.port} -k {self.root} -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        self._run(os.path.join(self.bin_dir, "pg_ctl"), "-D", self.data, "-o", options,
                  "-l", os.path.join(self.root, "server.log"), "-w", "-t", "60", "start")
        return self

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def stop(self) -> None:
        if os.path.isdir(self.data):
            subprocess.run([*self._as_user, os.path.join(self.bin_dir, "pg_ctl"), "-D", self.data, "-m", "immediate", "-w", "stop"],
                           capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> ScratchPostgres:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
