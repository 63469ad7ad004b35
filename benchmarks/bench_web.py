"""How the map app copes with 1,000 / 10,000 / 100,000 events. Prints figures; asserts nothing.

For each size: a temporary SQLite store filled through the real ingest (with a synthetic
extractor), then
  * server time of a filter change: every layer's GeoJSON built and serialised, as the
    app's layer callback does (median of 5, three different filters);
  * payload: bytes of that callback's answer;
  * first paint (needs /usr/bin/chromium): page load until the layers are drawn.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_web.py [--sizes 1000,10000,100000] [--no-browser]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from geo.model import Event, Extraction, Place, ResolvedPlace, TroopContribution  # noqa: E402

TYPES = ("protest", "riot", "armed_clash", "casualties", "deployment", "seizure")
DOCS = 100


def places(n: int = 400) -> list[Place]:
    rng = random.Random(1)
    return [
        Place(
            key=f"gn:{900000 + i}",
            name=f"Town {i}",
            name_ar=f"بلدة {i}",
            kind="city",
            iso2="KZ",
            lat=round(rng.uniform(41, 54), 4),
            lon=round(rng.uniform(50, 86), 4),
            geonameid=900000 + i,
        )
        for i in range(n)
    ]


def synthetic_extractor(per_doc: int, towns: list[Place]):
    def extract(text: str, *, doc_id: str, published: str | None = None) -> Extraction:
        rng = random.Random(doc_id)
        events = tuple(
            Event(
                type=rng.choice(TYPES),
                place=rng.choice(towns),
                date=(date(2022, 1, 1) + timedelta(days=rng.randrange(31))).isoformat(),
                evidence=f"جملة {i} من {doc_id}",
                killed=rng.choice((None, 1, 5, 12)),
            )
            for i in range(per_doc)
        )
        used = {e.place.key: e.place for e in events}
        troops = (
            TroopContribution(country="RU", count=3000, approx=True, status="sent", evidence="أرسلت روسيا"),
        )
        return Extraction(
            id=doc_id,
            published=published,
            events=events,
            troops=troops,
            places=tuple(
                ResolvedPlace(place=p, surfaces=(p.name_ar,), confidence=1.0) for p in used.values()
            ),
        )

    return extract


def build_store(url: str, n_events: int) -> float:
    from geo.store.db import open_store
    from geo.store.ingest import ingest_text

    extractor = synthetic_extractor(n_events // DOCS, places())
    started = time.perf_counter()
    with open_store(url) as store:
        for d in range(DOCS):
            ingest_text(
                store, f"مقال {d} {n_events}", doc_id=f"doc{d}", published="2022-01-31", extractor=extractor
            )
    return time.perf_counter() - started


def filter_change(url: str) -> tuple[float, int]:
    from app.web import data
    from geo.layers.compose import layer_data
    from geo.store.api import Filters

    store, reference = data.store_for(url), data.reference()
    filters = [
        Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31)),
        Filters(date_from=date(2022, 1, 3), date_to=date(2022, 1, 9), types=("riot", "protest")),
        Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31), documents=("doc1", "doc2")),
    ]
    times, size = [], 0
    for _ in range(5):
        for f in filters:
            started = time.perf_counter()
            payload = json.dumps(layer_data(store, f, reference=reference), separators=(",", ":"))
            times.append(time.perf_counter() - started)
            size = max(size, len(payload))
    return statistics.median(times), size


def first_paint(url: str) -> float | None:
    if not Path("/usr/bin/chromium").exists():
        return None
    from playwright.sync_api import sync_playwright
    from test_web_browser import ARGS
    from test_web_support import free_port, start_server, stop_server

    port = free_port()
    proc = start_server(url, port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 850})
            started = time.perf_counter()
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#map-count-shown", timeout=120_000)
            page.wait_for_selector("path.csto-event, .marker-cluster", timeout=120_000)
            elapsed = time.perf_counter() - started
            browser.close()
            return elapsed
    finally:
        stop_server(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    from app.web import data

    print(f"base layer (country outlines, sent once, cached): {len(data.base_layer_bytes()) / 1e6:.2f} MB")
    print(f"{'events':>8} {'ingest s':>9} {'filter change ms':>17} {'payload kB':>11} {'first paint s':>14}")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite"
            ingest = build_store(url, n)
            median, size = filter_change(url)
            paint = None if args.no_browser else first_paint(url)
            paint_text = "—" if paint is None else f"{paint:.2f}"
            print(
                f"{n:>8} {ingest:>9.1f} {median * 1000:>17.0f} {size / 1000:>11.0f} {paint_text:>14}",
                flush=True,
            )
            data.store_for.cache_clear()


if __name__ == "__main__":
    main()
