"""Extraction benchmark: index load time, articles per second, peak memory. Prints; asserts nothing.

    PYTHONPATH=. python benchmarks/bench_extract.py [--articles 2000] [--profile 25]

1. Cold load: a fresh interpreter imports geo.gazetteer and calls get_index() with the disk
   cache already built; best of three runs, both as the process's own clock and as wall time
   including interpreter start-up. Target <= 1 s.
2. Warm throughput: Extractor.extract over the seed articles repeated to ``--articles``,
   pinned to one core, after one warm-up pass. Target >= 500 articles/s.
   Then the dev-set articles (eval/dev/*.txt, 71 texts the seeds do not contain), each read
   once: caches of words and phrases filled by the seeds help less on text not seen before,
   so this is the figure for a stream of new articles.
   Then Geoparser.parse alone over the same articles (folded text given, as the extractor
   does), in ms per article.
   Before that, a fixed pure-Python loop is timed: the machine's speed, so that figures
   read on different machines can be compared.
3. Peak RSS of this process (index loaded + the run) and of the cold-load child. Target <= 1 GiB.

``--profile N`` runs the throughput pass under cProfile and prints the N costliest functions.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import subprocess
import sys
import time

from geo.settings import REPO_ROOT

COLD_LOAD = """
import time
t0 = time.perf_counter()
from geo.gazetteer import get_index
index = get_index()
print(time.perf_counter() - t0, len(index.places))
"""


def seeds() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def ensure_cache() -> None:
    from geo.gazetteer import cache_path, rebuild

    if not cache_path().exists():
        print("building the gazetteer cache first ...", flush=True)
        rebuild()


def cold_load(runs: int = 3) -> tuple[float, float, int]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    inner, wall = [], []
    places = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", COLD_LOAD],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=REPO_ROOT,
        )
        wall.append(time.perf_counter() - t0)
        seconds, places = out.stdout.split()
        inner.append(float(seconds))
    return min(inner), min(wall), int(places)


def throughput(n: int, *, profile: int = 0) -> tuple[float, int, int]:
    from geo.extract import Extractor

    extractor = Extractor()
    corpus = seeds()
    for name, text in corpus:  # warm-up: caches, lazily built tables
        extractor.extract(text, doc_id=name)
    articles = [corpus[i % len(corpus)] for i in range(n)]
    chars = sum(len(t) for _, t in articles)
    profiler = cProfile.Profile() if profile else None
    mentions = 0
    t0 = time.perf_counter()
    if profiler:
        profiler.enable()
    for i, (name, text) in enumerate(articles):
        mentions += len(extractor.extract(text, doc_id=f"{i}:{name}", published="2022-01-07").mentions)
    if profiler:
        profiler.disable()
    elapsed = time.perf_counter() - t0
    if profiler:
        print(f"\ncProfile of the throughput pass (top {profile} by own time):")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(profile)
    return n / elapsed, chars, mentions


def distinct_throughput() -> tuple[float, int, int]:
    """Articles/s over the dev-set texts, each extracted once (after the seeds' warm-up)."""
    from geo.extract import Extractor

    extractor = Extractor()
    for name, text in seeds():
        extractor.extract(text, doc_id=name)
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "eval" / "dev").glob("*.txt"))]
    t0 = time.perf_counter()
    for i, text in enumerate(texts):
        extractor.extract(text, doc_id=str(i), published="2022-01-07")
    elapsed = time.perf_counter() - t0
    return len(texts) / elapsed if texts else 0.0, len(texts), sum(len(t) for t in texts)


def parse_ms(n: int) -> float:
    """Geoparser.parse alone, as the extractor calls it (body end and folded text given)."""
    from geo.boilerplate import body_end
    from geo.extract import Extractor
    from geo.normalize import fold

    geoparser = Extractor().geoparser
    prepared = []
    for _, text in seeds():
        end = body_end(text)
        prepared.append((text, fold(text[:end]), end))
    for text, folded, end in prepared:  # warm-up
        geoparser.parse(text, folded=folded, end=end)
    articles = [prepared[i % len(prepared)] for i in range(n)]
    t0 = time.perf_counter()
    for text, folded, end in articles:
        geoparser.parse(text, folded=folded, end=end)
    return (time.perf_counter() - t0) / n * 1000


def machine_speed() -> float:
    """Seconds for a fixed pure-Python loop (best of five): how fast this interpreter on this
    machine is, so articles/s from two machines can be compared. The figures in the README
    were read where this printed the value given beside them."""
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, time.process_time() - t0)
    return best


def peak_rss_mib(who: int) -> float:
    kib = resource.getrusage(who).ru_maxrss  # KiB on Linux
    return kib / 1024


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = ap.parse_args(argv)

    ensure_cache()
    inner, wall, places = cold_load()
    print(
        f"cold load of the cached index ({places:,} places): {inner:.2f} s in-process, "
        f"{wall:.2f} s wall incl. interpreter start   (target <= 1 s)"
    )
    print(f"  peak RSS of the cold-load process: {peak_rss_mib(resource.RUSAGE_CHILDREN):,.0f} MiB")

    pinned = pin_to_one_core()
    print(f"machine speed: a 2,000,000-step Python loop takes {machine_speed() * 1000:.0f} ms (lower is faster)")
    rate, chars, mentions = throughput(args.articles, profile=args.profile)
    print(
        f"warm extraction, {args.articles:,} articles ({chars / args.articles:,.0f} chars each, "
        f"{mentions:,} mentions), {pinned}: {rate:,.0f} articles/s, {rate * chars / args.articles / 1000:,.0f}k chars/s"
        "   (target >= 500 articles/s)"
    )
    new_rate, new_n, new_chars = distinct_throughput()
    if new_n:
        print(f"  new articles: the {new_n} dev-set texts ({new_chars / new_n:,.0f} chars each), each once: "
              f"{new_rate:,.0f} articles/s, {new_rate * new_chars / new_n / 1000:,.0f}k chars/s")
    print(f"  of which Geoparser.parse alone: {parse_ms(args.articles):.2f} ms per article")
    print(f"peak RSS of this process: {peak_rss_mib(resource.RUSAGE_SELF):,.0f} MiB   (target <= 1024)")


if __name__ == "__main__":
    main()
