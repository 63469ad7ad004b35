"""The Dash app: ``create_app()`` builds it; layout and callbacks live one module per feature."""

from __future__ import annotations

import functools
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"


def create_app(*, db_url: str | None = None, extractor=None):
    """The map app over the store at ``db_url`` (default: $CSTO_MAP_DB or the user's SQLite file)."""
    import dash

    from app.web import details, export, filters, i18n, map, share, upload
    from geo.store.db import resolve_url

    url = resolve_url(db_url)
    app = dash.Dash(
        __name__,
        assets_folder=str(ASSETS),
        serve_locally=True,
        title="CSTO map",
        update_title=None,
        suppress_callback_exceptions=False,
    )
    app.layout = functools.partial(layout, db_url=url)
    i18n.register(app)
    share.register(app)
    filters.register(app, db_url=url)
    map.register(app, db_url=url)
    details.register(app, db_url=url)
    upload.register(app, db_url=url, extractor=extractor)
    export.register(app, db_url=url)
    return app


def layout(*, db_url: str):
    """Built per page load with the default view; the URL callback then applies the query string."""
    from dash import dcc, html

    from app.web import details, export, filters, i18n, map, upload
    from app.web.state import View

    view = View()
    header = html.Div(
        [
            html.H1(i18n.label("title", view.lang)),
            i18n.label("language", view.lang),
            dcc.RadioItems(
                id="lang",
                options=[{"label": "العربية", "value": "ar"}, {"label": "English", "value": "en"}],
                value=view.lang,
                inline=True,
            ),
        ],
        className="csto-header",
    )
    sidebar = html.Div(
        [filters.layout(view, db_url=db_url), export.layout(view.lang), upload.layout(view.lang)],
        className="csto-sidebar",
    )
    aside = html.Div([details.layout(view.lang), map.legend_box()], className="csto-details")
    return html.Div(
        [
            dcc.Location(id="url", refresh=False),
            dcc.Store(id="data-version", data=0),
            dcc.Store(id="lang-applied"),
            header,
            html.Div([sidebar, map.layout(), aside], className="csto-main"),
        ],
        id="page",
        dir=i18n.direction(view.lang),
        lang=view.lang,
    )
