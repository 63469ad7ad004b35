"""Snapshots: PNG golden with a tolerance, Arabic that is shaped and not tofu, offline HTML with
escaped article text, file names, options, and the command line. Browser checks live in
test_snapshots_browser.py."""

from __future__ import annotations

import json
import os
import re
import warnings
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from conftest import fake_extract

from app import cli
from geo.errors import InputError
from geo.snapshots import common
from geo.snapshots.naming import snapshot_name
from geo.store.api import Filters
from geo.store.export import export
from geo.store.ingest import ingest_text

GOLDEN = Path(__file__).parent / "golden" / "snapshot_jan2022_en.png"
ARTICLE = """خبر عن ألماتي وروسيا وأرمينيا
@event riot 2022-01-05 KZ 3
@event protest 2022-01-04 KZ
@event deployment 2022-01-07 RU
@event meeting 2022-01-10 -
@troop RU 3000 sent 2022-01-06
@troop AM 70 pledged 2022-01-07
"""
HOSTILE = """خبر في ألماتي </script><script>window.__xss=2</script><img src=x onerror="window.__xss=1">
@event protest 2022-01-08 KZ 0 </script><script>window.__xss=3</script>
"""
JANUARY = Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31))


@pytest.fixture
def filled(store):
    ingest_text(store, ARTICLE, doc_id="a.txt", published="2022-01-11", extractor=fake_extract)
    return store


@pytest.fixture
def hostile(filled):
    ingest_text(filled, HOSTILE, doc_id="evil.txt", published="2022-01-09", extractor=fake_extract)
    return filled


def _noto_available() -> bool:
    from matplotlib import font_manager

    try:
        font_manager.findfont(font_manager.FontProperties(family="Noto Sans"), fallback_to_default=False)
        font_manager.findfont(
            font_manager.FontProperties(family="Noto Sans Arabic"), fallback_to_default=False
        )
    except ValueError:
        return False
    return True


needs_noto = pytest.mark.skipif(not _noto_available(), reason="Debian's fonts-noto-core is not installed")


def _pixels(path: Path) -> np.ndarray:
    from PIL import Image

    return np.asarray(Image.open(path).convert("RGB"), dtype=np.int16)


# -- PNG -----------------------------------------------------------------------------------


