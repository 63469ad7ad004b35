"""The map in Debian's Chromium through Playwright: `pytest -m browser` (needs .ci/browser.sh)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser fixture skips these tests then
    PlaywrightTimeout = TimeoutError

sys.path.insert(0, str(Path(__file__).parent))
from test_web_support import free_port, seed, start_server, stop_server  # noqa: E402

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parent.parent / "out" / "screenshots"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'store.sqlite'}"
    seed(url)
    return url


@pytest.fixture(scope="module")
def server(store_url):
    port = free_port()
    proc = start_server(store_url, port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)



class Page:
    """A page that records every request and console error."""

    def __init__(self, browser, url):
        self.requests, self.errors = [], []
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.wait_drawn()

    def wait_drawn(self, events: int | None = None):
        self.page.wait_for_selector("#map-count-shown", timeout=20_000)
        if events is not None:
            self.page.wait_for_function(
                f"document.querySelector('#map-count-shown').textContent.trim() === '{events}'",
                timeout=20_000,
            )
        self.page.wait_for_timeout(300)

    def open_details(self, marker) -> None:
        """Click a marker until its details show: on a loaded machine the first click may land
        before Leaflet has bound the marker's handler (a reader would click again)."""
        for attempt in range(3):
            marker.click(force=True)
            try:
                self.page.wait_for_selector("#details-title", timeout=10_000)
                return
            except PlaywrightTimeout:
                if attempt == 2:
                    raise

    def shown(self) -> int:
        return int(self.page.inner_text("#map-count-shown").strip())

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def pick(self, dropdown: str, text: str):
        self.page.click(f"#{dropdown}")
        self.page.locator(".dash-dropdown-content input.dash-dropdown-search").fill(text)
        self.page.locator(".dash-dropdown-content .dash-dropdown-option", has_text=text).first.click()
        self.page.keyboard.press("Escape")
        self.page.wait_for_selector(".dash-dropdown-content", state="detached")


def test_the_map_renders_offline_without_errors(browser, server):
    p = Page(browser, server + "/")
    assert p.page.evaluate("document.documentElement.dir") == "rtl"
    assert p.shown() == 6
    assert p.count("path.csto-base") > 150 and p.count("path.csto-country") >= 6
    assert p.count("path.csto-flow") == 2 and p.count("path.csto-place") == 1
    assert p.page.locator(".csto-flow-label").first.inner_text().endswith("أُرسلت")
    SHOTS.mkdir(parents=True, exist_ok=True)
    p.page.screenshot(path=str(SHOTS / "map-ar.png"))
    outside = [u for u in p.requests if not u.startswith("http://127.0.0.1")]
    assert outside == [] and p.errors == []


def test_each_filter_changes_what_is_drawn(browser, server):
    p = Page(browser, server + "/?lang=en&lat=44&lon=70&z=5")
    p.page.evaluate("window.notReloaded = true")
    p.page.click("#filter-quick-all")
    p.wait_drawn(events=7)
    p.page.click("#filter-quick-jan2022")
    p.wait_drawn(events=6)
    p.pick("filter-types", "Riot")
    p.wait_drawn(events=1)
    assert p.count("path.csto-event-riot") == 1
    p.pick("filter-countries", "Russia")
    p.wait_drawn(events=0)
    assert p.count("path.csto-flow") == 1  # Russia's flow, still there: it is Russia's claim
    # the layers changed in place: same page, same view
    assert p.page.evaluate("window.notReloaded") is True
    assert "lat=44&lon=70&z=5" in p.page.url
    p.page.goto(server + "/?lang=en&d=a2")
    p.wait_drawn(events=2)
    assert p.count("path.csto-flow") == 1
    p.page.locator("#map-layers input[value='troops']").uncheck()
    p.page.wait_for_function("document.querySelectorAll('path.csto-flow').length === 0")
    assert p.errors == []


def test_clicking_an_event_shows_its_evidence_and_the_other_claims(browser, server):
    p = Page(browser, server + "/?lang=en&lat=43.25&lon=76.92&z=11&t=casualties")
    p.wait_drawn(events=3)  # two in Almaty (12 and 13 killed), one in Astana
    p.open_details(p.page.locator("path.csto-event").first)
    body = p.page.locator("#details-body")
    assert body.locator("#details-title").inner_text() == "Casualties"
    evidence = body.locator(".csto-evidence")
    assert evidence.get_attribute("dir") == "rtl"
    assert evidence.locator("mark").first.inner_text() == "ألماتي"
    claims = body.locator("tr.csto-claim")
    assert claims.count() == 2
    assert {claims.nth(i).locator("td").nth(2).inner_text() for i in range(2)} == {"12", "13"}


