"""An index that answers "events per place and type" for a map view without a sort.

Covers every column Store.event_place_counts filters, groups and sums on, so SQLite scans
it in group order instead of reading 100,000 rows and sorting them.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

COLUMNS = [
    "geonameid",
    "lat",
    "lon",
    "type",
    "date_from",
    "date_to",
    "document_pk",
    "killed",
    "injured",
    "iso2",
]


def upgrade() -> None:
    op.create_index("ix_events_place_type", "events", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_events_place_type", table_name="events")
