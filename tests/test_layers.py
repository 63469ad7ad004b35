"""The map layers as pure functions over hand-built store rows."""

from __future__ import annotations

from datetime import date

import pytest

from geo import coords
from geo.errors import InputError
from geo.layers import common, events, membership, places, troops
from geo.store.api import EventRow, PlaceRow, TroopRow

ALMATY = dict(
    place_name="Almaty",
    place_name_ar="ألماتي",
    place_kind="city",
    iso2="KZ",
    lat=43.25,
    lon=76.92,
    geonameid=1526384,
)
ASTANA = dict(
    place_name="Astana",
    place_name_ar="أستانا",
    place_kind="city",
    iso2="KZ",
    lat=51.18,
    lon=71.45,
    geonameid=1526273,
)


def event(id, type="casualties", doc="d1", date="2022-01-06", killed=None, injured=None, where=ALMATY, **kw):
    return EventRow(
        id=id,
        document_id=doc,
        type=type,
        date=date,
        killed=killed,
        injured=injured,
        evidence=kw.pop("evidence", "قتل 12 شخصا في ألماتي"),
        start=0,
        end=10,
        **{**where, **kw},
    )


def troop(id, country="RU", count=3000, status="sent", doc="d1", approx=True):
    return TroopRow(
        id=id,
        document_id=doc,
        country=country,
        count=count,
        approx=approx,
        status=status,
        date="2022-01-06",
        evidence="أرسلت روسيا نحو 3000 جندي",
        start=0,
        end=5,
    )


def test_coords_put_longitude_first_in_geojson_and_latitude_first_for_leaflet():
    assert coords.point(43.25, 76.92)["coordinates"] == [76.92, 43.25]
    assert coords.to_leaflet(43.25, 76.92) == [43.25, 76.92]
    assert coords.from_geojson([76.92, 43.25]) == (43.25, 76.92)


def test_coords_reject_a_swapped_pair_with_a_hint():
    with pytest.raises(InputError, match="swapped"):
        coords.point(176.9, 43.2)


def test_events_sit_at_their_place_coloured_by_type_and_sized_by_casualties():
    fc = events.build([event(1, killed=12), event(2, type="protest"), event(3, lat=None, lon=None)])
    assert fc["unlocated"] == 1 and not fc["aggregated"]
    by_id = {f["properties"]["id"]: f for f in fc["features"]}
    assert by_id[1]["geometry"]["coordinates"] == [76.92, 43.25]
    assert by_id[1]["properties"]["color"] != by_id[2]["properties"]["color"]
    assert by_id[1]["properties"]["radius"] > by_id[2]["properties"]["radius"]
    assert by_id[1]["properties"]["name_ar"] == "ألماتي"


def test_many_events_are_shipped_as_one_point_per_place():
    rows = [event(i, where=ALMATY if i % 3 else ASTANA, killed=1) for i in range(30)]
    fc = events.build(rows, aggregate_above=10)
    assert fc["aggregated"]
    counts = sorted(f["properties"]["count"] for f in fc["features"])
    assert counts == [10, 20]
    almaty = next(f for f in fc["features"] if f["properties"]["name"] == "Almaty")
    assert almaty["properties"]["killed"] == 20
    assert len(events.at_place(almaty["properties"]["id"], rows)) == 20


def test_claims_about_the_same_thing_are_gathered_across_documents():
    target = event(1, killed=12, doc="a")
    rows = [
        target,
        event(2, killed=13, doc="b"),
        event(3, killed=13, doc="c", date="2022-01"),
        event(4, killed=5, doc="d", date="2022-01-09"),
        event(5, doc="e", type="protest"),
        event(6, doc="f", where=ASTANA),
    ]
    assert [r.id for r in events.claims_about(target, rows)] == [1, 2, 3]


def test_troop_flows_run_from_capital_to_the_deployment_place():
    dest = troops.deployment_destination([event(1, type="deployment")], label_points={"KZ": (48.0, 67.0)})
    assert (dest.lat, dest.lon, dest.name) == (43.25, 76.92, "Almaty")
    fc = troops.build(
        [
            troop(1),
            troop(2, count=2500, doc="d2"),
            troop(3, doc="d3"),
            troop(4, status="pledged", country="AM", count=100, approx=False),
            troop(5, status="capacity"),
            troop(6, country=None),
        ],
        origins={"RU": (55.75, 37.62), "AM": (40.18, 44.51)},
        destination=dest,
        names={"RU": ("Russia", "روسيا")},
    )
    assert [f["properties"]["id"] for f in fc["features"]] == ["AM:pledged", "RU:sent"]
    am, ru = fc["features"]
    assert ru["properties"]["label"] == "~3,000 · sent" and ru["properties"]["claims"] == 3
    assert ru["geometry"]["coordinates"][0] == [37.62, 55.75]
    assert ru["geometry"]["coordinates"][-1] == [76.92, 43.25]
    assert ru["properties"]["dash"] is None and am["properties"]["dash"]
    assert ru["properties"]["weight"] > am["properties"]["weight"]


