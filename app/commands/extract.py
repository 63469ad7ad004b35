"""`csto-map extract`: articles in, one JSON object per article out (shared/eval/EXTRACTION.md)."""

from __future__ import annotations

import argparse
import json
import sys

from geo.articles import InputProblem, check_published, read_jsonl, read_text_file


def register(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="extract places, events and troop contributions as JSON Lines",
        description="Read Arabic articles and print one JSON object per article (JSON Lines).",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="UTF-8 text files, one article each; - or none: stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for the text files")
    p.add_argument("--jsonl", action="store_true", help='input lines are {"id", "text", "published"} objects')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    published = check_published(args.published, "--published")
    if isinstance(published, InputProblem):
        print(f"csto-map extract: {published}", file=sys.stderr)
        return 2
    from geo.extract import Extractor

    extractor = Extractor()
    failures = 0
    for item in _articles(args.files or ["-"], args.jsonl, published):
        if isinstance(item, InputProblem):
            failures += 1
            print(f"csto-map extract: {item}", file=sys.stderr)
            continue
        result = extractor.extract(item.text, doc_id=item.id, published=item.published)
        for warning in result.warnings:
            print(f"csto-map extract: {item.id}: {warning}", file=sys.stderr)
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    return 1 if failures else 0


def _articles(files, jsonl: bool, published):
    for path in files:
        if jsonl:
            yield from read_jsonl(path)
        else:
            yield read_text_file(path, published)
