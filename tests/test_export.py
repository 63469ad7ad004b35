"""Exports read back the way QGIS would: layers, geometry types, CRS, filters, properties."""

from __future__ import annotations

import csv
import json

import pyogrio
import pytest
from conftest import fake_extract

from app import cli
from geo.errors import InputError
from geo.store.api import Filters
from geo.store.export import export, format_for, register_format, writer_for
from geo.store.ingest import ingest_text

ARTICLE = """خبر عن ألماتي وروسيا وأرمينيا
@event riot 2022-01-05 KZ 3
@event protest 2022-01-04 KZ
@event deployment 2022-01-07 RU
@event meeting 2022-01-10 -
@troop RU 3000 sent 2022-01-06
@troop AM 70 pledged 2022-01-07
@troop - 2500 sent 2022-01
"""


@pytest.fixture
def filled(store):
    ingest_text(store, ARTICLE, doc_id="a.txt", published="2022-01-11", extractor=fake_extract)
    return store


def test_gpkg_has_four_layers_in_wgs84(filled, tmp_path):
    out = tmp_path / "map.gpkg"
    counts = export(filled, Filters(), out)
    layers = dict(pyogrio.list_layers(out))
    assert layers == {"places": "Point", "events": "Point", "troops": "Point", "membership": "MultiPolygon"}
    # the meeting has no place and the organisation-wide figure no state: both skipped
    assert counts["events"] == 3 and counts["troops"] == 2 and counts["places"] == 3
    events = pyogrio.read_dataframe(out, layer="events")
    assert events.crs.to_epsg() == 4326
    riot = events[events["type"] == "riot"].iloc[0]
    assert (riot.geometry.x, riot.geometry.y) == pytest.approx((76.91, 43.25))  # lon, lat
    assert riot["place_name_ar"] == "ألماتي" and riot["killed"] == 3


def test_gpkg_troops_sit_in_the_contributing_state(filled, tmp_path):
    from geo.boundaries import load_countries

    out = tmp_path / "map.gpkg"
    export(filled, Filters(), out)
    troops = pyogrio.read_dataframe(out, layer="troops")
    countries = load_countries().set_index("iso2")
    for row in troops.itertuples():
        assert countries.loc[row.country].geometry.contains(row.geometry), row.country


def test_gpkg_membership_status_on_the_to_date(filled, tmp_path):
    from datetime import date

    out = tmp_path / "map.gpkg"
    export(filled, Filters(date_to=date(2022, 1, 6)), out)
    members = pyogrio.read_dataframe(out, layer="membership").set_index("iso2")
    assert members.loc["KZ", "status"] == "member" and members.loc["RU", "status"] == "member"
    assert members.loc["GE", "status"] == "former"
    assert set(members["on"]) == {"2022-01-06"}


def test_filters_apply_to_every_layer(filled, tmp_path):
    from datetime import date

    out = tmp_path / "ru.gpkg"
    counts = export(filled, Filters(countries=("RU",), date_from=date(2022, 1, 6)), out)
    assert counts["events"] == 1 and counts["troops"] == 1 and counts["places"] == 1
    assert list(pyogrio.read_dataframe(out, layer="events")["type"]) == ["deployment"]


def test_empty_layers_are_still_written(store, tmp_path):
    out = tmp_path / "empty.gpkg"
    counts = export(store, Filters(), out)
    assert counts["events"] == 0
    assert dict(pyogrio.list_layers(out))["events"] == "Point"
    assert {"event_id", "evidence"} <= set(pyogrio.read_info(out, layer="events")["fields"])
    assert "troop_id" in pyogrio.read_info(out, layer="troops")["fields"]


def test_geojson_is_one_collection_with_layer_property(filled, tmp_path):
    out = tmp_path / "map.geojson"
    export(filled, Filters(), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    by_layer = {}
    for f in data["features"]:
        by_layer.setdefault(f["properties"]["layer"], []).append(f)
    assert set(by_layer) == {"places", "events", "troops", "membership"}
    riot = next(f for f in by_layer["events"] if f["properties"]["type"] == "riot")
    assert riot["geometry"] == {"type": "Point", "coordinates": [76.91, 43.25]}
    assert riot["properties"]["event_id"] > 0 and "id" not in riot["properties"]
    assert pyogrio.read_dataframe(out).shape[0] == len(data["features"])


def test_csv_has_every_event_with_lat_lon(filled, tmp_path):
    out = tmp_path / "events.csv"
    export(filled, Filters(), out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["type"] for r in rows] == ["protest", "riot", "deployment", "meeting"]
    assert (rows[1]["lat"], rows[1]["lon"], rows[1]["place_name_ar"]) == ("43.25", "76.91", "ألماتي")
    assert rows[3]["lat"] == ""


def test_format_from_suffix_or_option(tmp_path):
    assert format_for(tmp_path / "a.GPKG") == "gpkg"
    assert format_for(tmp_path / "a.json", "csv") == "csv"
    with pytest.raises(InputError, match="--format"):
        format_for(tmp_path / "a.xyz")
    with pytest.raises(InputError, match="gpkg"):
        writer_for("shapefile")


def test_a_registered_format_is_used(filled, tmp_path, monkeypatch):
    import geo.store.export as export_module

    monkeypatch.setattr(export_module, "_runtime", {})
    monkeypatch.setattr(export_module, "SUFFIXES", dict(export_module.SUFFIXES))
    seen = {}

    def write_count(store, filters, path, **opts):
        path.write_text(str(len(store.events(filters))))
        seen["opts"] = opts
        return {"events": 1}

    register_format("count", write_count, suffixes=(".count",))
    export(filled, Filters(), tmp_path / "n.count", dpi=150)
    assert (tmp_path / "n.count").read_text() == "4" and seen["opts"] == {"dpi": 150}


def test_failed_export_leaves_an_existing_file_alone(filled, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "map.geojson"
    out.write_text("old")

    def broken(*_a, **_k):
        raise InputError("boom")

    monkeypatch.setattr("geo.store.export.layer_features", broken)
    with pytest.raises(InputError):
        export(filled, Filters(), out)
    assert out.read_text() == "old" and sorted(p.name for p in out.parent.iterdir()) == ["map.geojson"]


@pytest.fixture
def run_cli(monkeypatch, capsys):
    monkeypatch.setattr(cli, "COMMANDS", ("export",))

    def run(*argv):
        code = cli.main(list(argv))
        return (code, *capsys.readouterr())

    return run


def test_cli_export(filled, store_url, tmp_path, run_cli):
    out = tmp_path / "kz.gpkg"
    code, stdout, err = run_cli(
        "--db",
        store_url,
        "export",
        "--from",
        "2022-01-01",
        "--to",
        "2022-01-06",
        "--country",
        "kz",
        "-o",
        str(out),
    )
    assert (code, err) == (0, "")
    assert f"wrote {out}: 1 places, 2 events, 0 troops, 9 membership" in stdout
    assert sorted(pyogrio.read_dataframe(out, layer="events")["type"]) == ["protest", "riot"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "5 Jan"], "--from '5 Jan' is not a date YYYY-MM-DD"),
        (["--from", "2022-01-09", "--to", "2022-01-01"], "is after --to"),
        (["--country", "Kazakhstan"], "not a two-letter ISO code"),
        (["--type", "party"], "not an event type"),
    ],
)
def test_cli_export_bad_options(store_url, tmp_path, run_cli, argv, message):
    code, _, err = run_cli("--db", store_url, "export", *argv, "-o", str(tmp_path / "x.gpkg"))
    assert code == 2 and message in err and "Traceback" not in err
    assert not (tmp_path / "x.gpkg").exists()
