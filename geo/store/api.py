"""What the rest of the project may ask of the store: filters and read-only rows.

The map layers, the exports and the snapshots read the store only through these
types, so the SQL behind them can change without touching the faces.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, kw_only=True)
class Filters:
    """What the user selected. Empty tuples mean "no restriction"."""

    date_from: date | None = None
    date_to: date | None = None
    countries: tuple[str, ...] = ()  # iso2; an event/troop row matches by its place's or its state's iso2
    types: tuple[str, ...] = ()  # event types (geo.model.EVENT_TYPES)
    documents: tuple[str, ...] = ()  # document ids
    include_undated: bool = True  # undated claims survive a date filter unless this is False


@dataclass(frozen=True, kw_only=True)
class DocumentRow:
    id: str
    version: int
    content_hash: str
    source: str | None
    published: str | None
    title: str  # first non-empty line of the text
    n_chars: int


@dataclass(frozen=True, kw_only=True)
class EventRow:
    id: int
    document_id: str
    type: str
    date: str | None  # YYYY-MM-DD | YYYY-MM | YYYY
    place_name: str | None
    place_name_ar: str | None
    place_kind: str | None
    iso2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    killed: int | None
    injured: int | None
    evidence: str
    start: int  # character offsets of the evidence in the document text
    end: int


@dataclass(frozen=True, kw_only=True)
class TroopRow:
    id: int
    document_id: str
    country: str | None  # iso2, None for an organisation-wide figure
    count: int | None
    approx: bool
    status: str
    date: str | None
    evidence: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class PlaceRow:
    """A place with the documents and surfaces that name it (one row per place per document)."""

    document_id: str
    name: str
    name_ar: str
    kind: str
    iso2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    surfaces: tuple[str, ...] = field(default=())
    confidence: float = 1.0


@dataclass(frozen=True, kw_only=True)
class PlaceCountRow:
    """How many events of one type sit at one place: the aggregated read for large views.

    One row per (place, type); ``killed``/``injured`` are sums (0 when no claim gives a figure).
    """

    type: str
    place_name: str | None
    place_name_ar: str | None
    iso2: str | None
    lat: float
    lon: float
    geonameid: int | None
    count: int
    killed: int
    injured: int


@dataclass(frozen=True, kw_only=True)
class EventCount:
    """How many events a filter matches, split by whether they have coordinates."""

    located: int
    unlocated: int

    @property
    def total(self) -> int:
        return self.located + self.unlocated
