"""The store's aggregated event reads (counts per place, totals) over SQLite and PostgreSQL,
and the map layers built from them instead of from rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from conftest import fake_extract

from geo.errors import InputError
from geo.layers import events
from geo.layers.compose import layer_data, load_reference
from geo.store.api import EventCount, Filters
from geo.store.ingest import ingest_text

ARTICLES = {
    "a.txt": "خبر عن ألماتي\n@event riot 2022-01-05 KZ 3\n@event riot 2022-01-06 KZ 4\n"
    "@event protest 2022-01 KZ\n@event meeting 2022-01-10 -\n@event deployment 2022-01-07 RU\n",
    "b.txt": "خبر عن روسيا\n@event riot 2022-01-05 KZ 2\n@event protest 2021-12-20 AM\n"
    "@event seizure - KZ\n@troop RU 3000 sent 2022-01-06\n",
}
FILTERS = [
    Filters(),
    Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31)),
    Filters(types=("riot",)),
    Filters(countries=("KZ",), include_undated=False),
    Filters(documents=("b.txt",)),
    Filters(date_from=date(2030, 1, 1)),
]


@pytest.fixture
def filled(store):
    for doc_id, text in ARTICLES.items():
        ingest_text(store, text, doc_id=doc_id, published="2022-01-11", extractor=fake_extract)
    return store


def _key(c):
    return (c.type, c.place_name, c.iso2, c.count, c.killed, c.injured)


def test_counts_per_place_equal_counting_the_rows(filled):
    for f in FILTERS:
        rows = filled.events(f)
        assert sorted(map(_key, filled.event_place_counts(f))) == sorted(
            map(_key, events.place_counts(r for r in rows if r.lat is not None))
        ), f
        located = sum(r.lat is not None for r in rows)
        assert filled.event_count(f) == EventCount(located=located, unlocated=len(rows) - located), f


def test_counts_sum_casualties_and_leave_out_events_without_a_place(filled):
    riots = filled.event_place_counts(Filters(types=("riot",)))
    assert [(c.place_name, c.count, c.killed, c.injured) for c in riots] == [("Almaty", 3, 9, 0)]
    everything = filled.event_place_counts()
    assert sum(c.count for c in everything) == 7  # the meeting has no place
    assert filled.event_count().total == 8 and filled.event_count().unlocated == 1
    assert filled.event_count(Filters(date_from=date(2030, 1, 1), include_undated=False)).total == 0


def test_a_large_view_is_drawn_from_counts_without_reading_event_rows(filled, monkeypatch):
    reference = load_reference()
    jan = Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31))
    from_rows = layer_data(filled, jan, reference=reference, aggregate_above=10**9)
    monkeypatch.setattr(type(filled), "events", _refuse)
    aggregated = layer_data(filled, jan, reference=reference, aggregate_above=1)
    ev = aggregated["events"]
    assert ev["aggregated"] and ev["unlocated"] == from_rows["events"]["unlocated"] == 1
    assert sum(f["properties"]["count"] for f in ev["features"]) == len(from_rows["events"]["features"])
    almaty = next(f["properties"] for f in ev["features"] if f["properties"]["name"] == "Almaty")
    assert almaty["types"] == {"protest": 1, "riot": 3, "seizure": 1}  # the undated seizure is kept
    assert almaty["type"] == "riot"
    assert almaty["killed"] == 9
    # the other layers do not change with the way the events were read
    for name in ("troops", "places", "membership"):
        assert aggregated[name] == from_rows[name], name


def test_rows_and_counts_give_the_same_aggregated_layer(filled):
    rows = filled.events(Filters())
    by_rows = events.build(rows, aggregate_above=0)
    by_counts = events.build_counts(filled.event_place_counts(Filters()), unlocated=1)
    assert _features(by_rows) == _features(by_counts) and by_rows["unlocated"] == by_counts["unlocated"]


def _features(fc):
    return sorted(
        (f["properties"]["id"], f["properties"]["count"], f["properties"]["type"]) for f in fc["features"]
    )


def _refuse(*_args, **_kw):
    raise AssertionError("a large view must not read event rows")


def test_deployment_destination_weighs_counts_like_rows(filled):
    from geo.layers import troops

    f = replace(Filters(), types=("deployment",))
    label_points = {"KZ": (48.0, 67.0)}
    by_rows = troops.deployment_destination(filled.events(f), label_points=label_points)
    by_counts = troops.deployment_destination(filled.event_place_counts(f), label_points=label_points)
    assert by_rows == by_counts and by_rows.name == "Russia"


def test_places_can_leave_out_marked_places_and_countries_in_sql(filled):
    names = {p.name for p in filled.places()}
    assert {"Almaty", "Russia"} <= names
    kept = filled.places(skip_geonameids=[1526384], skip_kinds=("country",))
    assert {p.name for p in kept} == names - {"Almaty", "Russia", "Armenia"}
    assert len(filled.places(skip_geonameids=range(1, 2000))) == len(filled.places())  # chunked IN lists


def test_events_at_one_place_by_geonames_id_or_position(filled):
    from geo.layers.common import place_key, place_of_key

    almaty = place_key(geonameid=1526384, lat=43.25, lon=76.91, name="Almaty")
    at = filled.events_at(Filters(types=("riot",)), **place_of_key(almaty))
    assert [r.killed for r in at] == [3, 2, 4]  # date order, as events() gives them
    by_position = filled.events_at(**place_of_key(place_key(geonameid=None, lat=43.25, lon=76.91, name="")))
    assert len(by_position) == 5 and {r.place_name for r in by_position} == {"Almaty"}
    assert place_of_key("name:x") == {}
    with pytest.raises(InputError, match="gn:<id>"):
        place_of_key("gn:abc")
    with pytest.raises(InputError, match="needs a geonameid"):
        filled.events_at()
