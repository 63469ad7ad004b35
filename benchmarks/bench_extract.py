"""Print (never assert) the extraction's figures: cold index load, warm articles/s, peak RSS.

    .venv/bin/python benchmarks/bench_extract.py [--articles 2000]
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def cold_load_seconds() -> float:
    code = "import time; t=time.perf_counter(); from geo.gazetteer import get_index; get_index(); " \
           "print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    n = ap.parse_args().articles
    from geo.extract import Extractor
    from geo.gazetteer import get_index

    get_index()  # make sure the cache exists before timing a cold load
    print(f"cold load of the cached index: {cold_load_seconds():.2f} s (target ≤ 1 s)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    batch = [texts[i % len(texts)] for i in range(n)]
    ex = Extractor()
    start = time.perf_counter()
    for i, text in enumerate(batch):
        ex.extract(text, doc_id=str(i))
    elapsed = time.perf_counter() - start
    print(f"warm extraction: {n / elapsed:.0f} articles/s over {n} seed articles (target ≥ 500)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB (target ≤ 1024)")


if __name__ == "__main__":
    main()
