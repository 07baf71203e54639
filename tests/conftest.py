"""Shared test setup: real SQLite files, a real throw-away PostgreSQL server, the real CLI.

``db_url`` runs a test once on SQLite and once on PostgreSQL. The PostgreSQL
server is started once per session on 127.0.0.1 under a temporary directory
(installing Debian's postgresql first when it is missing and we are root) and
stopped at the end. Set STORYLINE_TEST_PG=skip to leave PostgreSQL out.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
CORPUS = ROOT / "examples" / "corpus"

_database_names = itertools.count(1)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: these tests read third-party data from ../shared beside the checkout")
    return path


@pytest.fixture(scope="session")
def postgres():
    if os.environ.get("STORYLINE_TEST_PG") == "skip":
        pytest.skip("PostgreSQL tests turned off by STORYLINE_TEST_PG=skip")
    from storyline.store.scratch_postgres import PostgresUnavailable, ScratchPostgres

    try:
        server = ScratchPostgres().start()
    except PostgresUnavailable as exc:
        if os.environ.get("CI"):
            raise  # CI installs postgresql: a missing server there is a failure, not a skip
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    server = request.getfixturevalue("postgres")
    return server.create_database(f"t{os.getpid()}_{next(_database_names)}")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


def run_cli(*args: str, stdin: bytes | None = None, env: dict | None = None, cwd: Path | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real ``storyline`` command in a subprocess."""
    full_env = {k: v for k, v in os.environ.items() if k != "STORYLINE_DB"}
    full_env.update({"PYTHONIOENCODING": "utf-8", "COLUMNS": "200", **(env or {})})
    return subprocess.run([sys.executable, "-m", "storyline", *args], input=stdin, capture_output=True,
                          env=full_env, cwd=cwd or ROOT, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli
