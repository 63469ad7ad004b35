"""The store's read side: filtered rows for the map, the exports and the command line.

Only the latest version of each document is ever shown. Reads use SQLAlchemy Core
selects (no ORM objects) because a layer can hold tens of thousands of rows.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Engine, and_, case, func, or_, select
from sqlalchemy.sql import ColumnElement, Select

from geo.errors import InputError
from geo.store.api import (
    DocumentRow,
    EventCount,
    EventRow,
    Filters,
    PlaceCountRow,
    PlaceRow,
    TroopRow,
)
from geo.store.models import Document, EventRecord, PlaceRecord, TroopRecord

ALL = Filters()  # no restriction


class UnknownDocumentError(InputError, KeyError):
    """No document with that id is in the store."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


class Store:
    """A handle on one store. Thread-safe: every call takes its own connection."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # -- documents -----------------------------------------------------------------

    def documents(self) -> list[DocumentRow]:
        d = Document
        stmt = (
            select(d.doc_id, d.version, d.content_hash, d.source, d.published, d.title, func.length(d.text))
            .where(d.latest.is_(True))
            .order_by(d.doc_id)
        )
        return [
            DocumentRow(
                id=r[0],
                version=r[1],
                content_hash=r[2],
                source=r[3],
                published=r[4],
                title=r[5],
                n_chars=r[6],
            )
            for r in self._all(stmt)
        ]

    def document_text(self, doc_id: str) -> str:
        stmt = select(Document.text).where(Document.doc_id == doc_id, Document.latest.is_(True))
        with self.engine.connect() as conn:
            found = conn.execute(stmt).scalar_one_or_none()
        if found is None:
            raise UnknownDocumentError(f"no document with id {doc_id!r} in the store {self.url}")
        return found

    def versions(self, doc_id: str) -> list[int]:
        """Every stored version number of a document, oldest first."""
        stmt = select(Document.version).where(Document.doc_id == doc_id).order_by(Document.version)
        return [r[0] for r in self._all(stmt)]

    # -- claims --------------------------------------------------------------------

    def events(self, filters: Filters = ALL) -> list[EventRow]:
        return self._event_rows(self._event_select(filters))

    def events_at(
        self,
        filters: Filters = ALL,
        *,
        geonameid: int | None = None,
        lat: float | None = None,
        lon: float | None = None,
    ) -> list[EventRow]:
        """The events of ``filters`` at one place: its GeoNames id, else its position (within
        0.0005°, the rounding of a place key). What a click on an aggregated point lists."""
        e = EventRecord
        stmt = self._event_select(filters)
        if geonameid is not None:
            stmt = stmt.where(e.geonameid == geonameid)
        elif lat is not None and lon is not None:
            stmt = stmt.where(e.lat.between(lat - 5e-4, lat + 5e-4), e.lon.between(lon - 5e-4, lon + 5e-4))
        else:
            raise InputError("events_at needs a geonameid, or a lat and a lon")
        return self._event_rows(stmt)

    def _event_select(self, filters: Filters) -> Select:
        e = EventRecord
        stmt = select(
            e.pk,
            Document.doc_id,
            e.type,
            e.date,
            e.place_name,
            e.place_name_ar,
            e.place_kind,
            e.iso2,
            e.lat,
            e.lon,
            e.geonameid,
            e.killed,
            e.injured,
            e.evidence,
            e.start,
            e.end,
        )
        stmt = self._claims(stmt, e, filters, country=e.iso2).where(*_types(filters))
        return stmt.order_by(e.date_from.is_(None), e.date_from, e.pk)

    def _event_rows(self, stmt: Select) -> list[EventRow]:
        return [EventRow(**dict(zip(_EVENT_FIELDS, r, strict=True))) for r in self._all(stmt)]

    def event_count(self, filters: Filters = ALL) -> EventCount:
        """How many events match, located and not, in one query and without reading any row."""
        e = EventRecord
        located = case((and_(e.lat.is_not(None), e.lon.is_not(None)), 1), else_=0)
        stmt = select(func.count(), func.coalesce(func.sum(located), 0))
        stmt = self._claims(stmt.select_from(e), e, filters, country=e.iso2).where(*_types(filters))
        with self.engine.connect() as conn:
            total, with_place = conn.execute(stmt).one()
        return EventCount(located=int(with_place), unlocated=int(total) - int(with_place))

    def event_place_counts(self, filters: Filters = ALL) -> list[PlaceCountRow]:
        """Located events counted per place and type (one GROUP BY): what a map needs when
        there are too many events to draw one by one. Casualties are summed.

        Grouped on the place's id and position only (an index covers them); the names come
        from one event of each group, read afterwards by primary key."""
        e = EventRecord
        place = (e.geonameid, e.lat, e.lon)
        stmt = select(
            *place,
            e.type,
            func.count(),
            func.coalesce(func.sum(e.killed), 0),
            func.coalesce(func.sum(e.injured), 0),
            func.min(e.pk),
        )
        stmt = _scanned_claims(stmt, e, filters).where(
            *_types(filters), e.lat.is_not(None), e.lon.is_not(None)
        )
        groups = self._all(stmt.group_by(*place, e.type).order_by(*place, e.type))
        names = self._place_names([g[-1] for g in groups])
        return [
            PlaceCountRow(
                geonameid=g[0],
                lat=g[1],
                lon=g[2],
                type=g[3],
                count=g[4],
                killed=g[5],
                injured=g[6],
                **names[g[-1]],
            )
            for g in groups
        ]

    def _place_names(self, pks: list[int]) -> dict[int, dict]:
        e = EventRecord
        out = {}
        for chunk in _chunks(sorted(set(pks))):
            stmt = select(e.pk, e.place_name, e.place_name_ar, e.iso2).where(e.pk.in_(chunk))
            out.update(
                {
                    pk: {"place_name": n, "place_name_ar": ar, "iso2": iso2}
                    for pk, n, ar, iso2 in self._all(stmt)
                }
            )
        return out

    def troops(self, filters: Filters = ALL) -> list[TroopRow]:
        t = TroopRecord
        stmt = select(
            t.pk, Document.doc_id, t.country, t.count, t.approx, t.status, t.date, t.evidence, t.start, t.end
        )
        stmt = self._claims(stmt, t, filters, country=t.country).order_by(
            t.date_from.is_(None), t.date_from, t.pk
        )
        return [TroopRow(**dict(zip(_TROOP_FIELDS, r, strict=True))) for r in self._all(stmt)]

    def places(
        self,
        filters: Filters = ALL,
        *,
        skip_geonameids: Collection[int] = (),
        skip_kinds: Collection[str] = (),
    ) -> list[PlaceRow]:
        """Places named by the shown documents. Places carry no date: only countries and
        documents narrow them. ``skip_geonameids``/``skip_kinds`` leave places out in SQL (a map
        skips places its events already mark, and countries, which its polygons show)."""
        p = PlaceRecord
        stmt = select(
            Document.doc_id,
            p.name,
            p.name_ar,
            p.kind,
            p.iso2,
            p.lat,
            p.lon,
            p.geonameid,
            p.surfaces,
            p.confidence,
        )
        stmt = stmt.join(Document, Document.pk == p.document_pk).where(Document.latest.is_(True))
        if filters.countries:
            stmt = stmt.where(p.iso2.in_(filters.countries))
        if filters.documents:
            stmt = stmt.where(Document.doc_id.in_(filters.documents))
        if skip_kinds:
            stmt = stmt.where(p.kind.not_in(tuple(skip_kinds)))
        for chunk in _chunks(sorted(set(skip_geonameids))):
            stmt = stmt.where(or_(p.geonameid.is_(None), p.geonameid.not_in(chunk)))
        rows = self._all(stmt.order_by(Document.doc_id, p.pk))
        return [
            PlaceRow(
                document_id=r[0],
                name=r[1],
                name_ar=r[2],
                kind=r[3],
                iso2=r[4],
                lat=r[5],
                lon=r[6],
                geonameid=r[7],
                surfaces=tuple(r[8] or ()),
                confidence=r[9],
            )
            for r in rows
        ]

    def counts(self) -> dict[str, int]:
        """How many documents (latest versions) and claims of theirs the store holds."""
        with self.engine.connect() as conn:
            out = {
                "documents": conn.execute(select(func.count()).where(Document.latest.is_(True))).scalar_one()
            }
            for name, table in (("places", PlaceRecord), ("events", EventRecord), ("troops", TroopRecord)):
                stmt = (
                    select(func.count())
                    .select_from(table)
                    .join(Document, Document.pk == table.document_pk)
                    .where(Document.latest.is_(True))
                )
                out[name] = conn.execute(stmt).scalar_one()
        return out

    def event_day_histogram(self, filters: Filters = ALL) -> list[tuple[str, int]]:
        """Events per day, oldest first; only events dated to a single day are counted."""
        e = EventRecord
        stmt = select(e.date_from, func.count()).where(e.date_from == e.date_to)
        stmt = self._claims(stmt, e, filters, country=e.iso2).where(*_types(filters))
        stmt = stmt.group_by(e.date_from).order_by(e.date_from)
        return [(_iso(day), n) for day, n in self._all(stmt)]

    def date_bounds(self) -> tuple[str | None, str | None]:
        """First and last day any shown event or troop contribution covers (ISO dates)."""
        lows, highs = [], []
        with self.engine.connect() as conn:
            for table in (EventRecord, TroopRecord):
                stmt = (
                    select(func.min(table.date_from), func.max(table.date_to))
                    .join(Document, Document.pk == table.document_pk)
                    .where(Document.latest.is_(True))
                )
                low, high = conn.execute(stmt).one()
                lows += [_iso(low)] if low else []
                highs += [_iso(high)] if high else []
        return (min(lows) if lows else None, max(highs) if highs else None)

    # -- helpers -------------------------------------------------------------------

    def _all(self, stmt) -> list:
        with self.engine.connect() as conn:
            return conn.execute(stmt).all()

    @staticmethod
    def _claims(stmt: Select, table, filters: Filters, *, country: ColumnElement) -> Select:
        stmt = stmt.join(Document, Document.pk == table.document_pk).where(Document.latest.is_(True))
        stmt = stmt.where(*_date_conditions(table, filters))
        if filters.countries:
            stmt = stmt.where(country.in_(filters.countries))
        if filters.documents:
            stmt = stmt.where(Document.doc_id.in_(filters.documents))
        return stmt


_EVENT_FIELDS = (
    "id",
    "document_id",
    "type",
    "date",
    "place_name",
    "place_name_ar",
    "place_kind",
    "iso2",
    "lat",
    "lon",
    "geonameid",
    "killed",
    "injured",
    "evidence",
    "start",
    "end",
)
_TROOP_FIELDS = (
    "id",
    "document_id",
    "country",
    "count",
    "approx",
    "status",
    "date",
    "evidence",
    "start",
    "end",
)


def _scanned_claims(stmt: Select, table, filters: Filters) -> Select:
    """Like ``Store._claims`` but with the documents as a subquery, for aggregates over many rows.

    ``document_pk + 0`` keeps SQLite from walking the claims document by document through
    their index; it scans the covering index ix_events_place_type instead (4x faster at 100k).
    """
    docs = select(Document.pk).where(Document.latest.is_(True))
    if filters.documents:
        docs = docs.where(Document.doc_id.in_(filters.documents))
    stmt = stmt.select_from(table).where((table.document_pk + 0).in_(docs), *_date_conditions(table, filters))
    if filters.countries:
        stmt = stmt.where(table.iso2.in_(filters.countries))
    return stmt


def _date_conditions(table, filters: Filters) -> list[ColumnElement]:
    """A claim matches when its date interval overlaps the selected range.

    Undated claims (no date, or a date text that is not a calendar date) are kept
    when ``include_undated`` and dropped otherwise, with or without a range.
    """
    overlap = []
    if filters.date_from is not None:
        overlap.append(table.date_to >= filters.date_from)
    if filters.date_to is not None:
        overlap.append(table.date_from <= filters.date_to)
    undated = table.date_from.is_(None)
    if filters.include_undated:
        return [or_(undated, and_(*overlap))] if overlap else []
    return [~undated, *overlap]


def _chunks(values: list, size: int = 900) -> list[list]:
    """Bound the parameters of one IN list (SQLite allows a limited number per statement)."""
    return [values[i : i + size] for i in range(0, len(values), size)]


def _types(filters: Filters) -> list[ColumnElement]:
    return [EventRecord.type.in_(filters.types)] if filters.types else []


def _iso(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
