"""`csto-map ingest PATH ...`: extract articles and keep them in the store."""

from __future__ import annotations

import os
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="extract articles (text files, JSON Lines, folders of them) into the store",
        description="Each .txt file is one article (its file name is its id); each line of a .jsonl "
        'file is {"id", "text", "published"}; folders are searched for both. The same text is '
        "stored once; a changed text under a known id becomes a new version.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the text files")
    parser.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        metavar="N",
        help="extract in N worker processes while one writes (default: %(default)s; 1 = no workers). "
        "Batches under 64 articles stay in one process.",
    )
    parser.set_defaults(func=run)


def run(args) -> int:
    from geo.store.db import open_store
    from geo.store.ingest import ingest_paths

    def problem(p) -> None:
        print(f"csto-map ingest: {p}", file=sys.stderr)

    def note(message: str) -> None:
        print(f"csto-map ingest: note: {message}", file=sys.stderr)

    with open_store(args.db) as store:
        summary = ingest_paths(
            store,
            args.paths,
            published=args.published,
            on_problem=problem,
            on_note=note,
            progress=sys.stderr.isatty(),
            jobs=args.jobs,
        )
    print(summary)
    return 1 if summary.failed else 0
