import importlib.util
import json
import sys
from pathlib import Path

import pytest
import shapely
import shapely.geometry

from geo import boundaries
from geo.errors import DataFileError
from geo.settings import REPO_ROOT

DATA = REPO_ROOT / "data" / "boundaries"
GEOJSON = DATA / "countries.geojson"
CSTO_STATES = ["AM", "AZ", "BY", "GE", "KG", "KZ", "RU", "TJ", "UZ"]


@pytest.fixture(scope="module")
def countries():
    return boundaries.load_countries(boundaries_dir=DATA).set_index("iso2")


def test_every_geometry_is_a_valid_nonempty_polygon(countries):
    assert countries.crs.to_epsg() == 4326
    assert countries.geometry.is_valid.all()
    assert not countries.geometry.is_empty.any()
    assert set(countries.geom_type) <= {"Polygon", "MultiPolygon"}


def test_every_feature_has_a_two_letter_code_including_natural_earths_minus_99s(countries):
    assert all(len(code) == 2 and code.isalpha() and code.isupper() for code in countries.index)
    assert countries.index.is_unique
    assert {"FR", "NO", "XK", "TW", *CSTO_STATES} <= set(countries.index)
    assert countries.loc["FR", "iso3"] == "FRA"
    assert countries.loc["NO", "name_en"] == "Norway"


def test_arabic_names(countries):
    assert countries.loc["KZ", "name_ar"] == "كازاخستان"
    assert countries.loc["RU", "name_ar"] == "روسيا"
    assert countries["name_ar"].str.len().gt(0).all()


def test_file_size_is_between_two_and_four_megabytes():
    assert 2_000_000 <= GEOJSON.stat().st_size <= 4_000_000


def test_neighbours_still_share_their_border_after_simplification(countries):
    kz, kg = countries.loc["KZ", "geometry"], countries.loc["KG", "geometry"]
    shared = kz.intersection(kg)
    assert shared.geom_type in {"LineString", "MultiLineString"}
    assert shared.length > 5  # degrees: the KZ-KG border is about 1,200 km long
    assert kz.intersection(kg).area == 0  # touching, not overlapping
    assert shapely.coverage_is_valid(countries.geometry.values)


def test_label_points_fall_inside_their_countries(countries):
    points = boundaries.country_label_points(boundaries_dir=DATA)
    for code in CSTO_STATES:
        lat, lon = points[code]
        assert countries.loc[code, "geometry"].contains(shapely.Point(lon, lat)), code


def test_almaty_is_in_kazakhstan(countries):
    almaty = shapely.Point(76.95, 43.25)  # (lon, lat)
    assert list(countries.index[countries.geometry.contains(almaty)]) == ["KZ"]


def test_feature_collection_filters_and_returns_independent_properties():
    collection = boundaries.country_feature_collection(boundaries_dir=DATA, iso2={"KZ", "KG"})
    assert sorted(f["properties"]["iso2"] for f in collection["features"]) == ["KG", "KZ"]
    collection["features"][0]["properties"]["style"] = "red"
    again = boundaries.country_feature_collection(boundaries_dir=DATA, iso2={"KZ", "KG"})
    assert "style" not in again["features"][0]["properties"]


def test_csv_and_geojson_list_the_same_countries(countries):
    records = boundaries.country_records(boundaries_dir=DATA)
    assert [r.iso2 for r in records] == sorted(countries.index)
    kz = next(r for r in records if r.iso2 == "KZ")
    assert (kz.name_ar, kz.iso3) == ("كازاخستان", "KAZ")


def test_missing_geojson_names_the_file_and_the_fix(tmp_path):
    with pytest.raises(DataFileError, match=r"countries\.geojson.*build_boundaries\.py"):
        boundaries.load_countries(boundaries_dir=tmp_path)


def test_truncated_geojson_names_line_and_column(tmp_path):
    (tmp_path / "countries.geojson").write_text(
        '{"type":"FeatureCollection",\n"features":[', encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=r"countries\.geojson: line 2, column \d+: invalid JSON"):
        boundaries.country_feature_collection(boundaries_dir=tmp_path)


def test_feature_without_iso2_is_named(tmp_path):
    feature = json.loads(GEOJSON.read_text(encoding="utf-8").splitlines()[1].rstrip(","))
    del feature["properties"]["iso2"]
    collection = {"type": "FeatureCollection", "features": [feature]}
    (tmp_path / "countries.geojson").write_text(json.dumps(collection), encoding="utf-8")
    with pytest.raises(DataFileError, match="feature 0: iso2 must be two capital letters, got None"):
        boundaries.load_countries(boundaries_dir=tmp_path)


def test_bad_csv_row_names_the_line(tmp_path):
    good = (DATA / "countries.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "countries.csv").write_text(
        "\n".join([*good[:3], "KZ,KAZ,Kazakhstan,كازاخستان,north,68"]), encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=r"countries\.csv: line 4 \(KZ\): label_lat/label_lon"):
        boundaries.country_label_points(boundaries_dir=tmp_path)


def _build_script():
    spec = importlib.util.spec_from_file_location(
        "build_boundaries", REPO_ROOT / "scripts/build_boundaries.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


def test_the_script_rebuilds_the_committed_csv(tmp_path):
    script = _build_script()
    assert script.main(["--csv-only", "--out-dir", str(tmp_path)]) == 0
    assert (tmp_path / "countries.csv").read_bytes() == (DATA / "countries.csv").read_bytes()


@pytest.mark.slow
def test_the_script_rebuilds_the_committed_geojson_byte_for_byte(tmp_path):
    assert _build_script().main(["--out-dir", str(tmp_path)]) == 0
    assert (tmp_path / "countries.geojson").read_bytes() == GEOJSON.read_bytes()


def test_provenance_names_the_source_version():
    text = Path(DATA / "PROVENANCE.md").read_text(encoding="utf-8")
    script = _build_script()
    source = script.find_source()
    assert source.ne_version in text and source.package_version in text


def test_a_lighter_collection_still_shares_borders_and_keeps_every_country():
    full = boundaries.country_feature_collection(boundaries_dir=DATA)
    light = boundaries.country_feature_collection(boundaries_dir=DATA, tolerance=0.1)
    assert [f["id"] for f in light["features"]] == [f["id"] for f in full["features"]]
    shapes = {f["id"]: shapely.geometry.shape(f["geometry"]) for f in light["features"]}
    assert len(json.dumps(light)) < len(json.dumps(full)) / 2
    assert shapely.coverage_is_valid(list(shapes.values()))
    assert shapes["KZ"].intersection(shapes["KG"]).geom_type in {"LineString", "MultiLineString"}
    assert not any(g.is_empty for g in shapes.values())
