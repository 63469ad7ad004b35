"""Adding an article: paste or upload text, pick the publication date, preview, add to the store.

The uploaded bytes are decoded in memory and handed to the store; nothing is written
to a file path named by the user.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date

from dash import Input, Output, State, dcc, html, no_update

from app.web import data
from app.web.i18n import label, t
from geo.errors import CstoMapError, InputError

MAX_BYTES = 200_000


def read_upload(contents: str, filename: str | None) -> str:
    """A dcc.Upload data URL → text; InputError naming the file when too large or not UTF-8."""
    name = filename or "the file"
    try:
        raw = base64.b64decode(contents.split(",", 1)[1], validate=True)
    except (IndexError, binascii.Error) as exc:
        raise InputError(f"{name}: the upload arrived damaged; please choose the file again") from exc
    if len(raw) > MAX_BYTES:
        raise InputError(
            f"{name}: {len(raw):,} bytes is larger than the {MAX_BYTES // 1000} kB limit; "
            "split the article or paste the part that matters"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not UTF-8 text (byte {exc.start} cannot be decoded); "
            "save it as UTF-8 plain text and upload again"
        ) from exc


def check_text(text: str | None) -> str:
    text = (text or "").strip()
    if not text:
        raise InputError("the article is empty: paste its text or choose a .txt file")
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        raise InputError(f"the article is {size:,} bytes, larger than the {MAX_BYTES // 1000} kB limit")
    return text


def check_published(value: str | None) -> str | None:
    """The publication date as YYYY-MM-DD, or None when left empty."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InputError(f"publication date {value!r} is not a date like 2022-01-07") from exc


def document_id(text: str) -> str:
    from geo.store.ingest import content_hash

    return "upload-" + content_hash(text)[:12]


def layout(lang: str) -> html.Details:
    return html.Details(
        [
            html.Summary(label("add", lang)),
            html.P(label("add.paste", lang)),
            dcc.Textarea(id="upload-text", className="csto-paste", dir="rtl"),
            dcc.Upload(
                id="upload-file", children=html.Button(label("add.upload", lang)), accept=".txt,text/plain"
            ),
            html.Div(
                [
                    label("add.published", lang),
                    " ",
                    dcc.Input(
                        id="upload-published", type="text", placeholder="YYYY-MM-DD", maxLength=10, size="12"
                    ),
                ]
            ),
            html.Button(label("add.preview", lang), id="upload-preview-button"),
            html.Button(label("add.store", lang), id="upload-add-button"),
            html.Div(id="upload-message"),
            html.Div(id="upload-preview"),
        ]
    )


def _error(message: str) -> html.Div:
    return html.Div(message, className="csto-error", role="alert")


def preview(extraction, lang: str) -> list:
    items = [
        html.Li(
            f"{e.type} · {e.date or t('undated', lang)} · "
            f"{(e.place.name_ar if lang == 'ar' else e.place.name) if e.place else '—'}",
            dir="auto",
        )
        for e in extraction.events
    ]
    items += [
        html.Li(f"{c.country or '—'} · {c.count if c.count is not None else '?'} · {c.status}")
        for c in extraction.troops
    ]
    places = ", ".join((p.place.name_ar if lang == "ar" else p.place.name) for p in extraction.places)
    return [
        html.P(f"{len(extraction.events)} / {len(extraction.troops)} / {len(extraction.places)}"),
        html.Ul(items),
        html.P(places, dir="auto"),
    ]


def register(app, *, db_url: str, extractor=None) -> None:
    @app.callback(
        Output("upload-text", "value"),
        Output("upload-message", "children", allow_duplicate=True),
        Input("upload-file", "contents"),
        State("upload-file", "filename"),
        prevent_initial_call=True,
    )
    def load_file(contents, filename):
        try:
            return read_upload(contents or "", filename), None
        except InputError as exc:
            return no_update, _error(str(exc))

    @app.callback(
        Output("upload-preview", "children"),
        Input("upload-preview-button", "n_clicks"),
        State("upload-text", "value"),
        State("upload-published", "value"),
        State("lang", "value"),
        prevent_initial_call=True,
    )
    def show_preview(_n, text, published, lang):
        from geo.extract import extract

        try:
            body = check_text(text)
            run = extractor or extract
            return preview(run(body, doc_id=document_id(body), published=check_published(published)), lang)
        except CstoMapError as exc:
            return _error(str(exc))

    @app.callback(
        Output("upload-message", "children"),
        Output("data-version", "data"),
        Input("upload-add-button", "n_clicks"),
        State("upload-text", "value"),
        State("upload-published", "value"),
        State("upload-file", "filename"),
        State("data-version", "data"),
        prevent_initial_call=True,
    )
    def add(_n, text, published, filename, version):
        from geo.store.ingest import ingest_text

        try:
            body = check_text(text)
            result = ingest_text(
                data.store_for(db_url),
                body,
                doc_id=document_id(body),
                published=check_published(published),
                source=f"upload:{filename}" if filename else "upload:pasted",
                extractor=extractor,
            )
        except CstoMapError as exc:
            return _error(str(exc)), no_update
        message = (
            f"{result.doc_id} ({result.status}): {result.events} events, {result.troops} troops, "
            f"{result.places} places"
        )
        return html.Div(message, className="csto-ok", id="upload-done"), (version or 0) + 1
