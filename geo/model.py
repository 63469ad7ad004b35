"""Value objects that flow through the pipeline. JSON only at the edge (``to_dict``).

Coordinates are kept as ``lat``/``lon`` floats here; conversion to GeoJSON's (lon, lat)
order happens in one place, :mod:`geo.coords`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

PLACE_KINDS = ("city", "country", "region", "landmark", "facility", "other")
TROOP_STATUSES = ("sent", "pledged", "considering", "capacity")
EVENT_TYPES = (
    "protest",
    "riot",
    "armed_clash",
    "seizure",
    "casualties",
    "deployment",
    "state_of_emergency",
    "political_decision",
    "meeting",
    "treaty_membership",
)


@dataclass(frozen=True, slots=True)
class Place:
    """A geographic entity as the gazetteer knows it."""

    key: str  # stable id inside the gazetteer: "gn:1526384", "cc:KZ", "alias:almaty-region"
    name: str  # English name
    name_ar: str
    kind: str
    iso2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    population: int = 0
    parent_key: str | None = None  # a facility's or landmark's city, a city's region

    def __reduce__(self):
        # unpickled by one call of __init__ instead of a per-field __setstate__: the cached
        # gazetteer holds ~50,000 places and this halves the time to load it
        return Place, tuple(getattr(self, name) for name in _PLACE_FIELDS)

    def brief(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "geonameid": self.geonameid,
            "iso2": self.iso2,
            "lat": self.lat,
            "lon": self.lon,
        }


_PLACE_FIELDS = tuple(f.name for f in fields(Place))


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form in the text, with character offsets into the input."""

    start: int
    end: int
    surface: str
    place: Place
    confidence: float
    via: str = "name"  # name | adjective | capital | generic (e.g. "the airport")


@dataclass(frozen=True, slots=True)
class ResolvedPlace:
    """A place as an article names it: the entity, every surface seen, a confidence."""

    place: Place
    surfaces: tuple[str, ...]
    confidence: float

    def to_dict(self) -> dict:
        p = self.place
        return {
            "name": p.name,
            "name_ar": p.name_ar,
            "kind": p.kind,
            "geonameid": p.geonameid,
            "iso2": p.iso2,
            "lat": p.lat,
            "lon": p.lon,
            "surfaces": list(self.surfaces),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class TroopContribution:
    country: str | None  # iso2, None for an organisation-wide figure
    count: int | None
    approx: bool
    status: str
    evidence: str
    date: str | None = None
    start: int = 0  # offsets of the evidence in the text
    end: int = 0

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "count": self.count,
            "approx": self.approx,
            "status": self.status,
            "evidence": self.evidence,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    place: Place | None
    date: str | None  # YYYY-MM-DD | YYYY-MM | YYYY
    evidence: str
    killed: int | None = None
    injured: int | None = None
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "place": self.place.brief() if self.place else None,
            "date": self.date,
            "killed": self.killed,
            "injured": self.injured,
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article; ``to_dict`` is the public JSON contract."""

    id: str
    published: str | None
    places: tuple[ResolvedPlace, ...] = ()
    mentions: tuple[Mention, ...] = ()
    troops: tuple[TroopContribution, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    @property
    def countries(self) -> list[str]:
        seen: list[str] = []
        for rp in self.places:
            if rp.place.kind == "country" and rp.place.iso2 and rp.place.iso2 not in seen:
                seen.append(rp.place.iso2)
        return seen

    def to_dict(self) -> dict:
        index = {rp.place.key: i for i, rp in enumerate(self.places)}
        return {
            "id": self.id,
            "published": self.published,
            "places": [rp.to_dict() for rp in self.places],
            "countries": self.countries,
            "troops": [t.to_dict() for t in self.troops],
            "events": [e.to_dict() for e in self.events],
            "mentions": [
                {"start": m.start, "end": m.end, "surface": m.surface, "place": index[m.place.key]}
                for m in self.mentions
                if m.place.key in index
            ],
        }
