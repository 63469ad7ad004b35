"""Ingest with extraction in worker processes stores exactly what a single process stores."""

from __future__ import annotations

import json

from geo.store.db import open_store
from geo.store.ingest import PARALLEL_BATCH, ingest_paths

ARTICLE = "أرسلت روسيا 300 جندي إلى كازاخستان بعد احتجاجات في ألماتي يوم {i} يناير 2022."


def _batch(path, n):
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"d{i}", "text": ARTICLE.format(i=i % 28 + 1) + f" ({i})"}, ensure_ascii=False))
            fh.write("\n")
        fh.write("[1, 2]\n")  # a line that is not an object: named, and the rest goes on
        fh.write(json.dumps({"id": "empty", "text": "   "}) + "\n")


def _counts(url, path, jobs):
    problems = []
    with open_store(url) as store:
        summary = ingest_paths(store, [path], jobs=jobs, on_problem=problems.append)
        return store.counts(), summary, problems


def test_parallel_ingest_equals_serial_ingest(tmp_path):
    path = tmp_path / "batch.jsonl"
    _batch(path, PARALLEL_BATCH + 6)
    serial = _counts(f"sqlite:///{tmp_path / 'one.sqlite'}", path, jobs=1)
    parallel = _counts(f"sqlite:///{tmp_path / 'two.sqlite'}", path, jobs=2)
    assert serial[0] == parallel[0]
    assert serial[0]["documents"] == PARALLEL_BATCH + 6
    assert parallel[1].failed == serial[1].failed == 2
    assert [str(p) for p in parallel[2]] == [str(p) for p in serial[2]]


def test_parallel_ingest_twice_stores_nothing_new(tmp_path):
    path = tmp_path / "batch.jsonl"
    _batch(path, PARALLEL_BATCH + 1)
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    first = _counts(url, path, jobs=2)
    again = _counts(url, path, jobs=2)
    assert again[0] == first[0]
    assert again[1].unchanged == PARALLEL_BATCH + 1 and again[1].new == 0
