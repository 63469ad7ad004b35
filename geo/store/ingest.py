"""Write side of the store: articles in, one transaction per document.

The same text is stored once (its sha256 is unique); a changed text under a known id
becomes version n+1 and the older version is kept but no longer shown. A document
that fails (unreadable, bad JSON line, extractor error) stores nothing of itself and
the batch goes on; every failure is reported with the file and line it came from.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from geo.errors import CstoMapError, InputError, StoreError
from geo.model import Extraction
from geo.store.dates import date_interval
from geo.store.inputs import Article, Problem, read_inputs
from geo.store.models import Document, EventRecord, MentionRecord, PlaceRecord, TroopRecord
from geo.store.query import Store

Extractor = Callable[..., Extraction]  # extractor(text, *, doc_id, published) -> Extraction


@dataclass(frozen=True, kw_only=True)
class IngestResult:
    """What happened to one document: "new", "version" (a changed text) or "unchanged"."""

    doc_id: str
    status: str
    version: int
    places: int = 0
    events: int = 0
    troops: int = 0


@dataclass(kw_only=True)
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    versions: int = 0
    failed: int = 0
    places: int = 0
    events: int = 0
    troops: int = 0
    problems: list[Problem] = field(default_factory=list)

    def add(self, result: IngestResult) -> None:
        key = {"new": "new", "version": "versions", "unchanged": "unchanged"}[result.status]
        setattr(self, key, getattr(self, key) + 1)
        self.places += result.places
        self.events += result.events
        self.troops += result.troops

    def as_dict(self) -> dict[str, int]:
        names = ("new", "unchanged", "versions", "failed", "places", "events", "troops")
        return {name: getattr(self, name) for name in names}

    def __str__(self) -> str:
        return (
            f"{self.new} new, {self.unchanged} unchanged, {self.versions} new versions, "
            f"{self.failed} failed; "
            f"stored {self.places} places, {self.events} events, {self.troops} troop contributions"
        )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_text(
    store_or_url: Store | str | None,
    text: str,
    *,
    doc_id: str,
    published: str | None = None,
    source: str | None = None,
    extractor: Extractor | None = None,
) -> IngestResult:
    """Extract and store one article (the app's upload). Raises InputError for empty text."""
    if isinstance(store_or_url, Store):
        return _ingest_one(
            store_or_url, text, doc_id=doc_id, published=published, source=source, extractor=extractor
        )
    from geo.store.db import open_store

    with open_store(store_or_url) as store:
        return _ingest_one(
            store, text, doc_id=doc_id, published=published, source=source, extractor=extractor
        )


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    extractor: Extractor | None = None,
    on_problem: Callable[[Problem], None] = lambda _p: None,
    on_note: Callable[[str], None] = lambda _m: None,
    progress: bool = False,
    jobs: int = 1,
) -> IngestSummary:
    """Ingest text files, JSON Lines files and folders of them; never stops at a bad one.

    With ``jobs`` > 1 (and the default extractor) articles are extracted in that many worker
    processes while this process writes them, one transaction per document as always.
    """
    summary = IngestSummary()
    seen: dict[str, tuple[str, str]] = {}  # doc id -> (hash, where) within this batch
    items: Iterator[Article | Problem] = read_inputs(paths, published=published)
    if progress:
        from tqdm import tqdm

        items = tqdm(items, unit="doc", desc="ingest", leave=False)
    if jobs > 1 and extractor is None:
        items = _extracted_in_parallel(items, jobs)
    for item in items:
        extraction = None
        if isinstance(item, tuple):
            item, extraction = item
        if isinstance(item, Problem):
            _fail(summary, item, on_problem)
            continue
        _note_repeated_id(item, seen, on_note)
        try:
            result = _ingest_one(
                store,
                item.text,
                doc_id=item.doc_id,
                published=item.published,
                source=item.source,
                extractor=extractor,
                extraction=extraction,
            )
        except (CstoMapError, SQLAlchemyError) as exc:
            _fail(summary, Problem(where=item.where, message=_describe(exc)), on_problem)
            continue
        summary.add(result)
    return summary


PARALLEL_BATCH = 64  # articles handed to the workers at a time; smaller batches stay in-process


