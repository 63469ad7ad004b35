"""Initial schema: documents with versions, places, mentions, events, troop contributions.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk() -> sa.Column:
    return sa.Column(
        "document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"), nullable=False
    )


def _offsets() -> list[sa.Column]:
    return [sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False)]


def _dates() -> list[sa.Column]:
    return [
        sa.Column("date", sa.String(10)),
        sa.Column("date_from", sa.Date),
        sa.Column("date_to", sa.Date),
    ]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(500), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("latest", sa.Boolean, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("doc_id", "version", name="uq_documents_doc_id_version"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_latest_doc_id", "documents", ["latest", "doc_id"])
    op.create_table(
        "places",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_ar", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("iso2", sa.String(2)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geonameid", sa.Integer),
        sa.Column("surfaces", sa.JSON, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_index("ix_places_document", "places", ["document_pk"])
    op.create_index("ix_places_iso2", "places", ["iso2"])
    op.create_table(
        "mentions",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("place_pk", sa.Integer, sa.ForeignKey("places.pk", ondelete="CASCADE"), nullable=False),
        *_offsets(),
        sa.Column("surface", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_document", "mentions", ["document_pk"])
    op.create_index("ix_mentions_place", "mentions", ["place_pk"])
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("type", sa.String(40), nullable=False),
        *_dates(),
        sa.Column("place_name", sa.Text),
        sa.Column("place_name_ar", sa.Text),
        sa.Column("place_kind", sa.String(20)),
        sa.Column("iso2", sa.String(2)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geonameid", sa.Integer),
        sa.Column("killed", sa.Integer),
        sa.Column("injured", sa.Integer),
        sa.Column("evidence", sa.Text, nullable=False),
        *_offsets(),
    )
    op.create_index("ix_events_document", "events", ["document_pk"])
    op.create_index("ix_events_date", "events", ["date_from", "date_to"])
    op.create_index("ix_events_iso2_date", "events", ["iso2", "date_from", "date_to"])
    op.create_table(
        "troops",
        sa.Column("pk", sa.Integer, primary_key=True),
        _doc_fk(),
        sa.Column("country", sa.String(2)),
        sa.Column("count", sa.Integer),
        sa.Column("approx", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        *_dates(),
        sa.Column("evidence", sa.Text, nullable=False),
        *_offsets(),
    )
    op.create_index("ix_troops_document", "troops", ["document_pk"])
    op.create_index("ix_troops_country_date", "troops", ["country", "date_from", "date_to"])


def downgrade() -> None:
    for table in ("troops", "events", "mentions", "places", "documents"):
        op.drop_table(table)
