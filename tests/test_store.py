"""The store's read API over SQLite and (when available) PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import fake_extract

from geo.errors import InputError, StoreError
from geo.store.api import Filters
from geo.store.dates import date_interval
from geo.store.db import open_store
from geo.store.ingest import ingest_text

ARTICLE_A = """خبر عن ألماتي
@event riot 2022-01-05 KZ 3
@event protest 2022-01 KZ
@event meeting 2022-01-10 -
@event seizure - KZ
@troop RU 3000 sent 2022-01-06
@troop AM 70 pledged -
"""
ARTICLE_B = """خبر عن روسيا
@event deployment 2022-01-07 RU
@troop - 2500 sent 2022-01
"""


def _put(store, text, doc_id):
    return ingest_text(store, text, doc_id=doc_id, published="2022-01-11", extractor=fake_extract)


@pytest.fixture
def filled(store):
    _put(store, ARTICLE_A, "a.txt")
    _put(store, ARTICLE_B, "b.txt")
    return store


def test_new_store_is_empty_and_has_no_date_bounds(store):
    assert store.counts() == {"documents": 0, "places": 0, "events": 0, "troops": 0}
    assert store.date_bounds() == (None, None)
    assert store.documents() == []


def test_counts_and_documents(filled):
    assert filled.counts() == {"documents": 2, "places": 2, "events": 5, "troops": 3}
    docs = {d.id: d for d in filled.documents()}
    assert docs["a.txt"].title == "خبر عن ألماتي"
    assert docs["a.txt"].n_chars == len(ARTICLE_A)
    assert docs["a.txt"].published == "2022-01-11"
    assert filled.document_text("b.txt") == ARTICLE_B


def test_unknown_document_text_names_the_id(filled):
    with pytest.raises(KeyError, match="nope.txt"):
        filled.document_text("nope.txt")
    with pytest.raises(InputError):
        filled.document_text("nope.txt")


def test_event_rows_carry_place_and_offsets(filled):
    riot = next(e for e in filled.events() if e.type == "riot")
    assert (riot.document_id, riot.date, riot.place_name, riot.iso2, riot.killed) == (
        "a.txt", "2022-01-05", "Almaty", "KZ", 3,
    )  # fmt: skip
    assert ARTICLE_A[riot.start : riot.end] == riot.evidence


def test_date_range_overlaps_month_dates_and_keeps_undated(filled):
    day6 = Filters(date_from=date(2022, 1, 6), date_to=date(2022, 1, 6))
    types = sorted(e.type for e in filled.events(day6))
    # the month-dated protest covers the 6th; the undated seizure is kept by default
    assert types == ["protest", "seizure"]
    strict = Filters(date_from=date(2022, 1, 6), date_to=date(2022, 1, 6), include_undated=False)
    assert [e.type for e in filled.events(strict)] == ["protest"]


def test_open_ended_ranges(filled):
    after = Filters(date_from=date(2022, 1, 7), include_undated=False)
    assert sorted(e.type for e in filled.events(after)) == ["deployment", "meeting", "protest"]
    before = Filters(date_to=date(2021, 12, 31), include_undated=False)
    assert filled.events(before) == []


def test_country_type_and_document_filters(filled):
    assert {e.iso2 for e in filled.events(Filters(countries=("RU",)))} == {"RU"}
    assert [e.type for e in filled.events(Filters(types=("riot", "meeting")))] == ["riot", "meeting"]
    assert {e.document_id for e in filled.events(Filters(documents=("b.txt",)))} == {"b.txt"}
    assert [t.country for t in filled.troops(Filters(countries=("AM",)))] == ["AM"]
    assert {p.iso2 for p in filled.places(Filters(countries=("KZ",)))} == {"KZ"}


def test_troop_filters_by_date_interval(filled):
    week = Filters(date_from=date(2022, 1, 6), date_to=date(2022, 1, 8), include_undated=False)
    assert sorted((t.country or "CSTO", t.count) for t in filled.troops(week)) == [
        ("CSTO", 2500),
        ("RU", 3000),
    ]


def test_places_keep_surfaces_and_confidence(filled):
    almaty = next(p for p in filled.places() if p.name == "Almaty")
    assert almaty.surfaces == ("ألماتي",)
    assert almaty.confidence == pytest.approx(0.9)
    assert (almaty.lat, almaty.lon, almaty.geonameid) == (43.25, 76.91, 1526384)


def test_histogram_counts_single_day_events(filled):
    assert filled.event_day_histogram() == [("2022-01-05", 1), ("2022-01-07", 1), ("2022-01-10", 1)]
    only_kz = filled.event_day_histogram(Filters(countries=("KZ",)))
    assert only_kz == [("2022-01-05", 1)]


def test_date_bounds_cover_events_and_troops(filled):
    assert filled.date_bounds() == ("2022-01-01", "2022-01-31")


def test_only_latest_version_is_shown(filled):
    changed = ARTICLE_A.replace("@event riot 2022-01-05 KZ 3\n", "")
    result = _put(filled, changed, "a.txt")
    assert (result.status, result.version) == ("version", 2)
    assert filled.versions("a.txt") == [1, 2]
    assert filled.counts()["documents"] == 2
    assert "riot" not in {e.type for e in filled.events()}
    assert filled.document_text("a.txt") == changed
    assert {d.id: d.version for d in filled.documents()} == {"a.txt": 2, "b.txt": 1}


def test_same_text_is_stored_once(filled):
    again = _put(filled, ARTICLE_A, "a.txt")
    assert (again.status, again.version) == ("unchanged", 1)
    assert filled.counts()["events"] == 5


def test_reopening_keeps_data(store_url):
    with open_store(store_url) as first:
        _put(first, ARTICLE_B, "b.txt")
    with open_store(store_url) as second:
        assert second.counts()["documents"] == 1


def test_store_made_at_an_older_migration_is_upgraded(store_url):
    from alembic import command
    from alembic.config import Config

    from geo.store.db import MIGRATIONS_DIR, make_engine

    engine = make_engine(store_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        command.downgrade(config, "base")  # an empty, versioned database: an "older" store
    engine.dispose()
    with open_store(store_url) as store:
        _put(store, ARTICLE_B, "b.txt")
        assert store.counts()["events"] == 1


def test_url_comes_from_environment_and_parent_folder_is_made(tmp_path, monkeypatch):
    target = tmp_path / "deep" / "er" / "store.sqlite"
    monkeypatch.setenv("CSTO_MAP_DB", f"sqlite:///{target}")
    with open_store() as store:
        assert store.counts()["documents"] == 0
    assert target.exists()


def test_sqlite_pragmas(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 's.sqlite'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


@pytest.mark.parametrize("url", ["not a url", "mysql://x@localhost/db"])
def test_bad_url_is_a_clear_store_error(url):
    with pytest.raises(StoreError, match="store URL"):
        open_store(url)


def test_unwritable_location_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="file"):
        open_store(f"sqlite:///{blocker / 'store.sqlite'}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-01-05", (date(2022, 1, 5), date(2022, 1, 5))),
        ("2022-01", (date(2022, 1, 1), date(2022, 1, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2022", (date(2022, 1, 1), date(2022, 12, 31))),
        ("2022-02-30", (None, None)),
        ("early January", (None, None)),
        (None, (None, None)),
    ],
)
def test_date_interval(text, expected):
    assert date_interval(text) == expected
