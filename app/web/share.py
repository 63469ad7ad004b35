"""Shareable views: the URL's query string sets the view on load and follows every change."""

from __future__ import annotations

from dash import Input, Output, State

from app.web.filters import FILTER_INPUTS, filters_from, slider_props
from app.web.state import View, decode, encode


def view_from(value, countries, types, documents, layers, tiles, lang, center, zoom) -> View:
    f = filters_from(value, countries, types, documents)
    lat, lon = _center(center)
    return View(
        date_from=f.date_from,
        date_to=f.date_to,
        countries=f.countries,
        types=f.types,
        documents=f.documents,
        layers=tuple(layers or ()),
        tiles=bool(tiles),
        lang=lang,
        lat=round(lat, 4),
        lon=round(lon, 4),
        zoom=float(zoom) if zoom is not None else View().zoom,
    )


def _center(center) -> tuple[float, float]:
    if isinstance(center, dict):
        return float(center["lat"]), float(center["lng"])
    if center:
        return float(center[0]), float(center[1])
    return View().lat, View().lon


def register(app) -> None:
    @app.callback(
        Output("filter-dates", "min"),
        Output("filter-dates", "max"),
        Output("filter-dates", "value"),
        Output("filter-dates", "marks"),
        Output("filter-countries", "value"),
        Output("filter-types", "value"),
        Output("filter-documents", "value"),
        Output("map-layers", "value"),
        Output("map-tiles-on", "value"),
        Output("lang", "value"),
        Output("map", "viewport"),
        Input("url", "pathname"),
        State("url", "search"),
    )
    def restore(_path, search):
        view = decode(search)
        viewport = {"center": [view.lat, view.lon], "zoom": view.zoom, "transition": "setView"}
        return (
            *slider_props(view.date_from, view.date_to),
            list(view.countries),
            list(view.types),
            list(view.documents),
            list(view.layers),
            ["on"] if view.tiles else [],
            view.lang,
            viewport,
        )

    @app.callback(
        Output("url", "search"),
        *FILTER_INPUTS,
        Input("map-layers", "value"),
        Input("map-tiles-on", "value"),
        Input("lang", "value"),
        Input("map", "center"),
        Input("map", "zoom"),
        prevent_initial_call=True,
    )
    def remember(*values):
        return encode(view_from(*values))
