"""Alembic environment: run by :func:`geo.store.db.migrate` with an open connection."""

from __future__ import annotations

from alembic import context

from geo.store.models import Base


def run_migrations_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("csto-map migrations run online only, through geo.store.db.open_store()")
run_migrations_online()
