"""The side panel: what a clicked point, flow or country stands for, with its evidence.

Article text only ever enters the page as the children of Dash components (text
nodes), never as HTML.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dash import Input, Output, State, ctx, html

from app.web import data
from app.web.filters import FILTER_INPUTS, filters_from
from app.web.i18n import label, t
from geo.layers import events
from geo.layers.common import highlight_spans, place_of_key
from geo.layers.compose import membership_day
from geo.store.api import EventRow, Filters, TroopRow

MAX_LISTED = 50


def layout(lang: str) -> html.Div:
    return html.Div(
        [html.H3(label("details", lang)), html.Div(html.P(label("details.hint", lang)), id="details-body")]
    )


def evidence_block(evidence: str, needles, lang_dir: str = "rtl") -> html.Div:
    pieces = [html.Mark(text) if marked else text for text, marked in highlight_spans(evidence, needles)]
    return html.Div(pieces, dir=lang_dir, lang="ar", className="csto-evidence")


def _place_needles(store, row: EventRow) -> list[str]:
    needles = [row.place_name_ar or "", row.place_name or ""]
    for p in store.places(Filters(documents=(row.document_id,))):
        if (row.geonameid and p.geonameid == row.geonameid) or p.name_ar == row.place_name_ar:
            needles.extend(p.surfaces)
    return needles


def _source(store, doc_id: str, lang: str) -> html.Div:
    doc = next((d for d in store.documents() if d.id == doc_id), None)
    if doc is None:
        return html.Div(doc_id)
    return html.Div(
        [
            html.H4(t("source", lang)),
            html.Div(
                [
                    html.Strong(doc.title, dir="rtl"),
                    html.Br(),
                    _ltr(doc.id),
                    f" · {doc.published or '?'}",
                    html.Br() if doc.source else None,
                    _ltr(doc.source) if doc.source else None,
                ]
            ),
            html.Details(
                [
                    html.Summary(t("full_text", lang)),
                    html.Div(store.document_text(doc.id), dir="rtl", className="csto-fulltext"),
                ]
            ),
        ]
    )


def _ltr(text: str) -> html.Span:
    """File names, ids and paths keep their left-to-right order inside the Arabic panel."""
    return html.Span(text, dir="ltr", className="csto-ltr")


def _type_label(event_type: str, lang: str) -> str:
    _color, en, ar = events.type_style(event_type)
    return ar if lang == "ar" else en


def _numbers(row: EventRow, lang: str) -> str:
    parts = []
    if row.killed is not None:
        parts.append(f"{row.killed} {t('killed', lang)}")
    if row.injured is not None:
        parts.append(f"{row.injured} {t('injured', lang)}")
    return " · ".join(parts) or "—"


def _place(row: EventRow, lang: str) -> str:
    return (
        (row.place_name_ar if lang == "ar" else row.place_name) or row.place_name or row.place_name_ar or "—"
    )


def _claims_table(rows: list[EventRow], lang: str) -> html.Table:
    head = html.Tr(
        [
            html.Th(t("document", lang)),
            html.Th(t("date", lang)),
            html.Th(t("killed", lang)),
            html.Th(t("injured", lang)),
        ]
    )
    body = []
    for r in rows:
        body.append(
            html.Tr(
                [
                    html.Td(_ltr(r.document_id)),
                    html.Td(r.date or t("undated", lang)),
                    html.Td(_num(r.killed)),
                    html.Td(_num(r.injured)),
                ],
                className="csto-claim",
            )
        )
        body.append(html.Tr(html.Td(r.evidence, colSpan=4, dir="rtl"), className="csto-claim-evidence"))
    return html.Table([head, *body], className="csto-claims")


def _num(value) -> str:
    return "—" if value is None else str(value)


def event_details(store, props: dict, lang: str) -> list:
    candidates = store.events(Filters(types=(props["type"],)))
    row = next((r for r in candidates if r.id == props["id"]), None)
    if row is None:
        return [html.P(t("nothing", lang))]
    claims = events.claims_about(row, candidates)
    return [
        html.H4(_type_label(row.type, lang), id="details-title"),
        html.Dl(
            [
                html.Dt(t("date", lang)),
                html.Dd(row.date or t("undated", lang)),
                html.Dt(t("place", lang)),
                html.Dd(_place(row, lang)),
                html.Dt(t("numbers", lang)),
                html.Dd(_numbers(row, lang)),
            ]
        ),
        html.H4(t("evidence", lang)),
        evidence_block(row.evidence, _place_needles(store, row)),
        html.H4(t("claims", lang)),
        _claims_table(claims, lang),
        _source(store, row.document_id, lang),
    ]


def group_details(store, props: dict, filters: Filters, lang: str) -> list:
    where = place_of_key(props["id"])
    rows = events.at_place(props["id"], store.events_at(filters, **where) if where else store.events(filters))
    name = props.get("name_ar") if lang == "ar" else props.get("name")
    return [
        html.H4(name or "—", id="details-title"),
        html.P(f"{t('events_here', lang)}: {len(rows)}"),
        html.P(" · ".join(f"{_type_label(k, lang)}: {n}" for k, n in (props.get("types") or {}).items())),
        _claims_table(rows[:MAX_LISTED], lang),
    ]


def troop_details(store, props: dict, filters: Filters, lang: str) -> list:
    wanted = set(props.get("ids") or ())
    rows = [
        r for r in store.troops(replace(filters, types=(), countries=(props["country"],))) if r.id in wanted
    ]
    name = props.get("name_ar") if lang == "ar" else props.get("name")
    return [
        html.H4(
            f"{name} · {props.get('label_ar') if lang == 'ar' else props.get('label')}", id="details-title"
        ),
        html.Table([_troop_row(r, lang) for r in rows], className="csto-claims"),
        *(_source(store, doc, lang) for doc in sorted({r.document_id for r in rows})),
    ]


def _troop_row(row: TroopRow, lang: str) -> html.Tr:
    figure = "?" if row.count is None else f"{'~' if row.approx else ''}{row.count:,}"
    return html.Tr(
        [
            html.Td(_ltr(row.document_id)),
            html.Td(row.date or t("undated", lang)),
            html.Td(figure),
            html.Td(evidence_block(row.evidence, ())),
        ],
        className="csto-claim",
    )


def country_details(store, props: dict, filters: Filters, lang: str) -> list:
    from geo.membership import status_on

    iso2 = props["id"]
    day: date = membership_day(filters)
    name = props.get("name_ar") if lang == "ar" else props.get("name")
    n_events = len(store.events(replace(filters, countries=(iso2,))))
    n_troops = len(store.troops(replace(filters, types=(), countries=(iso2,))))
    return [
        html.H4(name or iso2, id="details-title"),
        html.Dl(
            [
                html.Dt(t("status", lang)),
                html.Dd(f"{t('status.' + status_on(iso2, day), lang)} ({day})"),
                html.Dt(t("events_here", lang)),
                html.Dd(str(n_events)),
                html.Dt(t("count", lang)),
                html.Dd(str(n_troops)),
            ]
        ),
    ]


def place_details(props: dict, lang: str) -> list:
    name = props.get("name_ar") if lang == "ar" else props.get("name")
    return [
        html.H4(name or "—", id="details-title"),
        html.Dl(
            [
                html.Dt(t("surfaces", lang)),
                html.Dd(" · ".join(props.get("surfaces") or ()), dir="rtl"),
                html.Dt(t("documents", lang)),
                html.Dd(_ltr(", ".join(props.get("docs") or ()))),
            ]
        ),
    ]


def register(app, *, db_url: str) -> None:
    @app.callback(
        Output("details-body", "children"),
        Input("map-events", "clickData"),
        Input("map-troops", "clickData"),
        Input("map-membership", "clickData"),
        Input("map-places", "clickData"),
        State("lang", "value"),
        *(State(i.component_id, i.component_property) for i in FILTER_INPUTS),
        prevent_initial_call=True,
    )
    def show(ev, flow, country, place, lang, value, countries, types, documents):
        clicked = {"map-events": ev, "map-troops": flow, "map-membership": country, "map-places": place}
        props = ((clicked.get(ctx.triggered_id) or {}).get("properties")) or {}
        filters = filters_from(value, countries, types, documents)
        store = data.store_for(db_url)
        kind = props.get("kind")
        if kind == "event":
            return event_details(store, props, lang)
        if kind == "event_group":
            return group_details(store, props, filters, lang)
        if kind == "troops":
            return troop_details(store, props, filters, lang)
        if kind == "country":
            return country_details(store, props, filters, lang)
        if kind == "place":
            return place_details(props, lang)
        return [html.P(t("details.hint", lang))]
