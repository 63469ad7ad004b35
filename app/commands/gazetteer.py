"""`csto-map gazetteer rebuild|info|geocode`: the offline gazetteer's cache and a lookup."""

from __future__ import annotations

import argparse
import json


def register(sub) -> None:
    p = sub.add_parser("gazetteer", help="rebuild or inspect the offline gazetteer index")
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    actions.add_parser("rebuild", help="build the index from the sources and cache it on disk").set_defaults(
        func=_rebuild
    )
    actions.add_parser("info", help="where the cached index lives and what it holds").set_defaults(func=_info)


def _rebuild(args: argparse.Namespace) -> int:
    from geo.gazetteer import rebuild

    path = rebuild()
    print(f"gazetteer index written to {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _info(args: argparse.Namespace) -> int:
    from geo.gazetteer import cache_path, get_index

    index = get_index()
    path = cache_path()
    print(json.dumps({"cache": str(path), "places": len(index.places), "keys": len(index.entries)}, indent=2))
    return 0
