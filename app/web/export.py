"""The export menu: the current view (filters, visible layers, language, extent) as a file to
download. Images and HTML show the map's current extent; the data formats hold what the filters
select, wherever it lies.

The files are written by the same writers as ``csto-map export`` (geo.store.export) and named
by geo.snapshots.naming, so a download and a command-line export of one view are the same.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from dash import Input, Output, State, dcc, html

from app.web import data
from app.web.filters import filters_from

CHOICES = (
    ("png", "PNG"),
    ("svg", "SVG"),
    ("pdf", "PDF"),
    ("html", "HTML"),
    ("geojson", "GeoJSON"),
    ("csv", "CSV"),
    ("gpkg", "GeoPackage"),
)
LABELS = {"title": ("Export this view", "تصدير هذا العرض"), "go": ("Download", "تنزيل")}
FILTER_STATES = (
    State("filter-dates", "value"),
    State("filter-countries", "value"),
    State("filter-types", "value"),
    State("filter-documents", "value"),
)
# the map's extent as Leaflet reports it (bounds once the map has moved; center and zoom always)
VIEW_STATES = (State("map", "bounds"), State("map", "center"), State("map", "zoom"))


def _t(key: str, lang: str) -> str:
    en, ar = LABELS[key]
    return ar if lang == "ar" else en


def layout(lang: str) -> html.Div:
    return html.Div(
        [
            html.H3(_t("title", lang), id="export-title"),
            dcc.Dropdown(
                id="export-format",
                options=[{"label": label, "value": value} for value, label in CHOICES],
                value="png",
                clearable=False,
                searchable=False,
            ),
            html.Button(_t("go", lang), id="export-go", n_clicks=0),
            dcc.Download(id="export-download"),
        ],
        className="csto-export",
    )


def snapshot_file(store, filters, fmt: str, *, lang: str = "ar", layers=None, bbox=None) -> tuple[str, bytes]:
    """``(file name, content)`` of the view exported as ``fmt``; ``bbox`` (W, S, E, N) is the
    extent of images and HTML (None: the default view)."""
    from geo.snapshots.naming import snapshot_name
    from geo.store.export import export

    name = snapshot_name(filters, fmt, lang=lang if fmt in ("png", "svg", "pdf", "html") else None)
    opts = {"lang": lang}
    if layers is not None:
        opts["layers"] = tuple(layers)
    if bbox is not None:
        opts["bbox"] = tuple(bbox)
    with tempfile.TemporaryDirectory(prefix="csto-export-") as folder:
        path = Path(folder) / name
        export(store, filters, path, fmt=fmt, **opts)
        return name, path.read_bytes()


def register(app, *, db_url: str) -> None:
    @app.callback(
        Output("export-download", "data"),
        Input("export-go", "n_clicks"),
        *FILTER_STATES,
        State("map-layers", "value"),
        State("lang", "value"),
        State("export-format", "value"),
        *VIEW_STATES,
        prevent_initial_call=True,
    )
    def download(_clicks, value, countries, types, documents, visible, lang, fmt, bounds, center, zoom):
        from geo.snapshots.common import bbox_from_view

        filters = filters_from(value, countries, types, documents)
        bbox = bbox_from_view(bounds=bounds, center=center, zoom=zoom)
        store = data.store_for(db_url)
        name, content = snapshot_file(store, filters, fmt, lang=lang, layers=visible or (), bbox=bbox)
        return dcc.send_bytes(content, name)

    @app.callback(Output("export-title", "children"), Output("export-go", "children"), Input("lang", "value"))
    def relabel(lang):
        return _t("title", lang), _t("go", lang)
