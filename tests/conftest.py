"""Shared fixtures. Keep small: feature-specific helpers live in their test modules."""

from __future__ import annotations

import os
import re
import uuid

import pytest

from geo.model import Event, Extraction, Mention, Place, ResolvedPlace, TroopContribution

# -- stores: SQLite always, PostgreSQL when CSTO_MAP_TEST_PG_URL is set and reachable ----------


def _pg_schema_url(base: str):
    """A fresh schema on the test server, and the URL that puts it first on the search path."""
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(base)
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    except sa.exc.SQLAlchemyError as exc:
        pytest.skip(f"PostgreSQL at CSTO_MAP_TEST_PG_URL is not reachable: {exc.__class__.__name__}")
    sep = "&" if "?" in base else "?"
    return engine, schema, f"{base}{sep}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    base = os.environ.get("CSTO_MAP_TEST_PG_URL")
    if not base:
        pytest.skip("CSTO_MAP_TEST_PG_URL is not set (source .ci/postgres.sh to start a server)")
    engine, schema, url = _pg_schema_url(base)
    yield url
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    engine.dispose()


@pytest.fixture
def store(store_url):
    from geo.store.db import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


# -- a fake extractor driven by markup lines, so store tests do not depend on the real one -----

FAKE_PLACES = {
    "KZ": Place(
        key="gn:1526384",
        name="Almaty",
        name_ar="ألماتي",
        kind="city",
        iso2="KZ",
        lat=43.25,
        lon=76.91,
        geonameid=1526384,
    ),
    "RU": Place(key="cc:RU", name="Russia", name_ar="روسيا", kind="country", iso2="RU", lat=61.0, lon=96.0),
    "AM": Place(
        key="cc:AM", name="Armenia", name_ar="أرمينيا", kind="country", iso2="AM", lat=40.2, lon=44.9
    ),
}
_MARK = re.compile(r"^@(event|troop) (.*)$", re.M)


def fake_extract(text: str, *, doc_id: str, published: str | None = None) -> Extraction:
    """``@event TYPE DATE|- ISO2|- [killed]`` and ``@troop ISO2|- COUNT|- STATUS DATE|-`` lines become
    claims; each FAKE_PLACES Arabic name in the text becomes a place with a mention."""
    events, troops = [], []
    for m in _MARK.finditer(text):
        f = [None if x == "-" else x for x in m.group(2).split()]
        if m.group(1) == "event":
            place = FAKE_PLACES.get(f[2]) if f[2] else None
            killed = int(f[3]) if len(f) > 3 else None
            events.append(
                Event(
                    type=f[0],
                    place=place,
                    date=f[1],
                    evidence=m.group(0),
                    killed=killed,
                    start=m.start(),
                    end=m.end(),
                )
            )
        else:
            count = int(f[1]) if f[1] else None
            troops.append(
                TroopContribution(
                    country=f[0],
                    count=count,
                    approx=False,
                    status=f[2],
                    evidence=m.group(0),
                    date=f[3],
                    start=m.start(),
                    end=m.end(),
                )
            )
    places, mentions = [], []
    for place in FAKE_PLACES.values():
        at = text.find(place.name_ar)
        if at >= 0:
            places.append(ResolvedPlace(place=place, surfaces=(place.name_ar,), confidence=0.9))
            mentions.append(
                Mention(
                    start=at, end=at + len(place.name_ar), surface=place.name_ar, place=place, confidence=0.9
                )
            )
    return Extraction(
        id=doc_id,
        published=published,
        places=tuple(places),
        mentions=tuple(mentions),
        troops=tuple(troops),
        events=tuple(events),
    )


# -- Debian's Chromium through Playwright (browser tests; .ci/browser.sh installs it) -----------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium missing: run .ci/browser.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
