"""How many articles per second the date and number finders get through on one core.

Runs find_dates (with a default year), then find_numbers excluding the date spans, and
infer_published, over the seed articles repeated; prints ms per article, articles/s and
kB/s for each stage and for the three together (best of ``--repeats`` timed passes, so
other work on the machine shows less). The three together run in the extractor's order:
infer_published, find_dates, find_numbers on the same text. ``--cpu`` times with the
process's CPU time instead of the wall clock (steadier when other processes share the
core). Usage:

    PYTHONPATH=. .venv/bin/python benchmarks/bench_dates_numbers.py [--rounds N] [--repeats N] [--cpu]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from geo.arabic_dates import find_dates, infer_published
from geo.numbers import find_numbers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _load() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no seed articles in {SEEDS}")
    return texts


def _both(text: str) -> None:
    infer_published(text)
    dates = find_dates(text, default_year=2022)
    find_numbers(text, exclude=[(d.start, d.end) for d in dates])


_clock = time.perf_counter


def _time(label: str, fn, texts: list[str], rounds: int, repeats: int) -> None:
    for text in texts:  # first use builds the patterns; keep that out of the figure
        fn(text)
    # A distinct copy of every article in every round (a last line of r alifs added), so
    # nothing the finders keep from one call to the next carries over from an earlier round.
    copies = [text + "\n" + "ا" * r for r in range(1, rounds + 1) for text in texts]
    elapsed = float("inf")
    for _ in range(repeats):
        started = _clock()
        for text in copies:
            fn(text)
        elapsed = min(elapsed, _clock() - started)
        copies = [text + "ا" for text in copies]
    n = rounds * len(texts)
    kb = rounds * sum(len(t.encode("utf-8")) for t in texts) / 1024
    print(
        f"{label:<28} {1000 * elapsed / n:7.3f} ms/article {n / elapsed:9.0f} articles/s"
        f" {kb / elapsed:9.0f} kB/s  ({n} articles, best of {repeats})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="passes over the seeds per timing")
    parser.add_argument("--repeats", type=int, default=5, help="timings; the best is shown (default 5)")
    parser.add_argument("--cpu", action="store_true", help="time with CPU time, not the wall clock")
    args = parser.parse_args()
    if args.cpu:
        global _clock
        _clock = time.process_time
    rounds, repeats = args.rounds, args.repeats
    texts = _load()
    avg = sum(len(t) for t in texts) / len(texts)
    print(f"{len(texts)} seed articles, {avg:.0f} characters on average, {rounds} rounds")
    _time("find_dates", lambda t: find_dates(t, default_year=2022), texts, rounds, repeats)
    _time("find_numbers", find_numbers, texts, rounds, repeats)
    _time("infer_published", infer_published, texts, rounds, repeats)
    _time("dates + numbers + published", _both, texts, rounds, repeats)


if __name__ == "__main__":
    main()
