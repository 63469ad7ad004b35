"""A standalone HTML map drawn with folium that opens from disk with no internet.

Leaflet and Leaflet.markercluster are inlined from the installed xstatic packages (their
images as data: URIs); folium's CDN links, Bootstrap and jQuery are left out. Article
text reaches the page only as JSON data (folium's ``tojson`` escapes ``<``, ``>`` and ``&``)
and is put into popups and tooltips with ``textContent`` by a fixed script, so it is never
parsed as HTML. Titles and legend are built from our own strings with :func:`html.escape`.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from geo import coords
from geo.layers import events as events_layer
from geo.layers import membership as membership_layer
from geo.layers import places as places_layer
from geo.layers import troops as troops_layer
from geo.snapshots.common import (
    Snapshot,
    collect,
    counts,
    options_from,
    source_line,
    title,
    view_bbox,
    word,
)

MAX_EVIDENCE = 3
MAX_ZOOM = 12
_REMOTE = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.I)


class RemoteAssetError(RuntimeError):
    """The rendered page still points at a remote script or stylesheet (a folium change?)."""


def write_html(store, filters, path: Path, **opts) -> dict[str, int]:
    """``opts``: lang, bbox, layers (see :class:`geo.snapshots.common.SnapshotOptions`)."""
    from geo.store.export import _atomic  # the exports' replace-only-on-success file

    options = options_from(**opts)
    snapshot = collect(store, filters, options)
    page = render(snapshot, evidence=_evidence(store, snapshot))
    with _atomic(Path(path)) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return counts(snapshot)


def render(snapshot: Snapshot, *, evidence: dict | None = None) -> str:
    """The page as one string; raises :class:`RemoteAssetError` if any remote asset slipped in."""
    page = _map(snapshot, evidence or {"events": {}, "troops": {}}).get_root().render()
    if _REMOTE.search(page):
        raise RemoteAssetError(f"remote asset left in the page: {_REMOTE.search(page).group(0)!r}")
    return page


def remote_assets(page: str) -> list[str]:
    """Every ``<script src>`` or ``<link href>`` of ``page`` that points at http(s) or ``//``."""
    return [m.group(0) for m in _REMOTE.finditer(page)]


# -- evidence: the article sentences behind events and flows -----------------------------------


def _evidence(store, snapshot: Snapshot) -> dict[str, dict]:
    out: dict[str, dict] = {"events": {}, "troops": {}}
    layers = snapshot.layers
    if layers["events"]["features"] and not layers["events"].get("aggregated"):
        out["events"] = {r.id: r for r in store.events(snapshot.filters)}
    if layers["troops"]["features"]:
        out["troops"] = {r.id: r for r in store.troops(replace(snapshot.filters, types=()))}
    return out


# -- the map ----------------------------------------------------------------------------------


def _map(snapshot: Snapshot, evidence: dict):
    import folium

    west, south, east, north = view_bbox(snapshot)
    fmap = folium.Map(tiles=None, location=coords.to_leaflet((south + north) / 2, (west + east) / 2))
    fmap.options.update(maxZoom=MAX_ZOOM, minZoom=2)  # markercluster needs a maxZoom; no tiles give one
    fmap.default_js, fmap.default_css = [], []  # instance lists: folium's CDN links are not rendered
    fmap.fit_bounds([coords.to_leaflet(south, west), coords.to_leaflet(north, east)])
    root = fmap.get_root()
    root.header.add_child(folium.Element(_assets()), name="csto_assets")
    root.html.add_child(folium.Element(_panel(snapshot)), name="csto_panel")
    _add_layers(fmap, snapshot, evidence)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap


def _add_layers(fmap, snapshot: Snapshot, evidence: dict) -> None:
    from folium.plugins import MarkerCluster

    lang, layers = snapshot.lang, snapshot.layers
    _geojson(_base(snapshot.countries, lang), name="base", control=False).add_to(fmap)
    if layers["membership"]["features"]:
        data = _collection(layers["membership"], lambda f: _country(f, lang), "membership")
        _geojson(data, name=word("membership", lang)).add_to(fmap)
    if layers["troops"]["features"]:
        data = _collection(layers["troops"], lambda f: _flow(f, lang, evidence["troops"]), "troops")
        _geojson(data, name=word("troops", lang)).add_to(fmap)
    if layers["places"]["features"]:
        data = _collection(layers["places"], lambda f: _place(f, lang), "places")
        _geojson(data, name=word("places", lang), points=True).add_to(fmap)
    if layers["events"]["features"]:
        cluster = MarkerCluster(name=word("events", lang), options={"maxClusterRadius": 40})
        cluster.default_js, cluster.default_css = [], []
        data = _collection(layers["events"], lambda f: _event(f, lang, evidence["events"]), "events")
        _geojson(data, name=word("events", lang), points=True, control=False).add_to(cluster)
        cluster.add_to(fmap)


def _geojson(data: dict, *, name: str, points: bool = False, control: bool = True):
    import folium

    return folium.GeoJson(
        data,
        name=name,
        control=control,
        marker=folium.CircleMarker(radius=6) if points else None,
        on_each_feature=folium.JsCode("cstoSnapshot.bind"),
    )


