"""Time to write a PNG and an HTML snapshot, and the HTML's size. Prints figures; asserts nothing.

Views: January 2022 (the app's opening view) and the whole history (no date filter), over a
temporary SQLite store filled through the real ingest with the synthetic extractor of
bench_web.py. "cold" is the first snapshot of the process (boundaries and fonts loaded);
the other figures are the median of 3 warm runs. Targets: PNG <= 3 s, HTML <= 2 s and <= 5 MB.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_snapshots.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))

from bench_web import build_store  # noqa: E402

from geo.store.api import Filters  # noqa: E402

VIEWS = {
    "January 2022": Filters(date_from=date(2022, 1, 1), date_to=date(2022, 1, 31)),
    "whole history": Filters(),
}


def timed(store, filters, path: Path, runs: int = 3) -> float:
    from geo.store.export import export

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        export(store, filters, path)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="event counts, comma-separated")
    args = parser.parse_args()
    from geo.store.db import open_store
    from geo.store.export import export

    cold_done = False
    print(f"{'events':>7} {'view':<14} {'PNG s':>7} {'HTML s':>7} {'HTML MB':>8}")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
            build_store(url, n)
            with open_store(url) as store:
                if not cold_done:
                    for suffix in ("png", "html"):
                        started = time.perf_counter()
                        export(store, VIEWS["January 2022"], Path(folder) / f"cold.{suffix}")
                        took = time.perf_counter() - started
                        print(f"cold {suffix.upper()} (first of the process): {took:.2f} s")
                    cold_done = True
                for name, filters in VIEWS.items():
                    png = timed(store, filters, Path(folder) / "v.png")
                    page = Path(folder) / "v.html"
                    html_s = timed(store, filters, page)
                    size = page.stat().st_size / 1e6
                    print(f"{n:>7} {name:<14} {png:>7.2f} {html_s:>7.2f} {size:>8.2f}")


if __name__ == "__main__":
    main()