def _extracted_in_parallel(items: Iterator[Article | Problem], jobs: int):
    """Yield (article, extraction-or-error) pairs in input order, problems as they come."""
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    pool = None
    try:
        while batch := list(islice(items, PARALLEL_BATCH)):
            articles = [a for a in batch if isinstance(a, Article)]
            if pool is None and len(articles) < PARALLEL_BATCH:
                results = [_extract_or_error((a.text, a.doc_id, a.published)) for a in articles]
            else:
                pool = pool or ProcessPoolExecutor(max_workers=jobs)
                work = [(a.text, a.doc_id, a.published) for a in articles]
                results = list(pool.map(_extract_or_error, work, chunksize=8))
            done = dict(zip(map(id, articles), results, strict=True))
            for item in batch:
                yield (item, done[id(item)]) if isinstance(item, Article) else item
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _extract_or_error(work: tuple[str, str, str | None]) -> Extraction | ExtractionFailedError:
    """Run in a worker: the extraction, or the error that will cost this one article."""
    text, doc_id, published = work
    if not text or not text.strip():
        return InputError(f"document {doc_id!r} has no text")
    try:
        return _extract(_default_extractor(), text, doc_id=doc_id, published=published)
    except ExtractionFailedError as exc:
        return exc


def ensure_seeded(
    store: Store, seeds_dir: str | Path, *, extractor: Extractor | None = None
) -> IngestSummary | None:
    """Ingest the seed articles when the store holds no document yet; None when it had some."""
    if store.counts()["documents"]:
        return None
    return ingest_paths(store, [seeds_dir], extractor=extractor)


# -- one document ---------------------------------------------------------------------


def _ingest_one(
    store: Store,
    text: str,
    *,
    doc_id: str,
    published: str | None,
    source: str | None,
    extractor: Extractor | None,
    extraction: Extraction | CstoMapError | None = None,
) -> IngestResult:
    if not text or not text.strip():
        raise InputError(f"document {doc_id!r} has no text")
    digest = content_hash(text)
    if extraction is None:  # look before extracting; _write looks again inside its transaction
        known = _known(store, digest)
        if known:
            return IngestResult(doc_id=known[0], status="unchanged", version=known[1])
    if isinstance(extraction, CstoMapError):
        raise extraction  # extracted in a worker process, and failed there
    if extraction is None:
        extraction = _extract(extractor or _default_extractor(), text, doc_id=doc_id, published=published)
    for attempt in range(2):  # a concurrent writer may have taken the same version number
        try:
            return _write(store, text, digest, extraction, doc_id=doc_id, published=published, source=source)
        except IntegrityError as exc:
            known = _known(store, digest)
            if known:
                return IngestResult(doc_id=known[0], status="unchanged", version=known[1])
            if attempt:
                raise StoreError(f"cannot store document {doc_id!r}: {exc.orig}") from exc
    raise AssertionError("unreachable")


class ExtractionFailedError(CstoMapError, RuntimeError):
    """The extractor raised on one article; the batch goes on without it."""


def _extract(extractor: Extractor, text: str, *, doc_id: str, published: str | None) -> Extraction:
    try:
        return extractor(text, doc_id=doc_id, published=published)
    except Exception as exc:  # any bug in the extractor must cost one article, not the batch
        raise ExtractionFailedError(f"extraction failed: {type(exc).__name__}: {exc}") from exc


def _default_extractor() -> Extractor:
    from geo.extract import extract

    return extract


def _known(store: Store, digest: str) -> tuple[str, int] | None:
    stmt = select(Document.doc_id, Document.version).where(Document.content_hash == digest)
    with store.engine.connect() as conn:
        row = conn.execute(stmt).first()
    return (row[0], row[1]) if row else None