def _collection(collection: dict, props, layer: str) -> dict:
    """A copy whose features carry only what the page shows: ``style``, ``tip``, ``rows``
    (and ``layer`` and ``count``, which the page tallies in ``cstoSnapshot.counts``)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": f["geometry"],
                "properties": {
                    **props(f),
                    "layer": layer,
                    "count": f["properties"].get("count") if layer == "events" else 1,
                },
            }
            for f in collection["features"]
        ],
    }


def _base(countries: dict, lang: str) -> dict:
    style = {
        "fillColor": membership_layer.BASE_COLOR,
        "color": membership_layer.BORDER_COLOR,
        "weight": 0.6,
        "fillOpacity": 1,
    }
    key = "name_ar" if lang == "ar" else "name_en"
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": f["geometry"],
                "properties": {"style": style, "tip": f["properties"].get(key) or ""},
            }
            for f in countries["features"]
        ],
    }


def _country(f: dict, lang: str) -> dict:
    p = f["properties"]
    status = membership_layer.STATUS_STYLE[p["status"]][2 if lang == "ar" else 1]
    name = p["name_ar"] if lang == "ar" else p["name"]
    style = {"fillColor": p["color"], "color": "#ffffff", "weight": 1, "fillOpacity": 0.8}
    return {"style": style, "tip": f"{name} — {status}", "rows": [[name, status]]}


def _flow(f: dict, lang: str, claims: dict) -> dict:
    p = f["properties"]
    ar = lang == "ar"
    style = {"color": p["color"], "weight": p["weight"], "dashArray": p["dash"], "opacity": 0.9}
    name, label, dest = (
        (p["name_ar"], p["label_ar"], p["dest_ar"]) if ar else (p["name"], p["label"], p["dest"])
    )
    rows = [[name, label], ["→", dest]]
    for claim_id in p["ids"][:MAX_EVIDENCE]:
        row = claims.get(claim_id)
        if row:
            rows.append([f"{word('document', lang)} {row.document_id}", row.evidence])
    return {"style": style, "tip": f"{name}: {label}", "rows": rows}


def _event(f: dict, lang: str, rows_by_id: dict) -> dict:
    p = f["properties"]
    ar = lang == "ar"
    style = {
        "fillColor": p["color"],
        "color": "#ffffff",
        "weight": 1,
        "fillOpacity": 0.85,
        "radius": p["radius"],
    }
    kind = events_layer.type_style(p["type"])[2 if ar else 1]
    place = p["name_ar"] if ar else p["name"]
    if p["kind"] == "event_group":
        rows = [[place, f"{p['count']} {word('events_here', lang)}"], *_casualties(p, lang)]
        return {"style": style, "tip": f"{place}: {p['count']}", "rows": rows}
    rows = [
        [kind, place],
        [word("date", lang), p.get("date") or word("undated", lang)],
        *_casualties(p, lang),
    ]
    row = rows_by_id.get(p["id"])
    if row:
        rows += [[word("document", lang), row.document_id], [word("evidence", lang), row.evidence]]
    return {"style": style, "tip": f"{kind} — {place}", "rows": rows}


def _casualties(p: dict, lang: str) -> list[list[str]]:
    out = []
    for key in ("killed", "injured"):
        if p.get(key):
            out.append([word(key, lang), str(p[key])])
    return out


def _place(f: dict, lang: str) -> dict:
    p = f["properties"]
    name = p["name_ar"] if lang == "ar" else p["name"]
    style = {
        "fillColor": places_layer.COLOR,
        "color": "#ffffff",
        "weight": 1,
        "fillOpacity": 0.9,
        "radius": 4,
    }
    rows = [
        [name, " · ".join(p.get("surfaces") or [])],
        [word("document", lang), ", ".join(p.get("docs") or [])],
    ]
    return {"style": style, "tip": name, "rows": rows}


# -- inlined assets, the fixed script, the title and legend panel ------------------------------------


@lru_cache(maxsize=1)
def _assets() -> str:
    """Leaflet and markercluster CSS and JS from the xstatic packages, plus our script and style."""
    from xstatic.pkg import leaflet, leaflet_markercluster

    leaflet_dir, cluster_dir = Path(leaflet.BASE_DIR), Path(leaflet_markercluster.BASE_DIR)
    css = [
        _inline_images(_read(leaflet_dir / "leaflet.css"), leaflet_dir),
        _read(cluster_dir / "MarkerCluster.css"),
        _read(cluster_dir / "MarkerCluster.Default.css"),
        _STYLE,
    ]
    scripts = [_read(leaflet_dir / "leaflet.js"), _read(cluster_dir / "leaflet.markercluster.js"), _SCRIPT]
    return "".join(f"<style>{c}</style>\n" for c in css) + "".join(f"<script>{s}</script>\n" for s in scripts)


def _read(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^//# sourceMappingURL=.*$", "", text, flags=re.M)
    if "</script" in text.lower() or "</style" in text.lower():
        raise RemoteAssetError(f"{path} cannot be inlined: it contains a closing script/style tag")
    return text


def _inline_images(css: str, folder: Path) -> str:
    def data_uri(match: re.Match) -> str:
        image = folder / match.group(1)
        if not image.is_file():
            return "none"
        return f"url(data:image/png;base64,{base64.b64encode(image.read_bytes()).decode('ascii')})"

    return re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)


_STYLE = """
.leaflet-container { background: #bfdbfe; font-family: "Noto Sans", "Noto Sans Arabic", sans-serif; }
.csto-panel { position: absolute; z-index: 1000; top: 10px; left: 60px; max-width: 340px;
  padding: 8px 12px; background: rgba(255,255,255,.92); border-radius: 6px;
  font: 12px "Noto Sans", "Noto Sans Arabic", sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.csto-panel summary { cursor: pointer; }
.csto-panel h1 { display: inline; font-size: 14px; margin: 0; }
.csto-panel h2 { font-size: 13px; margin: 8px 0 2px; }
.csto-panel .row { display: flex; align-items: center; gap: 6px; }
.csto-panel .swatch { display: inline-block; width: 14px; height: 10px; border: 1px solid #9ca3af; }
.csto-panel .swatch.circle { border-radius: 50%; width: 10px; }
.csto-panel .swatch.line { height: 0; border: 0; border-top: 3px solid; }
.csto-panel .swatch.dashed { height: 0; border: 0; border-top: 3px dashed; }
.csto-panel .source { color: #475569; font-size: 11px; margin-top: 6px; }
.csto-popup { max-width: 320px; }
.csto-popup div { margin: 2px 0; }
"""

# One fixed function binds every feature: values are inserted with textContent, never as HTML.
_SCRIPT = """
window.cstoSnapshot = {
  counts: {},
  layers: [],
  element: function (tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  },
  bind: function (feature, layer) {
    var p = feature.properties || {};
    var self = window.cstoSnapshot;
    if (p.layer) {
      self.counts[p.layer] = (self.counts[p.layer] || 0) + (p.count || 1);
      self.layers.push(layer);
    }
    if (p.tip) { layer.bindTooltip(self.element("span", p.tip), {sticky: true}); }
    if (p.rows && p.rows.length) {
      layer.bindPopup(function () {
        var box = self.element("div", null, "csto-popup");
        box.dir = document.documentElement.getAttribute("data-csto-dir") || "ltr";
        p.rows.forEach(function (row) {
          var line = self.element("div");
          line.appendChild(self.element("b", row[0]));
          line.appendChild(document.createTextNode(" " + (row[1] === null ? "" : row[1])));
          box.appendChild(line);
        });
        return box;
      });
    }
  }
};
"""


def _panel(snapshot: Snapshot) -> str:
    """Title, legend and source line; every text passes through html.escape."""
    lang = snapshot.lang
    direction = "rtl" if lang == "ar" else "ltr"
    parts = [
        f'<details class="csto-panel" dir="{direction}" lang="{lang}" open>',
        f"<summary><h1>{_isolated(html.escape(title(snapshot)))}</h1></summary>",
        *_legend(snapshot),
        f'<div class="source">{html.escape(source_line(snapshot))}</div>',
        "</details>",
        f'<script>document.documentElement.setAttribute("data-csto-dir", "{direction}");</script>',
    ]
    return "\n".join(parts)


def _isolated(escaped: str) -> str:
    """Our LTR isolates (dates) as ``<bdi dir="ltr">``, which every browser honours."""
    return escaped.replace("\u2066", '<bdi dir="ltr">').replace("\u2069", "</bdi>")


def _legend(snapshot: Snapshot) -> list[str]:
    lang, layers = snapshot.lang, snapshot.layers
    drawn_types = {f["properties"]["type"] for f in layers["events"]["features"]}
    drawn_status = {f["properties"]["status"] for f in layers["troops"]["features"]}
    sections = [
        ("membership", membership_layer.legend(), "membership" in snapshot.options.layers),
        (
            "events",
            events_layer.legend([t for t in events_layer.TYPE_STYLE if t in drawn_types]),
            bool(drawn_types),
        ),
        ("troops", [e for e in troops_layer.legend() if e.key in drawn_status], bool(drawn_status)),
        ("places", places_layer.legend(), bool(layers["places"]["features"])),
    ]
    out = []
    for key, entries, shown in sections:
        if shown:
            out.append(f"<h2>{html.escape(word(key, lang))}</h2>")
            out += [_legend_row(e, lang) for e in entries]
    return out


def _legend_row(entry, lang: str) -> str:
    color, shape = html.escape(entry.color), html.escape(entry.shape)
    style = f"background:{color};border-color:{color}"
    if entry.shape in ("line", "dashed"):
        style = f"border-top-color:{color};width:18px"
    swatch = f'<span class="swatch {shape}" style="{style}"></span>'
    return f'<div class="row">{swatch}<span>{html.escape(entry.label(lang))}</span></div>'
