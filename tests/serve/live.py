"""A real ``storyline serve`` in a subprocess on a free 127.0.0.1 port, and stores loaded with real reports."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.conftest import ROOT

ARTIFACTS = Path(os.environ.get("STORYLINE_TEST_ARTIFACTS", ROOT / "test-artifacts"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """``with LiveServer(db_url, api_key=...) as server: httpx.get(server.url + "/api/events")``."""

    def __init__(self, db_url: str, *, api_key: str | None = None, closed_reads: bool = False,
                 max_body: str | None = None) -> None:
        self.db_url = db_url
        self.api_key = api_key
        self.closed_reads = closed_reads
        self.max_body = max_body
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> LiveServer:
        env = {k: v for k, v in os.environ.items()
               if k not in ("STORYLINE_DB", "STORYLINE_API_KEY", "STORYLINE_API_CLOSED_READS")}
        if self.api_key:
            env["STORYLINE_API_KEY"] = self.api_key
        args = [sys.executable, "-m", "storyline", "serve", "--db", self.db_url, "--port", str(self.port)]
        if self.closed_reads:
            args.append("--closed-reads")
        if self.max_body:
            args += ["--max-body", self.max_body]
        self.log = tempfile.TemporaryFile("w+")
        self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"storyline serve exited with {self.process.returncode}: {self._log_text()}")
            try:
                if httpx.get(self.url + "/openapi.json", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("storyline serve did not answer within 60 s")

    def _log_text(self) -> str:
        self.log.seek(0)
        return self.log.read()[-2000:]

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def get(self, path: str, **params) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.closed_reads and self.api_key else {}
        return httpx.get(self.url + path, params=params, headers=headers, timeout=60)

    def post(self, path: str, body, *, key: str | None = None, **kwargs) -> httpx.Response:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.post(self.url + path, json=body, headers=headers, timeout=300, **kwargs)


def load_reports(db_url: str, *paths: str | Path) -> None:
    """Ingest ``paths`` into the store at ``db_url`` and run the real pipeline (analyse, link, fuse)."""
    from storyline.pipeline import run
    from storyline.store import open_store

    with open_store(db_url) as store:
        summary = run(store, [str(p) for p in paths])
        assert summary.ingested.errors == 0, summary.ingested.notices


def copy_sqlite(url: str, folder: Path, name: str) -> str:
    """A copy of an SQLite store, for a test that writes to it."""
    source = Path(url.removeprefix("sqlite:///"))
    target = folder / name
    shutil.copy(source, target)
    return f"sqlite:///{target}"