@needs_noto
@pytest.mark.slow
def test_png_matches_the_golden_within_a_tolerance(filled, tmp_path):
    out = tmp_path / "map.png"
    export(filled, JANUARY, out, lang="en", dpi=60)
    if os.environ.get("CSTO_MAP_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_bytes(out.read_bytes())
    assert GOLDEN.exists(), "no golden: run with CSTO_MAP_UPDATE_GOLDEN=1 once and look at it"
    got, want = _pixels(out), _pixels(GOLDEN)
    assert got.shape == want.shape == (600, 960, 3)
    differing = (np.abs(got - want).max(axis=2) > 60).mean()
    # matplotlib brings its own FreeType, so a few antialiased edge pixels at most; one place
    # name moved or missing is about 0.05 %, a layer far more
    assert differing < 0.001, f"{differing:.2%} of pixels differ from {GOLDEN.name}"


@needs_noto
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_labels_do_not_overlap_and_every_troop_figure_is_shown(filled, lang):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from geo.snapshots.png import render

    # a crowded view: Moscow's and Minsk's flows run side by side past Almaty's events
    snapshot = common.collect(filled, JANUARY, common.SnapshotOptions(lang=lang, dpi=60))
    figure = render(snapshot)
    renderer = FigureCanvasAgg(figure).get_renderer()
    shown = [t for t in figure.axes[0].texts if t.get_visible()]
    boxes = [t.get_window_extent(renderer) for t in shown]
    overlapping = [
        (shown[i].get_text(), shown[j].get_text())
        for i in range(len(boxes))
        for j in range(i)
        if boxes[i].overlaps(boxes[j])
    ]
    assert overlapping == []
    texts = [t.get_text() for t in shown]
    key = ("name_ar", "label_ar") if lang == "ar" else ("name", "label")
    for flow in snapshot.layers["troops"]["features"]:
        p = flow["properties"]
        assert texts.count(f"{p[key[0]]}: {p[key[1]]}") == 1
    assert len(texts) == len(set(texts))  # a country named by its outline and an event: once


@needs_noto
def test_png_default_size_and_dpi(filled, tmp_path):
    from PIL import Image

    export(filled, JANUARY, tmp_path / "a.png")
    assert Image.open(tmp_path / "a.png").size == (1600, 1000)
    export(filled, JANUARY, tmp_path / "b.png", dpi=150)
    assert Image.open(tmp_path / "b.png").size == (2400, 1500)
    export(filled, JANUARY, tmp_path / "c.png", size="1200x700")
    assert Image.open(tmp_path / "c.png").size == (1200, 700)


@needs_noto
def test_a_filter_changes_the_image(filled, tmp_path):
    export(filled, JANUARY, tmp_path / "all.png", lang="en", dpi=50)
    export(
        filled,
        Filters(date_to=date(2022, 1, 31), types=("meeting",)),
        tmp_path / "few.png",
        lang="en",
        dpi=50,
    )
    assert (
        np.abs(_pixels(tmp_path / "all.png") - _pixels(tmp_path / "few.png")).max(axis=2) > 60
    ).mean() > 0.001


@needs_noto
def test_arabic_font_has_every_letter_of_the_labels():
    from matplotlib.ft2font import FT2Font

    from geo.layers import events, membership, troops
    from geo.snapshots.png import arabic_font

    font = FT2Font(arabic_font())
    labels = [s[2] for s in events.TYPE_STYLE.values()] + [s[2] for s in membership.STATUS_STYLE.values()]
    labels += [s[4] for s in troops.STATUS_STYLE.values()] + ["ألماتي", "كازاخستان", "روسيا"]
    missing = {
        c
        for label in labels
        for c in label
        if c.strip() and c not in "/·" and not font.get_char_index(ord(c))
    }
    assert not missing, f"no glyph for {sorted(missing)} in {arabic_font()}"


def _ink(text: str) -> np.ndarray:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geo.snapshots.png import _style

    with matplotlib.rc_context(_style()):
        figure = Figure(figsize=(4, 1), dpi=100)
        canvas = FigureCanvasAgg(figure)
        figure.text(0.5, 0.5, text, fontsize=30, ha="center", va="center")
        canvas.draw()
        gray = np.asarray(canvas.buffer_rgba())[:, :, :3].mean(axis=2)
    return gray < 128


@needs_noto
def test_arabic_label_is_inked_and_joined():
    word = "ألماتي"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        joined = _ink(word)
    assert not [w for w in caught if "missing from" in str(w.message)], "tofu: a glyph is missing"
    assert joined.sum() > 200, "the label left no ink"
    columns = np.flatnonzero(joined.any(axis=0))
    apart = _ink(" ".join(word))
    apart_columns = np.flatnonzero(apart.any(axis=0))
    # joined (shaped) letters are narrower than the same letters in isolated forms with spaces
    assert columns.max() - columns.min() < 0.8 * (apart_columns.max() - apart_columns.min())


@needs_noto
def test_arabic_png_draws_without_missing_glyphs(filled, tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        counts = export(filled, JANUARY, tmp_path / "ar.png", lang="ar", dpi=50)
    assert not [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert counts["events"] == 3 and counts["troops"] == 2


def test_svg_and_pdf_are_written(filled, tmp_path):
    export(filled, JANUARY, tmp_path / "m.svg", lang="en")
    export(filled, JANUARY, tmp_path / "m.pdf", lang="en")
    assert (tmp_path / "m.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")


# -- counts equal the store's query ------------------------------------------------------------


@pytest.mark.parametrize(
    "filters",
    [
        JANUARY,
        Filters(date_from=date(2022, 1, 5), date_to=date(2022, 1, 31)),
        Filters(countries=("RU",), date_to=date(2022, 1, 31)),
        Filters(types=("riot", "protest"), date_to=date(2022, 1, 31)),
    ],
)
def test_snapshot_shows_exactly_the_filtered_events(filled, filters):
    snapshot = common.collect(filled, filters, common.SnapshotOptions())
    located = [e for e in filled.events(filters) if e.lat is not None]
    assert common.counts(snapshot)["events"] == len(located)
    ids = sorted(f["properties"]["id"] for f in snapshot.layers["events"]["features"])
    assert ids == sorted(e.id for e in located)


def test_hidden_layers_are_left_out(filled):
    snapshot = common.collect(filled, JANUARY, common.options_from(layers=["events"]))
    assert common.counts(snapshot)["events"] == 3
    assert common.counts(snapshot)["troops"] == common.counts(snapshot)["membership"] == 0


def test_title_states_the_filters(filled):
    filters = Filters(
        date_from=date(2022, 1, 2), date_to=date(2022, 1, 10), countries=("KZ",), types=("riot",)
    )
    en = common.title(common.collect(filled, filters, common.SnapshotOptions(lang="en")))
    en = en.replace("\u2066", "").replace("\u2069", "")  # isolates: invisible in a left-to-right line
    assert "2022-01-02 – 2022-01-10" in en and "Kazakhstan" in en and "Riot" in en
    ar = common.title(common.collect(filled, filters, common.SnapshotOptions(lang="ar")))
    assert (
        "كازاخستان" in ar
        and "أعمال شغب" in ar
        and "من 2 يناير 2022 إلى 10 يناير 2022" in ar  # month as a word: no renderer can reorder it
    )


# -- HTML ----------------------------------------------------------------------------------

_REMOTE_TAG = re.compile(r"<(script|link)\b[^>]*>", re.I)


def test_html_has_no_remote_script_or_stylesheet(filled, tmp_path):
    out = tmp_path / "map.html"
    export(filled, JANUARY, out)
    page = out.read_text(encoding="utf-8")
    for tag in _REMOTE_TAG.finditer(page):
        assert not re.search(r"\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", tag.group(0), re.I), tag.group(0)
    assert "L.markerClusterGroup" in page and "leaflet-pane" in page  # inlined, not linked
    assert "bootstrap" not in page.lower() and "jquery" not in page.lower()
    assert out.stat().st_size < 5_000_000


def test_html_keeps_article_text_as_data(hostile, tmp_path):
    out = tmp_path / "map.html"
    export(hostile, JANUARY, out, lang="en")
    page = out.read_text(encoding="utf-8")
    assert "window.__xss" in page  # the evidence is there...
    assert "<script>window.__xss" not in page and "<img src=x" not in page  # ...but never as markup
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__xss=3" in page


def test_html_evidence_reaches_the_popup_rows(filled, tmp_path):
    out = tmp_path / "map.html"
    export(filled, JANUARY, out, lang="en")
    page = out.read_text(encoding="utf-8")
    assert json.dumps("@event riot 2022-01-05 KZ 3")[1:-1] in page


# -- names, options, command line -------------------------------------------------------------


def test_file_names_say_what_they_hold():
    f = Filters(date_from=date(2022, 1, 2), date_to=date(2022, 1, 10), countries=("RU", "kz"))
    assert snapshot_name(f, "png") == "csto-map_2022-01-02_2022-01-10_KZ-RU.png"
    assert snapshot_name(Filters(), "html", lang="ar") == "csto-map_all-dates_ar.html"
    assert snapshot_name(Filters(date_to=date(2022, 1, 31), types=("riot",)), "gpkg") == (
        "csto-map_start_2022-01-31_riot.gpkg"
    )
    assert (
        snapshot_name(Filters(documents=("../../etc/passwd",)), "csv")
        == "csto-map_all-dates_docs-..-..-etc-passwd.csv"
    )


@pytest.mark.parametrize(
    "opts, fragment",
    [
        ({"bbox": "1,2,3"}, "four numbers"),
        ({"bbox": "10,50,5,60"}, "W < E"),
        ({"bbox": "a,b,c,d"}, "not four numbers"),
        ({"size": "big"}, "WIDTHxHEIGHT"),
        ({"size": "10x10"}, "between 200"),
        ({"dpi": "x"}, "whole number"),
        ({"lang": "fr"}, "--lang"),
    ],
)
def test_bad_options_are_named(opts, fragment):
    with pytest.raises(InputError, match=re.escape(fragment)):
        common.options_from(**opts)


def test_bbox_is_the_view(filled, tmp_path):
    options = common.options_from(bbox="46,35,90,56")
    snapshot = common.collect(filled, JANUARY, options)
    assert common.view_bbox(snapshot) == (46.0, 35.0, 90.0, 56.0)


def test_cli_export_png_and_html(filled, tmp_path, capsys):
    url = filled.url
    png, page = tmp_path / "m.png", tmp_path / "m.html"
    base = ["--db", url, "export", "--from", "2022-01-01", "--to", "2022-01-31", "--country", "KZ"]
    assert cli.main([*base, "--lang", "en", "--dpi", "40", "-o", str(png)]) == 0
    assert cli.main([*base, "--bbox", "46,35,90,56", "-o", str(page)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and page.stat().st_size > 10_000
    assert "wrote" in capsys.readouterr().out


def test_cli_bad_bbox_is_a_message_not_a_traceback(filled, tmp_path, capsys):
    code = cli.main(["--db", filled.url, "export", "--bbox", "1,2", "-o", str(tmp_path / "m.png")])
    err = capsys.readouterr().err
    assert code != 0 and "--bbox" in err and "Traceback" not in err
    assert not (tmp_path / "m.png").exists()


# -- the app's export menu ------------------------------------------------------------------


@pytest.mark.parametrize(
    "fmt, magic", [("png", b"\x89PNG"), ("pdf", b"%PDF"), ("html", b"<!DOCTYPE"), ("gpkg", b"SQLite")]
)
def test_app_export_menu_file(filled, fmt, magic):
    from app.web.export import snapshot_file

    name, content = snapshot_file(filled, JANUARY, fmt, lang="en", layers=["events", "troops"])
    assert name == f"csto-map_2022-01-01_2022-01-31{'_en' if fmt in ('png', 'pdf', 'html') else ''}.{fmt}"
    assert content.lstrip()[: len(magic)].upper() == magic.upper()


def test_app_export_keeps_only_visible_layers(filled):
    from app.web.export import snapshot_file

    _name, content = snapshot_file(filled, JANUARY, "html", lang="en", layers=["events"])
    page = content.decode("utf-8")
    assert '"layer": "events"' in page and '"layer": "troops"' not in page


# -- one membership day for every export -------------------------------------------------------


@pytest.mark.parametrize("filters", [JANUARY, Filters(date_from=date(2022, 1, 1))])
def test_gpkg_and_snapshot_show_membership_on_the_same_day(filled, filters, tmp_path):
    import pyogrio

    export(filled, filters, tmp_path / "m.gpkg")
    on = set(pyogrio.read_dataframe(tmp_path / "m.gpkg", layer="membership")["on"])
    snapshot = common.collect(filled, filters, common.SnapshotOptions())
    assert on == {snapshot.day.isoformat()} == {(filters.date_to or date.today()).isoformat()}


def test_the_app_view_becomes_the_bbox():
    assert common.bbox_from_view(bounds=[[40, 60], [50, 80]]) == (60.0, 40.0, 80.0, 50.0)
    leaflet = {"_southWest": {"lat": 40, "lng": 60}, "_northEast": {"lat": 50, "lng": 80}}
    assert common.bbox_from_view(bounds=leaflet) == (60.0, 40.0, 80.0, 50.0)
    # before the map has moved only center and zoom are known: one zoom step halves the span
    west, south, east, north = common.bbox_from_view(center={"lat": 43.5, "lng": 76.5}, zoom=7)
    assert west < 76.5 < east and south < 43.5 < north
    w8, s8, e8, n8 = common.bbox_from_view(center=[43.5, 76.5], zoom=8)
    assert abs((e8 - w8) * 2 - (east - west)) < 1e-6
    assert common.bbox_from_view(center=[0, 170], zoom=2)[2] == 180.0  # clamped at the antimeridian
    assert common.bbox_from_view() is None and common.bbox_from_view(bounds=[[1, 2]]) is None


def test_reference_is_cached_on_disk_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    from geo import settings

    monkeypatch.setenv("CSTO_MAP_CACHE_DIR", str(tmp_path))
    settings.get_settings.cache_clear()
    common.reference.cache_clear()
    try:
        built = common.reference()
        (cached,) = tmp_path.glob("snapshot-reference-*.json")
        common.reference.cache_clear()
        assert common.reference() == built  # read back from the file, same values and types
        cached.write_text("{not json", encoding="utf-8")
        common.reference.cache_clear()
        assert common.reference() == built and json.loads(cached.read_text(encoding="utf-8"))
    finally:
        settings.get_settings.cache_clear()
        common.reference.cache_clear()
