"""Tables of the store (SQLAlchemy 2.x typed ORM). Migrations in ``migrations/`` build them.

A document is kept once per distinct text: a changed text under the same id is a new
row with ``version`` n+1, and only the row with ``latest`` true is shown by the reads.
Every claim (place, mention, event, troop contribution) belongs to one document row.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

_CASCADE = {"ondelete": "CASCADE"}


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (
        UniqueConstraint("doc_id", "version", name="uq_documents_doc_id_version"),
        UniqueConstraint("content_hash", name="uq_documents_content_hash"),
        Index("ix_documents_latest_doc_id", "latest", "doc_id"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(500))
    version: Mapped[int] = mapped_column(Integer)
    latest: Mapped[bool] = mapped_column(Boolean, default=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PlaceRecord(Base):
    __tablename__ = "places"
    __table_args__ = (
        Index("ix_places_document", "document_pk"),
        Index("ix_places_iso2", "iso2"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", **_CASCADE))
    key: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(Text)
    name_ar: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    iso2: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    surfaces: Mapped[list] = mapped_column(JSON, default=list)
    confidence: Mapped[float] = mapped_column(Float, default=1.0)


class MentionRecord(Base):
    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_document", "document_pk"), Index("ix_mentions_place", "place_pk"))

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", **_CASCADE))
    place_pk: Mapped[int] = mapped_column(ForeignKey("places.pk", **_CASCADE))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(Text)


class EventRecord(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_document", "document_pk"),
        Index("ix_events_date", "date_from", "date_to"),
        Index("ix_events_iso2_date", "iso2", "date_from", "date_to"),
        Index(
            "ix_events_place_type",
            *(
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
            ),
        ),  # covers Store.event_place_counts (migration 0002)
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", **_CASCADE))
    type: Mapped[str] = mapped_column(String(40))
    date: Mapped[str | None] = mapped_column(String(10))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(Text)
    place_name_ar: Mapped[str | None] = mapped_column(Text)
    place_kind: Mapped[str | None] = mapped_column(String(20))
    iso2: Mapped[str | None] = mapped_column(String(2))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    killed: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class TroopRecord(Base):
    __tablename__ = "troops"
    __table_args__ = (
        Index("ix_troops_document", "document_pk"),
        Index("ix_troops_country_date", "country", "date_from", "date_to"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", **_CASCADE))
    country: Mapped[str | None] = mapped_column(String(2))
    count: Mapped[int | None] = mapped_column(Integer)
    approx: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20))
    date: Mapped[str | None] = mapped_column(String(10))
    date_from: Mapped[date | None] = mapped_column(Date)
    date_to: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