def test_the_language_switch_flips_the_layout(browser, server):
    p = Page(browser, server + "/")
    assert p.page.evaluate("document.documentElement.dir") == "rtl"
    p.page.locator(".leaflet-control-zoom-in").click()  # Leaflet's controls work under RTL
    p.page.wait_for_function("location.search.includes('z=5')")
    p.page.locator("#lang input[value='en']").check()
    # <html> is switched in the browser, the page's own dir by the server callback
    p.page.wait_for_function(
        "document.documentElement.dir === 'ltr' && document.getElementById('page').dir === 'ltr'"
    )
    assert "Dates" in p.page.inner_text(".csto-sidebar")
    assert "lang=en" in p.page.url
    p.page.locator(".leaflet-control-zoom-out").click()
    p.page.wait_for_function("!location.search.includes('z=')")  # back to the default zoom
    p.page.locator("#lang input[value='ar']").check()
    p.page.wait_for_function("document.documentElement.dir === 'rtl'")
    p.page.screenshot(path=str(SHOTS / "map-ar-zoomed.png"))


def test_a_url_reproduces_a_view(browser, server):
    p = Page(browser, server + "/?lang=en&t=riot&lat=44.5&lon=77.5&z=6&layers=events,membership")
    p.wait_drawn(events=1)
    assert p.page.evaluate("document.documentElement.dir") == "ltr"
    assert p.count("path.csto-flow") == 0
    assert "Riot" in p.page.inner_text("#filter-types")
    assert "z=6" in p.page.url and "t=riot" in p.page.url and "lat=44.5" in p.page.url


def test_the_xss_article_stays_inert(browser, server):
    p = Page(browser, server + "/?lang=en&lat=51.18&lon=71.45&z=10&d=xss")
    p.wait_drawn(events=1)
    marker = p.page.locator("path.csto-event").first
    marker.hover(force=True)
    p.page.wait_for_selector(".leaflet-tooltip")
    p.open_details(marker)
    body = p.page.locator("#details-body")
    assert "<img src=x" in body.inner_text() and "<script>" in body.inner_text()
    assert body.locator("img").count() == 0 and body.locator("script").count() == 0
    p.page.locator("#details-body details summary").click()  # the full text, too
    assert p.page.locator(".leaflet-tooltip img, .leaflet-tooltip script").count() == 0
    p.page.click("#filter-documents")  # the article's first line is its title in the dropdown
    option = p.page.locator(".dash-dropdown-content .dash-dropdown-option", has_text="<script>")
    assert option.count() == 1 and option.locator("script").count() == 0
    p.page.keyboard.press("Escape")
    assert p.page.title() != "pwned" and p.page.evaluate("document.title") != "pwned"
    assert p.errors == []


ARTICLE = "خبر جديد\nقتل 7 شخصا في طالديقورغان يوم 2022-01-10. وصف شاهد <b>onmouseover=alert(1)</b> الوضع."


def test_an_uploaded_article_appears_on_the_map_and_survives_a_restart(browser, store_url):
    port = free_port()
    proc = start_server(store_url, port)
    try:
        p = Page(browser, f"http://127.0.0.1:{port}/?lang=en&t=casualties")
        before = p.shown()
        p.page.click("#page details summary")
        p.page.fill("#upload-text", ARTICLE)
        p.page.fill("#upload-published", "2022-01-10")
        p.page.click("#upload-preview-button")
        p.page.wait_for_selector("#upload-preview li")
        assert "Taldykorgan" in p.page.inner_text("#upload-preview")
        p.page.click("#upload-add-button")
        p.page.wait_for_selector("#upload-done")
        p.wait_drawn(events=before + 1)
        assert p.errors == []
    finally:
        stop_server(proc)
    proc = start_server(store_url, port)
    try:
        again = Page(browser, f"http://127.0.0.1:{port}/?lang=en&t=casualties")
        again.wait_drawn(events=before + 1)
    finally:
        stop_server(proc)


def test_clicking_a_flow_or_a_country_opens_its_details(browser, server):
    p = Page(browser, server + "/?lang=en")
    p.page.locator("path.csto-flow").first.dispatch_event("click")
    p.page.wait_for_selector("#details-title")
    assert p.page.inner_text("#details-title").endswith("~100 · sent")  # Armenia (first by code)
    assert "أرسلت أرمينيا 100 جندي" in p.page.inner_text("#details-body")
    p.page.locator("path.csto-country-KZ").dispatch_event("click")
    p.page.wait_for_function("document.querySelector('#details-title').textContent === 'Kazakhstan'")
    assert "member (2022-01-31)" in p.page.inner_text("#details-body")


def test_an_oversized_or_non_utf8_file_is_refused_with_a_message(browser, server):
    p = Page(browser, server + "/?lang=en")
    p.page.click("#page details summary")
    upload = p.page.locator("#upload-file input[type=file]")
    upload.set_input_files(
        files=[{"name": "cp1256.txt", "mimeType": "text/plain", "buffer": "قتل 7 في ألماتي".encode("cp1256")}]
    )
    p.page.wait_for_selector("#upload-message [role=alert]")
    assert "cp1256.txt: not UTF-8" in p.page.inner_text("#upload-message")
    upload.set_input_files(files=[{"name": "big.txt", "mimeType": "text/plain", "buffer": b"a" * 300_000}])
    p.page.wait_for_function("document.querySelector('#upload-message').textContent.includes('big.txt')")
    assert "200 kB limit" in p.page.inner_text("#upload-message")
    assert p.page.input_value("#upload-text") == ""
