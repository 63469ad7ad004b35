"""Helpers for the web tests: a fake extractor that does not depend on extraction quality,
a seeded store, and a launcher that serves the app in a subprocess.

Run as a script: ``python tests/test_web_support.py DB_URL PORT`` serves the app over
that store with the fake extractor.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from geo.model import Event, Extraction, Place, ResolvedPlace, TroopContribution

REPO = Path(__file__).resolve().parent.parent

PLACES = {
    "ألماتي": Place(
        key="gn:1526384",
        name="Almaty",
        name_ar="ألماتي",
        kind="city",
        iso2="KZ",
        lat=43.25,
        lon=76.92,
        geonameid=1526384,
    ),
    "أستانا": Place(
        key="gn:1526273",
        name="Astana",
        name_ar="أستانا",
        kind="city",
        iso2="KZ",
        lat=51.18,
        lon=71.45,
        geonameid=1526273,
    ),
    "طالديقورغان": Place(
        key="gn:1526273x",
        name="Taldykorgan",
        name_ar="طالديقورغان",
        kind="city",
        iso2="KZ",
        lat=45.02,
        lon=78.37,
        geonameid=1525798,
    ),
    "موسكو": Place(
        key="gn:524901",
        name="Moscow",
        name_ar="موسكو",
        kind="city",
        iso2="RU",
        lat=55.75,
        lon=37.62,
        geonameid=524901,
    ),
}
KEYWORDS = (("قتل", "casualties"), ("احتج", "protest"), ("شغب", "riot"), ("وصلت", "deployment"))
TROOPS = {"روسيا": "RU", "أرمينيا": "AM", "بيلاروس": "BY"}


def fake_extract(text: str, *, doc_id: str, published: str | None = None) -> Extraction:
    """One event per sentence that names a known place and a keyword; troops from "أرسلت X N"."""
    events, troops, seen = [], [], {}
    for match in re.finditer(r"[^.!؟\n]+", text):
        sentence = match.group(0).strip()
        place = next((p for name, p in PLACES.items() if name in sentence), None)
        kind = next((k for word, k in KEYWORDS if word in sentence), None)
        day = re.search(r"\d{4}-\d{2}-\d{2}", sentence)
        killed = re.search(r"قتل (\d+)", sentence)
        seen.update({p.key: p for name, p in PLACES.items() if name in sentence})
        if place and kind:
            events.append(
                Event(
                    type=kind,
                    place=place,
                    date=day.group(0) if day else published,
                    evidence=sentence,
                    killed=int(killed.group(1)) if killed else None,
                    start=match.start(),
                    end=match.end(),
                )
            )
        for name, iso2 in TROOPS.items():
            sent = re.search(rf"أرسلت {name} (\d+)", sentence)
            if sent:
                troops.append(
                    TroopContribution(
                        country=iso2,
                        count=int(sent.group(1)),
                        approx=True,
                        status="sent",
                        evidence=sentence,
                        date=published,
                        start=match.start(),
                        end=match.end(),
                    )
                )
    places = tuple(ResolvedPlace(place=p, surfaces=(p.name_ar,), confidence=1.0) for p in seen.values())
    return Extraction(
        id=doc_id, published=published, places=places, troops=tuple(troops), events=tuple(events)
    )


ARTICLES = {
    "a1": (
        "احتجاجات في كازاخستان\nخرج المحتجون في ألماتي يوم 2022-01-04 احتجاجا على الأسعار. "
        "قتل 12 شخصا في ألماتي يوم 2022-01-06. أرسلت روسيا 3000 جندي من موسكو. "
        "وصلت القوات إلى ألماتي يوم 2022-01-07.",
        "2022-01-07",
    ),
    "a2": (
        "تقرير ثان\nقتل 13 شخصا في ألماتي يوم 2022-01-06. أعمال شغب في طالديقورغان يوم 2022-01-05. "
        "أرسلت أرمينيا 100 جندي.",
        "2022-01-08",
    ),
    "a3": ("ذكرى المعاهدة\nاحتج طلاب في أستانا يوم 2021-12-16.", "2021-12-17"),
    "xss": (
        '<script>document.title="pwned"</script> مقال خبيث\n'
        "قتل 2 شخصا في أستانا يوم 2022-01-09 <img src=x onerror=\"document.title='pwned'\">.",
        "2022-01-09",
    ),
}


def seed(url: str) -> None:
    from geo.store.db import open_store
    from geo.store.ingest import ingest_text

    with open_store(url) as store:
        for doc_id, (text, published) in ARTICLES.items():
            ingest_text(
                store, text, doc_id=doc_id, published=published, source="test", extractor=fake_extract
            )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, __file__, url, str(port)],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": "/tmp"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stdout.read().decode()) from None
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the app did not start within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    from app.web import create_app

    create_app(db_url=sys.argv[1], extractor=fake_extract).run(host="127.0.0.1", port=int(sys.argv[2]))
