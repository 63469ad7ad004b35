"""What the layers share: legend entries, features, partial dates, evidence highlighting."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from geo.errors import InputError


@dataclass(frozen=True, kw_only=True)
class LegendEntry:
    """One line of a layer's legend: a swatch and a label in both languages."""

    key: str
    label_en: str
    label_ar: str
    color: str
    shape: str = "circle"  # circle | square | line | dashed

    def label(self, lang: str) -> str:
        return self.label_ar if lang == "ar" else self.label_en


def feature(geometry: dict, **properties) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def feature_collection(features: Iterable[dict], **members) -> dict:
    """A FeatureCollection; ``members`` become foreign members (e.g. ``unlocated=3``)."""
    return {"type": "FeatureCollection", "features": list(features), **members}


def empty() -> dict:
    return feature_collection([])


def parse_partial_date(value: str | None, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD`` | ``YYYY-MM`` | ``YYYY`` → the first (or with ``end`` the last) day it covers."""
    if not value:
        return None
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return date(*numbers)
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            return _month_end(first) if end else first
        if len(numbers) == 1:
            return date(numbers[0], 12, 31) if end else date(numbers[0], 1, 1)
    except ValueError as exc:
        raise InputError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY") from exc
    raise InputError(f"date {value!r} is not YYYY-MM-DD, YYYY-MM or YYYY")


def _month_end(first: date) -> date:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def scaled_radius(value: float, *, base: float = 5.0, step: float = 2.5, cap: float = 28.0) -> float:
    """A marker radius that grows with the square root of ``value`` (area ∝ value), capped."""
    return round(min(cap, base + step * math.sqrt(max(0.0, value))), 1)


def highlight_spans(text: str, needles: Iterable[str]) -> list[tuple[str, bool]]:
    """Split ``text`` into ``(piece, highlighted)`` pieces, marking each occurrence of a needle.

    Longer needles win where they overlap. The pieces join back to ``text`` exactly, so a
    face can render them as text nodes without ever building HTML from the article.
    """
    marks = [False] * len(text)
    for needle in sorted({n for n in needles if n}, key=len, reverse=True):
        start = text.find(needle)
        while start != -1:
            for i in range(start, start + len(needle)):
                marks[i] = True
            start = text.find(needle, start + len(needle))
    return _runs(text, marks)


def _runs(text: str, marks: list[bool]) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marks[i] != marks[start]:
            pieces.append((text[start:i], marks[start]))
            start = i
    return pieces


@dataclass(frozen=True, kw_only=True)
class Bin:
    start: date
    end: date  # inclusive
    count: int


def histogram_bins(
    day_counts: Mapping[date, int], *, start: date, end: date, max_bins: int = 90
) -> list[Bin]:
    """Group per-day counts into at most ``max_bins`` equal spans between ``start`` and ``end``."""
    if end < start:
        raise InputError(f"histogram range ends ({end}) before it starts ({start})")
    days = (end - start).days + 1
    width = max(1, math.ceil(days / max_bins))
    counts = [0] * math.ceil(days / width)
    for day, n in day_counts.items():
        if start <= day <= end:
            counts[(day - start).days // width] += n
    return [
        Bin(
            start=start + timedelta(days=i * width),
            end=min(end, start + timedelta(days=(i + 1) * width - 1)),
            count=n,
        )
        for i, n in enumerate(counts)
    ]


def place_key(*, geonameid: int | None, lat: float | None, lon: float | None, name: str | None) -> str:
    """One key per place across rows: the GeoNames id, else the rounded position, else the name."""
    if geonameid:
        return f"gn:{geonameid}"
    if lat is not None and lon is not None:
        return f"ll:{lat:.3f},{lon:.3f}"
    return f"name:{name or ''}"


def place_of_key(key: str) -> dict:
    """The inverse of :func:`place_key` as keyword arguments for ``Store.events_at``
    (``{}`` for a name key, which has no place to look up)."""
    kind, _, value = key.partition(":")
    try:
        if kind == "gn":
            return {"geonameid": int(value)}
        if kind == "ll":
            lat, lon = (float(v) for v in value.split(","))
            return {"lat": lat, "lon": lon}
    except ValueError as exc:
        raise InputError(f"place key {key!r} is not gn:<id> or ll:<lat>,<lon>") from exc
    return {}
