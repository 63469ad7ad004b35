"""`csto-map stats`: how much the store holds."""

from __future__ import annotations

import json


def register(subparsers) -> None:
    parser = subparsers.add_parser("stats", help="count documents, places, events and troop contributions")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.store.db import open_store

    with open_store(args.db) as store:
        counts = store.counts()
    if args.json:
        print(json.dumps(counts))
    else:
        for name, n in counts.items():
            print(f"{name:<10} {n}")
    return 0
