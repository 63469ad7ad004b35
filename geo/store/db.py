"""Open a store by URL: SQLite (the default, a file in the user data folder) or PostgreSQL.

The schema is made and upgraded by the alembic migrations in ``migrations/``, run
programmatically on open, so a store written by an older version is upgraded in place.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from geo.errors import StoreError
from geo.store.query import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_SQLITE_BUSY_TIMEOUT_MS = 30_000
_PG_MIGRATION_LOCK = 4_207_202_201  # any constant; serialises concurrent first opens


def resolve_url(url: str | None = None) -> str:
    """The store URL: the argument, else $CSTO_MAP_DB, else the settings' default."""
    if url:
        return url
    env = os.environ.get("CSTO_MAP_DB")
    if env:
        return env
    from geo.settings import get_settings

    return get_settings().db_url


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating when needed) the store at ``url``."""
    engine = make_engine(resolve_url(url))
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store at {_safe(engine)}: {exc.orig}") from exc
    return Store(engine)


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"store URL {url!r} is not a database URL; expected sqlite:///path/file.sqlite "
            "or postgresql+psycopg://user:password@host:port/database"
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreError(f"store URL {url!r}: only sqlite and postgresql are supported")


def _sqlite_engine(parsed) -> Engine:
    database = parsed.database
    if database and database != ":memory:" and not database.startswith("file:"):
        try:
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the store {database}: {exc}") from exc
    engine = create_engine(parsed, connect_args={"timeout": _SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # let SQLAlchemy, not the sqlite3 module, decide where transactions begin (so DDL is
    # transactional too), then set up WAL, foreign keys and a busy timeout
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_on_begin(conn) -> None:
    # writers take the write lock up front: a deferred transaction that later upgrades
    # to a writer can fail with "database is locked" without waiting for the timeout
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there already)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as probe:
        if MigrationContext.configure(probe).get_current_revision() == head:
            return
    with engine.connect() as conn:
        conn = conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            if MigrationContext.configure(conn).get_current_revision() != head:
                config.attributes["connection"] = conn
                command.upgrade(config, "head")


def _safe(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)
