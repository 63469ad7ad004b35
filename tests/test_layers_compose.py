"""All layers from a real (SQLite) store seeded with a fake extractor."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from geo.layers.compose import layer_data, load_reference
from geo.store.api import Filters

sys.path.insert(0, str(Path(__file__).parent))
from test_web_support import seed  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from geo.store.db import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 's.sqlite'}"
    seed(url)
    with open_store(url) as s:
        yield s


@pytest.fixture(scope="module")
def reference():
    return load_reference()


def _ids(fc):
    return sorted(f["properties"]["id"] for f in fc["features"])


def test_every_layer_is_drawn_from_the_store(store, reference):
    layers = layer_data(
        store, Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31)), reference=reference
    )
    assert len(layers["events"]["features"]) == 6  # the December protest is outside the range
    flows = {f["properties"]["id"]: f for f in layers["troops"]["features"]}
    assert set(flows) == {"AM:sent", "RU:sent"}
    assert flows["RU:sent"]["geometry"]["coordinates"][-1] == [76.92, 43.25]  # the deployment's place: Almaty
    assert flows["RU:sent"]["properties"]["label"] == "~3,000 · sent"
    assert "KZ" in _ids(layers["membership"]) and layers["membership"]["on"] == "2022-01-31"
    assert [f["properties"]["name"] for f in layers["places"]["features"]] == ["Moscow"]


def test_filters_change_what_is_drawn(store, reference):
    jan = Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31))
    only_riots = layer_data(store, Filters(types=("riot",)), reference=reference)["events"]
    assert [f["properties"]["type"] for f in only_riots["features"]] == ["riot"]
    one_doc = layer_data(store, Filters(documents=("a2",)), reference=reference)
    assert {f["properties"]["doc"] for f in one_doc["events"]["features"]} == {"a2"}
    assert _ids(one_doc["troops"]) == ["AM:sent"]
    assert layer_data(store, Filters(countries=("RU",)), reference=reference)["events"]["features"] == []
    hidden = layer_data(store, jan, reference=reference, layers=("events",))
    assert hidden["troops"]["features"] == [] and hidden["membership"]["features"] == []
