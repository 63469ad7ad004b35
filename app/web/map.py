"""The map: base polygons, the four data layers, the legend, the optional online tiles.

Filters change the layers' ``data`` (and language their ``hideout``); the map itself is
never rebuilt, so zoom and position survive every change.
"""

from __future__ import annotations

import dash_leaflet as dl
from dash import Input, Output, State, ctx, dcc, html, no_update
from flask import Response

from app.web import data
from app.web.filters import FILTER_INPUTS, filters_from
from app.web.i18n import STRINGS, label, t
from app.web.state import DEFAULT_CENTER, DEFAULT_ZOOM
from geo.layers import events, membership, places, troops
from geo.layers.common import empty
from geo.layers.compose import LAYERS, layer_data
from geo.model import EVENT_TYPES

UNRELATED_TO_MEMBERSHIP = ("filter-countries", "filter-types", "filter-documents")
BASE_URL = "/csto-map/base.geojson"
TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILES_ATTRIBUTION = "© OpenStreetMap contributors"


def _var(name: str) -> dict:
    return {"variable": f"cstoMap.{name}"}


def layout() -> html.Div:
    layers = [
        dl.GeoJSON(id="map-base", url=BASE_URL, style=_var("baseStyle"), interactive=False),
        dl.LayerGroup(id="map-tiles"),
        dl.GeoJSON(
            id="map-membership", data=empty(), style=_var("countryStyle"), onEachFeature=_var("nameTip")
        ),
        dl.GeoJSON(id="map-troops", data=empty(), style=_var("flowStyle"), onEachFeature=_var("flowTip")),
        dl.GeoJSON(
            id="map-places", data=empty(), pointToLayer=_var("placePoint"), onEachFeature=_var("nameTip")
        ),
        dl.GeoJSON(
            id="map-events",
            data=empty(),
            pointToLayer=_var("eventPoint"),
            onEachFeature=_var("eventTip"),
            cluster=True,
            zoomToBoundsOnClick=True,
            superClusterOptions={"radius": 40, "maxZoom": 8},
        ),
    ]
    leaflet = dl.Map(
        id="map",
        center=list(DEFAULT_CENTER),
        zoom=DEFAULT_ZOOM,
        minZoom=2,
        children=layers,
        style={"height": "100%", "width": "100%", "background": "#bfdbfe"},
    )
    # Leaflet's controls and panes assume left-to-right; the page around it may be RTL
    return html.Div(
        [
            html.Div(leaflet, dir="ltr", style={"height": "100%"}),
            dcc.Store(id="map-present"),
        ],
        className="csto-mapbox",
    )


def legend_box() -> html.Details:
    """The legend, placed beside the map (not over it) so it hides nothing."""
    return html.Details(id="map-legend", className="csto-legend", open=True)


def hideout(lang: str) -> dict:
    words = {k: t(k, lang) for k in STRINGS if k.startswith("status.") or k in ("killed", "injured")}
    types = {k: (ar if lang == "ar" else en) for k, (_c, en, ar) in events.TYPE_STYLE.items()}
    return {"lang": lang, "words": words, "types": types}


def legend(visible, lang: str, event_types=None) -> list:
    """Legend of the visible layers; event types limited to those on the map when known."""
    parts = [html.Summary(t("legend", lang))]
    sections = {
        "membership": membership.legend(),
        "events": events.legend([k for k in EVENT_TYPES if k in event_types] if event_types else EVENT_TYPES),
        "troops": troops.legend(),
        "places": places.legend(),
    }
    for name in LAYERS:
        if name in (visible or ()):
            parts.append(html.H4(t(f"layer.{name}", lang)))
            parts.append(
                html.Div([_legend_row(entry, lang) for entry in sections[name]], className="csto-legend-rows")
            )
    return parts


def _legend_row(entry, lang: str) -> html.Div:
    style = {"background": entry.color, "borderColor": entry.color}
    return html.Div([html.Span(className=f"csto-swatch {entry.shape}", style=style), entry.label(lang)])


def summary(layers: dict, lang: str) -> str:
    ev = layers["events"]
    located = sum(f["properties"].get("count", 1) for f in ev["features"])
    unlocated = ev.get("unlocated", 0)
    return [
        html.Span(f"{located} ", id="map-count-shown"),
        label("summary.shown", lang),
        f" · {unlocated} ",
        label("summary.unlocated", lang),
    ]


def register(app, *, db_url: str) -> None:
    @app.server.route(BASE_URL)
    def base_geojson():
        return Response(
            data.base_layer_bytes(),
            mimetype="application/geo+json",
            headers={"Cache-Control": "max-age=3600"},
        )

    @app.callback(
        *(Output(f"map-{name}", "data") for name in LAYERS),
        Output("map-summary", "children"),
        Output("map-present", "data"),
        *FILTER_INPUTS,
        Input("map-layers", "value"),
        Input("data-version", "data"),
        State("lang", "value"),
    )
    def update_layers(value, countries, types, documents, visible, _version, lang):
        filters = filters_from(value, countries, types, documents)
        wanted = set(visible or ())
        if ctx.triggered_id in UNRELATED_TO_MEMBERSHIP:
            wanted.discard("membership")  # its colours depend only on the end date: keep what is drawn
        layers = layer_data(data.store_for(db_url), filters, reference=data.reference(), layers=wanted)
        present = sorted({f["properties"]["type"] for f in layers["events"]["features"]})
        kept = set(visible or ()) - wanted
        shown = [no_update if name in kept else layers[name] for name in LAYERS]
        return *shown, summary(layers, lang), {"types": present}

    @app.callback(
        *(Output(f"map-{name}", "hideout") for name in LAYERS),
        Output("map-legend", "children"),
        Input("lang", "value"),
        Input("map-layers", "value"),
        Input("map-present", "data"),
    )
    def update_language(lang, visible, present):
        return *(hideout(lang) for _ in LAYERS), legend(visible, lang, (present or {}).get("types"))

    @app.callback(Output("map-tiles", "children"), Input("map-tiles-on", "value"))
    def toggle_tiles(on):
        return [dl.TileLayer(url=TILES_URL, attribution=TILES_ATTRIBUTION, opacity=0.7)] if on else []
