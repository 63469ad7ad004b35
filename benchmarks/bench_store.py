"""Store benchmark: ingest rate, store size, filtered layer load. Prints figures; asserts nothing.

    PYTHONPATH=. python benchmarks/bench_store.py [--articles 10000] [--real 10000] [--events 100000]
        [--pg postgresql+psycopg://...]

1. Ingest ``--articles`` distinct articles (the seeds with a counter appended). The store
   pass reuses each seed's extraction, so it measures the store alone; the ``--real`` pass
   runs geo.extract.extract on every article, so it measures what a user sees.
2. Store size after that ingest.
3. Load a filtered event layer (4-day range + one country) from a store holding
   ``--events`` synthetic events; median of 20 loads. Targets: >= 200 articles/s, <= 100 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert

from geo.extract import extract
from geo.settings import REPO_ROOT
from geo.store.api import Filters
from geo.store.db import open_store
from geo.store.ingest import ingest_text
from geo.store.models import Document, EventRecord

COUNTRIES = ("KZ", "RU", "BY", "AM", "KG", "TJ", "UZ", "CN", "US", "TR")
TYPES = ("protest", "riot", "armed_clash", "seizure", "casualties", "deployment", "meeting")


def seeds() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]


def articles(n: int):
    base = seeds()
    for i in range(n):
        name, text = base[i % len(base)]
        yield f"{name}#{i}", text + f"\n\n[{i}]\n", name


def bench_ingest(url: str, n: int, *, real: bool) -> float:
    cached = {name: extract(text, doc_id=name) for name, text in seeds()}
    by_id: dict[str, str] = {}

    def reuse(text, *, doc_id, published=None):
        return cached[by_id[doc_id]]

    extractor = extract if real else reuse
    with open_store(url) as store:
        started = time.perf_counter()
        for doc_id, text, seed in articles(n):
            by_id[doc_id] = seed
            ingest_text(store, text, doc_id=doc_id, extractor=extractor)
        elapsed = time.perf_counter() - started
        counts = store.counts()
    label = "real extractor" if real else "store only"
    print(f"  ingest {n} articles ({label}): {elapsed:.1f} s, {n / elapsed:.0f} articles/s; {counts}")
    return n / elapsed


def store_size(url: str) -> str:
    if url.startswith("sqlite"):
        path = Path(url.split("///", 1)[1])
        size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
        return f"{size / 2**20:.1f} MiB (SQLite file + WAL)"
    engine = create_engine(url)
    with engine.connect() as conn:
        size = conn.exec_driver_sql(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).scalar()
    engine.dispose()
    return f"{(size or 0) / 2**20:.1f} MiB (tables + indexes in the schema)"


def fill_synthetic(url: str, n_events: int, *, n_docs: int = 1000) -> None:
    rng = random.Random(7)
    start = date(2021, 12, 15)
    with open_store(url) as store, store.engine.begin() as conn:
        now = datetime.now(UTC)
        docs = [
            {
                "doc_id": f"syn-{i}",
                "version": 1,
                "latest": True,
                "content_hash": uuid.uuid4().hex,
                "source": None,
                "published": None,
                "title": f"synthetic {i}",
                "text": "x",
                "ingested_at": now,
            }
            for i in range(n_docs)
        ]
        pks = (
            conn.execute(insert(Document).returning(Document.pk, sort_by_parameter_order=True), docs)
            .scalars()
            .all()
        )
        rows = []
        for i in range(n_events):
            day = start + timedelta(days=rng.randrange(75))
            month = rng.random() < 0.1
            undated = rng.random() < 0.05
            first = day.replace(day=1) if month else day
            last = (
                (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
                if month
                else day
            )
            rows.append(
                {
                    "document_pk": pks[i % n_docs],
                    "type": rng.choice(TYPES),
                    "date": None if undated else (first.strftime("%Y-%m") if month else day.isoformat()),
                    "date_from": None if undated else first,
                    "date_to": None if undated else last,
                    "place_name": "Somewhere",
                    "place_name_ar": "مكان",
                    "place_kind": "city",
                    "iso2": rng.choice(COUNTRIES),
                    "lat": 40 + rng.random(),
                    "lon": 70 + rng.random(),
                    "geonameid": None,
                    "killed": None,
                    "injured": None,
                    "evidence": "synthetic evidence clause",
                    "start": 0,
                    "end": 1,
                }
            )
        conn.execute(insert(EventRecord), rows)


def bench_filtered_load(url: str, n_events: int) -> None:
    fill_synthetic(url, n_events)
    filters = Filters(date_from=date(2022, 1, 5), date_to=date(2022, 1, 8), countries=("KZ",))
    with open_store(url) as store:
        store.events(filters)  # warm the cache
        times, rows = [], 0
        for _ in range(20):
            started = time.perf_counter()
            rows = len(store.events(filters))
            times.append(time.perf_counter() - started)
        hist = time_once(lambda: store.event_day_histogram(Filters(countries=("KZ",))))
        everything = time_once(lambda: store.events(Filters()))
    median, worst = statistics.median(times) * 1000, max(times) * 1000
    print(
        f"  filtered layer (4 days + KZ) at {n_events} events: "
        f"median {median:.1f} ms, max {worst:.1f} ms, {rows} rows"
    )
    print(
        f"  day histogram (KZ): {hist * 1000:.1f} ms; "
        f"unfiltered layer ({n_events} rows): {everything * 1000:.0f} ms"
    )


def time_once(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def pg_schema_url(base: str) -> str:
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    engine.dispose()
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}"


def run(backend: str, make_url, args) -> None:
    print(f"{backend}:")
    url = make_url("ingest")
    bench_ingest(url, args.articles, real=False)
    print(f"  store size after {args.articles} articles: {store_size(url)}")
    if args.real:
        bench_ingest(make_url("real"), args.real, real=True)
    bench_filtered_load(make_url("layer"), args.events)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--real", type=int, default=10_000, help="articles through the real extractor (0: skip)"
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pg", metavar="URL", help="also run against this PostgreSQL (a fresh schema)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", lambda name: f"sqlite:///{tmp}/{name}.sqlite", args)
    if args.pg:
        run("PostgreSQL", lambda _name: pg_schema_url(args.pg), args)


if __name__ == "__main__":
    main()
