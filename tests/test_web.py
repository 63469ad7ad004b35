"""The web app's pure parts: URL state, upload checks, evidence rendering, the app's wiring."""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest

from app.web import state, upload
from app.web.details import evidence_block
from geo.errors import InputError


def test_a_view_survives_the_round_trip_through_the_url():
    view = state.View(
        date_from=date(2022, 1, 3),
        date_to=date(2022, 1, 9),
        countries=("KZ", "RU"),
        types=("protest", "riot"),
        documents=("a1",),
        layers=("events", "troops"),
        tiles=True,
        lang="en",
        lat=43.25,
        lon=76.9,
        zoom=9,
    )
    search = state.encode(view)
    assert "from=2022-01-03" in search and "c=KZ,RU" in search and "lang=en" in search
    assert state.decode(search) == view


def test_the_default_view_has_an_empty_query_and_bad_values_fall_back_to_defaults():
    assert state.encode(state.View()) == ""
    view = state.decode("?from=yesterday&lat=123&t=protest,nonsense&c=kz,XXX&lang=fr&z=7")
    assert view.date_from == state.View().date_from and view.lat == state.View().lat
    assert view.types == ("protest",) and view.countries == ("KZ",) and view.lang == "ar" and view.zoom == 7


def _data_url(raw: bytes) -> str:
    return "data:text/plain;base64," + base64.b64encode(raw).decode()


def test_an_upload_is_decoded_in_memory():
    assert upload.read_upload(_data_url("قتل 12 شخصا".encode()), "a.txt") == "قتل 12 شخصا"


def test_a_large_or_non_utf8_upload_is_refused_with_a_clear_message():
    with pytest.raises(InputError, match=r"big\.txt: .* larger than the 200 kB limit"):
        upload.read_upload(_data_url(b"a" * 200_001), "big.txt")
    with pytest.raises(InputError, match=r"latin\.txt: not UTF-8"):
        upload.read_upload(_data_url("قتل".encode("cp1256")), "latin.txt")
    with pytest.raises(InputError, match="empty"):
        upload.check_text("   \n")
    with pytest.raises(InputError, match="'7/1/2022' is not a date"):
        upload.check_published("7/1/2022")
    assert upload.check_published(" 2022-01-07 ") == "2022-01-07" and upload.check_published("") is None


def test_evidence_is_text_with_the_place_highlighted_never_html():
    evidence = '<img src=x onerror="alert(1)"> قتل 12 في ألماتي'
    block = evidence_block(evidence, ["ألماتي"])
    assert block.dir == "rtl"
    texts = [c if isinstance(c, str) else c.children for c in block.children]
    assert "".join(texts) == evidence
    marked = [c for c in block.children if not isinstance(c, str)]
    assert [type(c).__name__ for c in marked] == ["Mark"] and marked[0].children == "ألماتي"


def test_the_app_builds_with_every_feature_wired(tmp_path):
    from app.web import create_app

    app = create_app(db_url=f"sqlite:///{tmp_path / 's.sqlite'}")
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    base = client.get("/csto-map/base.geojson")
    assert base.status_code == 200 and len(json.loads(base.data)["features"]) > 200
    outputs = " ".join(app.callback_map)
    for wanted in ("map-events.data", "details-body.children", "url.search", "upload-message.children"):
        assert wanted in outputs


def test_serve_binds_to_localhost_unless_told_otherwise():
    from app.cli import build_parser

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.debug) == ("127.0.0.1", 8050, False)
    args = build_parser().parse_args(["--db", "sqlite:///x.sqlite", "serve", "--port", "9000", "--debug"])
    assert (args.db, args.port, args.debug) == ("sqlite:///x.sqlite", 9000, True)


def test_file_names_and_ids_keep_their_order_in_the_arabic_panel(tmp_path):
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from test_web_support import seed

    from app.web.details import _source
    from geo.store.db import open_store

    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    seed(url)
    with open_store(url) as store:
        block = _source(store, "a1", "ar")
    ltr = [c for c in block.children[1].children if getattr(c, "dir", None) == "ltr"]
    assert [c.children for c in ltr] == ["a1", "test"]


def test_an_added_article_goes_to_the_store_and_never_to_a_file_named_by_the_user(tmp_path, monkeypatch):
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from test_web_support import fake_extract

    from app.web import create_app
    from geo.store.db import open_store

    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    app = create_app(db_url=url, extractor=fake_extract)
    add = app.callback_map["..upload-message.children...data-version.data.."]["callback"].__wrapped__
    text = "خبر\nقتل 7 شخصا في ألماتي يوم 2022-01-10 <img src=x onerror=alert(1)>."
    message, version = add(1, text, "2022-01-10", "../../../tmp/evil.txt", 3)
    assert version == 4 and "1 events" in message.children
    assert list(work.iterdir()) == [] and not (tmp_path / "evil.txt").exists()
    with open_store(url) as store:
        (doc,) = store.documents()
        assert doc.id.startswith("upload-") and doc.source == "upload:../../../tmp/evil.txt"
        assert "<img src=x" in store.document_text(doc.id)
    refused, unchanged = add(2, "x" * 200_001, None, "big.txt", 4)
    assert "200 kB limit" in refused.children and unchanged is no_update()


def no_update():
    from dash import no_update

    return no_update


def test_an_aggregated_point_lists_its_events_and_their_types(tmp_path):
    import sys

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from test_web_support import seed

    from app.web.details import group_details
    from geo.store.api import Filters
    from geo.store.db import open_store

    url = f"sqlite:///{tmp_path / 's.sqlite'}"
    seed(url)
    props = {"id": "gn:1526384", "name": "Almaty", "types": {"protest": 1, "casualties": 2}}
    with open_store(url) as store:
        title, count, types, table = group_details(store, props, Filters(), "en")
    assert title.children == "Almaty" and count.children == "Events here: 4"
    assert types.children == "Protest: 1 · Casualties: 2"
    assert len([r for r in table.children if getattr(r, "className", None) == "csto-claim"]) == 4
