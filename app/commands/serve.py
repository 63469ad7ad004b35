"""`csto-map serve`: the interactive map in a browser, served from this machine."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="open the interactive map (Dash) on http://127.0.0.1:8050",
        description="Serve the map over the store. An empty store is first filled with the seed "
        "articles. Binds to 127.0.0.1 unless --host says otherwise; works without internet.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default: 8050)")
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (reloads on code changes)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from app.web import create_app
    from geo.settings import REPO_ROOT
    from geo.store.db import open_store, resolve_url
    from geo.store.ingest import ensure_seeded

    url = resolve_url(args.db)
    with open_store(url) as store:
        summary = ensure_seeded(store, REPO_ROOT / "seeds")
    if summary is not None:
        print(f"csto-map serve: empty store, added the seed articles: {summary}", file=sys.stderr)
    print(f"csto-map serve: http://{args.host}:{args.port}/", file=sys.stderr)
    create_app(db_url=url).run(host=args.host, port=args.port, debug=args.debug)
    return 0
