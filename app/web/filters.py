"""The filter sidebar: date range with a per-day histogram and quick ranges, countries,
event types, source articles, layer toggles."""

from __future__ import annotations

from datetime import date, timedelta

from dash import Input, Output, State, dcc, html

from app.web import data
from app.web.i18n import label, t
from app.web.state import JANUARY_2022, TREATY_START
from geo.layers import events
from geo.layers.common import histogram_bins
from geo.layers.compose import LAYERS
from geo.model import EVENT_TYPES
from geo.store.api import Filters

FILTER_INPUTS = (
    Input("filter-dates", "value"),
    Input("filter-countries", "value"),
    Input("filter-types", "value"),
    Input("filter-documents", "value"),
)
ZOOMED_SPAN_DAYS = 92


def filters_from(value, countries, types, documents) -> Filters:
    low, high = value or (None, None)
    return Filters(
        date_from=date.fromordinal(int(low)) if low is not None else None,
        date_to=date.fromordinal(int(high)) if high is not None else None,
        countries=tuple(countries or ()),
        types=tuple(types or ()),
        documents=tuple(documents or ()),
    )


def domain_for(date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """The slider's span: a few weeks around a short selection, else the whole history."""
    whole = (TREATY_START, max(date.today(), date(2022, 12, 31)))
    if date_from and date_to and (date_to - date_from).days <= ZOOMED_SPAN_DAYS:
        return date_from - timedelta(days=20), date_to + timedelta(days=10)
    return whole


def slider_props(date_from: date | None, date_to: date | None) -> tuple[int, int, list[int], dict]:
    """(min, max, value, marks) of the date slider for a selection."""
    low, high = domain_for(date_from, date_to)
    value = [(date_from or low).toordinal(), (date_to or high).toordinal()]
    return low.toordinal(), high.toordinal(), value, _marks(low, high)


def _marks(low: date, high: date) -> dict:
    if (high - low).days <= 400:
        days = [
            low + timedelta(days=i)
            for i in range(0, (high - low).days + 1)
            if (low + timedelta(days=i)).day in (1, 15)
        ]
        return {d.toordinal(): d.strftime("%d/%m") for d in days}
    years = range(low.year - low.year % 5 + 5, high.year + 1, 5)
    return {date(y, 1, 1).toordinal(): str(y) for y in years}


def country_options(lang: str) -> list[dict]:
    names = data.reference().names
    order = sorted(names.items(), key=lambda kv: kv[1][1] if lang == "ar" else kv[1][0])
    return [
        {"label": f"{ar} — {en}" if lang == "ar" else f"{en} — {ar}", "value": iso2}
        for iso2, (en, ar) in order
    ]


def type_options(lang: str) -> list[dict]:
    return [
        {"label": (s[2] if lang == "ar" else s[1]), "value": k}
        for k, s in ((k, events.type_style(k)) for k in EVENT_TYPES)
    ]


def layer_options(lang: str) -> list[dict]:
    return [{"label": t(f"layer.{name}", lang), "value": name} for name in LAYERS]


def document_options(db_url: str) -> list[dict]:
    docs = data.store_for(db_url).documents()
    return [{"label": f"{d.published or '?'} · {d.title[:60]}", "value": d.id} for d in docs]


def layout(view, *, db_url: str) -> html.Div:
    low, high, value, marks = slider_props(view.date_from, view.date_to)
    return html.Div(
        [
            html.H3(label("dates", view.lang)),
            html.Div(id="filter-histogram", className="csto-hist"),
            dcc.RangeSlider(
                id="filter-dates",
                min=low,
                max=high,
                value=value,
                marks=marks,
                step=1,
                allowCross=False,
                updatemode="mouseup",
                allow_direct_input=False,
            ),
            html.Div(id="filter-range-text", className="csto-range-text"),
            html.Div(
                [
                    html.Button(label("quick.jan2022", view.lang), id="filter-quick-jan2022"),
                    html.Button(label("quick.all", view.lang), id="filter-quick-all"),
                ],
                className="csto-quick",
            ),
            html.H3(label("countries", view.lang)),
            dcc.Dropdown(
                id="filter-countries",
                options=country_options(view.lang),
                value=list(view.countries),
                multi=True,
            ),
            html.H3(label("types", view.lang)),
            dcc.Dropdown(
                id="filter-types", options=type_options(view.lang), value=list(view.types), multi=True
            ),
            html.H3(label("documents", view.lang)),
            dcc.Dropdown(
                id="filter-documents",
                options=document_options(db_url),
                value=list(view.documents),
                multi=True,
            ),
            html.H3(label("layers", view.lang)),
            dcc.Checklist(id="map-layers", options=layer_options(view.lang), value=list(view.layers)),
            dcc.Checklist(
                id="map-tiles-on",
                options=[{"label": t("layer.tiles", view.lang), "value": "on"}],
                value=["on"] if view.tiles else [],
            ),
            html.Div(id="map-summary", className="csto-summary"),
        ]
    )


def histogram(day_counts: dict[date, int], low: date, high: date, selected: tuple[date, date]) -> list:
    bins = histogram_bins(day_counts, start=low, end=high, max_bins=80)
    peak = max((b.count for b in bins), default=0) or 1
    return [
        html.Div(
            title=f"{b.start.isoformat()}…{b.end.isoformat()}: {b.count}",
            className="in" if b.end >= selected[0] and b.start <= selected[1] else "",
            style={"height": f"{100 * b.count / peak:.0f}%"},
        )
        for b in bins
    ]


def register(app, *, db_url: str) -> None:
    @app.callback(
        Output("filter-dates", "min", allow_duplicate=True),
        Output("filter-dates", "max", allow_duplicate=True),
        Output("filter-dates", "value", allow_duplicate=True),
        Output("filter-dates", "marks", allow_duplicate=True),
        Input("filter-quick-jan2022", "n_clicks"),
        Input("filter-quick-all", "n_clicks"),
        prevent_initial_call=True,
    )
    def quick_range(_jan, _all):
        from dash import ctx

        if ctx.triggered_id == "filter-quick-jan2022":
            return slider_props(*JANUARY_2022)
        return slider_props(None, None)

    @app.callback(
        Output("filter-histogram", "children"),
        Output("filter-range-text", "children"),
        *FILTER_INPUTS,
        Input("data-version", "data"),
        State("filter-dates", "min"),
        State("filter-dates", "max"),
    )
    def update_histogram(value, countries, types, documents, _version, low, high):
        filters = filters_from(None, countries, types, documents)
        counts = {date.fromisoformat(d): n for d, n in data.store_for(db_url).event_day_histogram(filters)}
        chosen = filters_from(value, (), (), ())
        low_d, high_d = date.fromordinal(low), date.fromordinal(high)
        text = f"{chosen.date_from.isoformat()} → {chosen.date_to.isoformat()}"
        # dates read left to right in both languages; in RTL the arrow would point backwards
        return histogram(counts, low_d, high_d, (chosen.date_from, chosen.date_to)), html.Span(
            text, dir="ltr"
        )

    @app.callback(
        Output("filter-countries", "options"),
        Output("filter-types", "options"),
        Output("map-layers", "options"),
        Output("map-tiles-on", "options"),
        Input("lang", "value"),
    )
    def translate_options(lang):
        tiles = [{"label": t("layer.tiles", lang), "value": "on"}]
        return country_options(lang), type_options(lang), layer_options(lang), tiles

    @app.callback(
        Output("filter-documents", "options"), Input("data-version", "data"), prevent_initial_call=True
    )
    def refresh_documents(_version):
        return document_options(db_url)
