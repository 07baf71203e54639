"""Store: the only package that talks to a database (SQLAlchemy 2 + Alembic).

``open_store(url)`` picks the backend from the URL: ``sqlite:///path.db`` (the
embedded default) or ``postgresql+psycopg://user@host/db``. A bare file path is
taken as an SQLite file. The schema is migrated to the newest revision on open.
"""

from __future__ import annotations

import os

from sqlalchemy import create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError

from storyline.errors import DatabaseError
from storyline.store.migrate import upgrade
from storyline.store.store import Store

DEFAULT_DB_URL = "sqlite:///storyline.db"
ENV_VAR = "STORYLINE_DB"


def resolve_db_url(url: str | None) -> str:
    """The database URL to use: the argument, else ``$STORYLINE_DB``, else the default.

    A value without ``://`` is a path to an SQLite file.
    """
    url = url or os.environ.get(ENV_VAR) or DEFAULT_DB_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``; E201/E202 when it cannot be used."""
    url = resolve_db_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(f"{url}: not a database URL (use sqlite:///FILE or postgresql+psycopg://…)", "E202") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseError(f"{_safe(parsed)}: unsupported database {backend!r}; Storyline runs on SQLite and PostgreSQL", "E202")
    if backend == "sqlite" and parsed.database and parsed.database != ":memory:":
        folder = os.path.dirname(os.path.abspath(parsed.database))
        if not os.path.isdir(folder):
            raise DatabaseError(f"{url}: folder {folder} does not exist", "E201")
    try:
        engine = create_engine(url, **_engine_options(backend))
    except (NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseError(f"{_safe(parsed)}: {exc}", "E202") from None
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        upgrade(engine)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(f"{_safe(parsed)}: cannot open the database: {reason}", "E201") from None
    return Store(engine, url)


def _engine_options(backend: str) -> dict:
    if backend == "postgresql":
        return {"pool_pre_ping": True, "connect_args": {"connect_timeout": 10}}
    return {}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL: readers (the API) never block the writer; busy_timeout: a second writer waits.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _safe(parsed) -> str:
    return parsed.render_as_string(hide_password=True)


__all__ = ["DEFAULT_DB_URL", "ENV_VAR", "Store", "open_store", "resolve_db_url"]