def test_destination_falls_back_to_the_host_label_point_and_unknown_origins_are_counted():
    dest = troops.deployment_destination([event(1, type="protest")], label_points={"KZ": (48.0, 67.0)})
    assert (dest.lat, dest.lon) == (48.0, 67.0)
    assert troops.build([troop(1, country="BY")], origins={}, destination=dest)["unplaced"] == 1


def test_places_layer_leaves_out_places_an_event_already_marks_and_countries():
    rows = [
        PlaceRow(
            document_id="d1",
            name="Almaty",
            name_ar="ألماتي",
            kind="city",
            iso2="KZ",
            lat=43.25,
            lon=76.92,
            geonameid=1526384,
        ),
        PlaceRow(
            document_id="d1",
            name="Astana",
            name_ar="أستانا",
            kind="city",
            iso2="KZ",
            lat=51.18,
            lon=71.45,
            geonameid=1526273,
            surfaces=("أستانا",),
        ),
        PlaceRow(
            document_id="d2",
            name="Astana",
            name_ar="أستانا",
            kind="city",
            iso2="KZ",
            lat=51.18,
            lon=71.45,
            geonameid=1526273,
            surfaces=("نور سلطان",),
        ),
        PlaceRow(
            document_id="d1",
            name="Kazakhstan",
            name_ar="كازاخستان",
            kind="country",
            iso2="KZ",
            lat=48.0,
            lon=67.0,
            geonameid=1522867,
        ),
    ]
    fc = places.build(rows, events=[event(1)])
    assert [f["properties"]["name"] for f in fc["features"]] == ["Astana"]
    assert fc["features"][0]["properties"]["docs"] == ["d1", "d2"]
    assert fc["features"][0]["properties"]["surfaces"] == ["أستانا", "نور سلطان"]


SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}


def test_membership_colours_countries_by_status_and_leaves_never_to_the_base():
    shapes = {
        "features": [
            {"geometry": SQUARE, "properties": {"iso2": c, "name_en": c, "name_ar": c}}
            for c in ("RU", "UZ", "AM", "FR")
        ]
    }
    fc = membership.build(shapes, {"RU": "member", "UZ": "former", "AM": "frozen", "FR": "never"})
    status = {f["properties"]["id"]: f["properties"]["status"] for f in fc["features"]}
    assert status == {"RU": "member", "UZ": "former", "AM": "suspended"}
    assert len({f["properties"]["color"] for f in fc["features"]}) == 3
    assert len(membership.base(shapes)["features"]) == 4


def test_membership_on_real_boundaries_follows_the_timeline():
    from geo.boundaries import country_feature_collection
    from geo.membership import statuses_on

    shapes = membership.simplified(country_feature_collection(iso2={"KZ", "UZ", "GE", "FR"}))
    in_2022 = {
        f["properties"]["id"] for f in membership.build(shapes, statuses_on(date(2022, 1, 31)))["features"]
    }
    assert "KZ" in in_2022 and "FR" not in in_2022
    before = membership.build(shapes, statuses_on(date(1992, 1, 1)))["features"]
    assert before == []


def test_highlight_marks_every_occurrence_and_joins_back_to_the_text():
    text = "<script>x</script> في ألماتي ثم ألماتي"
    pieces = common.highlight_spans(text, ["ألماتي", ""])
    assert "".join(p for p, _ in pieces) == text
    assert [p for p, marked in pieces if marked] == ["ألماتي", "ألماتي"]


def test_partial_dates_cover_their_whole_span():
    assert common.parse_partial_date("2022-02", end=True) == date(2022, 2, 28)
    assert common.parse_partial_date("1992") == date(1992, 1, 1)
    with pytest.raises(InputError, match="2022-13"):
        common.parse_partial_date("2022-13")


def test_histogram_bins_keep_every_count_inside_the_range():
    counts = {date(2022, 1, d): d for d in range(1, 32)}
    bins = common.histogram_bins(counts, start=date(2022, 1, 1), end=date(2022, 1, 31), max_bins=10)
    assert len(bins) <= 10 and sum(b.count for b in bins) == sum(range(1, 32))
    assert bins[0].start == date(2022, 1, 1) and bins[-1].end == date(2022, 1, 31)


def test_flows_from_neighbouring_directions_put_their_labels_at_different_places():
    dest = troops.Destination(lat=43.25, lon=76.92, name="Almaty", name_ar="ألماتي")
    origins = {"RU": (55.75, 37.62), "BY": (53.9, 27.57), "AM": (40.18, 44.51)}
    rows = [troop(1, "RU"), troop(2, "BY", count=500), troop(3, "AM", count=70)]
    fc = troops.build(rows, origins=origins, destination=dest)
    at = {f["properties"]["country"]: f["properties"]["label_at"] for f in fc["features"]}
    assert at["RU"] != at["BY"] and all(0 < v < 1 for v in at.values())
