"""The exported HTML opened from disk in Debian's Chromium with every non-file request aborted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import fake_extract
from test_snapshots import ARTICLE, HOSTILE, JANUARY

from geo.store.api import Filters
from geo.store.export import export
from geo.store.ingest import ingest_text

pytestmark = pytest.mark.browser




@pytest.fixture
def filled(store):
    ingest_text(store, ARTICLE, doc_id="a.txt", published="2022-01-11", extractor=fake_extract)
    ingest_text(store, HOSTILE, doc_id="evil.txt", published="2022-01-09", extractor=fake_extract)
    return store


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1300, "height": 800})
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith("file://") or r.request.url.startswith("data:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(path.as_uri())
    page.wait_for_function("window.cstoSnapshot && window.cstoSnapshot.layers.length > 0", timeout=20_000)
    page.wait_for_timeout(300)
    return page, outside, errors


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_html_draws_every_layer_offline(browser, filled, tmp_path, lang):
    out = tmp_path / "map.html"
    counts = export(filled, JANUARY, out, lang=lang)
    page, outside, errors = _open(browser, out)
    try:
        assert outside == [] and errors == []
        assert page.locator(".leaflet-overlay-pane path").count() > 100  # countries, members, flows
        drawn = page.evaluate("window.cstoSnapshot.counts")
        assert drawn == {k: v for k, v in counts.items() if v}
        assert counts["events"] == len([e for e in filled.events(JANUARY) if e.lat is not None])
        markers = page.locator(
            ".leaflet-marker-pane .marker-cluster, .leaflet-overlay-pane path.leaflet-interactive"
        )
        assert markers.count() > 0
        assert page.locator(".leaflet-control-layers-overlays label").count() == len(drawn)  # one per layer
    finally:
        page.close()


def test_filtered_html_shows_only_the_filtered_features(browser, filled, tmp_path):
    filters = Filters(types=("riot",), date_to=date(2022, 1, 31))
    out = tmp_path / "riot.html"
    export(filled, filters, out, lang="en")
    page, outside, _errors = _open(browser, out)
    try:
        assert outside == []
        assert page.evaluate("window.cstoSnapshot.counts.events") == len(filled.events(filters)) == 1
    finally:
        page.close()


def test_article_script_stays_inert_in_popups(browser, filled, tmp_path):
    out = tmp_path / "map.html"
    export(filled, JANUARY, out, lang="en")
    page, outside, errors = _open(browser, out)
    try:
        # build every popup, put it in the page, and let any onerror/script fire if it could
        texts = page.evaluate(
            """() => window.cstoSnapshot.layers.filter(l => l.getPopup()).map(l => {
                   const node = l.getPopup()._content(l);
                   document.body.appendChild(node);
                   return [node.textContent, node.querySelectorAll('script, img').length];
               })"""
        )
        page.wait_for_timeout(300)
        hostile = [t for t, _n in texts if "window.__xss=3" in t]
        assert hostile, "the hostile evidence should be shown, as text"
        assert all(n == 0 for _t, n in texts)
        assert page.evaluate("window.__xss") is None
        assert outside == [] and errors == []
    finally:
        page.close()


# -- the app's export menu, clicked --------------------------------------------------------------


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from test_web_support import free_port, seed, start_server, stop_server

    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'store.sqlite'}"
    seed(url)
    port = free_port()
    proc = start_server(url, port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)


def _download(page, fmt_label: str | None, tmp_path: Path) -> Path:
    if fmt_label:
        page.click("#export-format")
        page.locator(".dash-dropdown-content .dash-dropdown-option", has_text=fmt_label).first.click()
        page.keyboard.press("Escape")
    with page.expect_download(timeout=60_000) as info:
        page.click("#export-go")
    download = info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return path


def _fit_bounds(page_text: str) -> tuple[float, float, float, float]:
    import re

    found = re.search(
        r"map_\w+\.fitBounds\(\s*\[\[([-\d.]+),\s*([-\d.]+)\],\s*\[([-\d.]+),\s*([-\d.]+)\]\]", page_text
    )
    assert found, "the exported page sets no view"
    south, west, north, east = (float(g) for g in found.groups())
    return west, south, east, north


def test_the_app_download_is_the_current_view(browser, app_server, tmp_path):
    from PIL import Image

    page = browser.new_page(viewport={"width": 1400, "height": 850}, accept_downloads=True)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(app_server + "/?lang=en&lat=43.5&lon=76.5&z=7&t=casualties")
        page.wait_for_selector("#map-count-shown", timeout=20_000)
        page.wait_for_timeout(500)
        png = _download(page, None, tmp_path)
        assert png.name.startswith("csto-map_") and png.name.endswith("_casualties_en.png")
        assert Image.open(png).size == (1600, 1000)

        page.locator(".leaflet-control-zoom-in").click()  # the user zooms in: the export follows
        page.wait_for_function("location.search.includes('z=8')")
        page.wait_for_timeout(500)
        html = _download(page, "HTML", tmp_path)
        assert html.name.endswith("_casualties_en.html")
        west, south, east, north = _fit_bounds(html.read_text(encoding="utf-8"))
        # around Almaty at zoom 8: a few degrees wide, not the default Central Asia view
        assert west < 76.5 < east and south < 43.5 < north
        assert east - west < 8 and north - south < 5
        assert errors == []
    finally:
        page.close()