def _write(
    store: Store,
    text: str,
    digest: str,
    extraction: Extraction,
    *,
    doc_id: str,
    published: str | None,
    source: str | None,
) -> IngestResult:
    with store.engine.connect() as conn:
        conn = conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            known = conn.execute(
                select(Document.doc_id, Document.version).where(Document.content_hash == digest)
            ).first()
            if known:
                return IngestResult(doc_id=known[0], status="unchanged", version=known[1])
            previous = conn.execute(
                select(func.max(Document.version)).where(Document.doc_id == doc_id)
            ).scalar()
            version = (previous or 0) + 1
            if previous:
                conn.execute(update(Document).where(Document.doc_id == doc_id).values(latest=False))
            document_pk = conn.execute(
                insert(Document).returning(Document.pk),
                {
                    "doc_id": doc_id,
                    "version": version,
                    "latest": True,
                    "content_hash": digest,
                    "source": source,
                    "published": published or extraction.published,
                    "title": _title(text),
                    "text": text,
                    "ingested_at": datetime.now(UTC),
                },
            ).scalar_one()
            counts = _write_claims(conn, document_pk, extraction)
    status = "version" if previous else "new"
    return IngestResult(doc_id=doc_id, status=status, version=version, **counts)


def _write_claims(conn: Connection, document_pk: int, extraction: Extraction) -> dict[str, int]:
    place_pks = _write_places(conn, document_pk, extraction)
    mentions = [
        {
            "document_pk": document_pk,
            "place_pk": place_pks[m.place.key],
            "start": m.start,
            "end": m.end,
            "surface": m.surface,
        }
        for m in extraction.mentions
        if m.place.key in place_pks
    ]
    events = [_event_row(document_pk, e) for e in extraction.events]
    troops = [_troop_row(document_pk, t) for t in extraction.troops]
    for table, rows in ((MentionRecord, mentions), (EventRecord, events), (TroopRecord, troops)):
        if rows:
            conn.execute(insert(table), rows)
    return {"places": len(place_pks), "events": len(events), "troops": len(troops)}


def _write_places(conn: Connection, document_pk: int, extraction: Extraction) -> dict[str, int]:
    rows = [
        {
            "document_pk": document_pk,
            "key": rp.place.key,
            "name": rp.place.name,
            "name_ar": rp.place.name_ar,
            "kind": rp.place.kind,
            "iso2": rp.place.iso2,
            "lat": rp.place.lat,
            "lon": rp.place.lon,
            "geonameid": rp.place.geonameid,
            "surfaces": list(rp.surfaces),
            "confidence": float(rp.confidence),
        }
        for rp in extraction.places
    ]
    if not rows:
        return {}
    stmt = insert(PlaceRecord).returning(PlaceRecord.pk, sort_by_parameter_order=True)
    pks = conn.execute(stmt, rows).scalars().all()
    return {row["key"]: pk for row, pk in zip(rows, pks, strict=True)}


def _event_row(document_pk: int, e) -> dict:
    place = e.place
    date_from, date_to = date_interval(e.date)
    return {
        "document_pk": document_pk,
        "type": e.type,
        "date": e.date,
        "date_from": date_from,
        "date_to": date_to,
        "place_name": place.name if place else None,
        "place_name_ar": place.name_ar if place else None,
        "place_kind": place.kind if place else None,
        "iso2": place.iso2 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None,
        "killed": e.killed,
        "injured": e.injured,
        "evidence": e.evidence,
        "start": e.start,
        "end": e.end,
    }


def _troop_row(document_pk: int, t) -> dict:
    date_from, date_to = date_interval(t.date)
    return {
        "document_pk": document_pk,
        "country": t.country,
        "count": t.count,
        "approx": bool(t.approx),
        "status": t.status,
        "date": t.date,
        "date_from": date_from,
        "date_to": date_to,
        "evidence": t.evidence,
        "start": t.start,
        "end": t.end,
    }


def _title(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


# -- batch helpers ----------------------------------------------------------------------


def _fail(summary: IngestSummary, problem: Problem, on_problem: Callable[[Problem], None]) -> None:
    summary.failed += 1
    summary.problems.append(problem)
    on_problem(problem)


def _note_repeated_id(
    item: Article, seen: dict[str, tuple[str, str]], on_note: Callable[[str], None]
) -> None:
    digest = content_hash(item.text)
    before = seen.get(item.doc_id)
    if before and before[0] != digest:
        on_note(
            f"{item.where}: id {item.doc_id!r} was already given at {before[1]} with a different text; "
            "the later text is stored as a new version"
        )
    seen[item.doc_id] = (digest, item.where)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, CstoMapError):
        return str(exc)
    return f"the store refused it: {getattr(exc, 'orig', None) or exc}"
