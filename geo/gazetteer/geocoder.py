"""The gazetteer behind geopy's interface, so it plugs in wherever a geopy geocoder does.

- :class:`OfflineGazetteer` answers ``geocode("ألماتي")`` from the local index: no network.
- :class:`ChainedGeocoder` asks it first and, only when it has no answer *and*
  ``settings.online_geocoder`` is on (off by default), an online service (Nominatim),
  rate-limited and cached per query. Service failures become
  :class:`geo.errors.GeocoderServiceError` naming the query.

Example::

    >>> loc = OfflineGazetteer().geocode("ألماتي")
    >>> loc.address, loc.point.latitude, loc.raw["iso2"]
    ('Almaty, ألماتي', 43.25..., 'KZ')
"""

from __future__ import annotations

import threading

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geo.errors import GeocoderServiceError, InputError
from geo.gazetteer.entries import CUED, GEONAMES
from geo.model import Place
from geo.normalize import key
from geo.settings import Settings, get_settings


class OfflineGazetteer(Geocoder):
    """geopy geocoder over the offline gazetteer index (loaded on first use)."""

    def __init__(self, index=None, *, settings: Settings | None = None):
        self._settings = settings or get_settings()
        super().__init__(user_agent=self._settings.nominatim_user_agent)
        self._index = index

    @property
    def index(self):
        if self._index is None:
            from geo.gazetteer import get_index

            self._index = get_index(self._settings)
        return self._index

    def geocode(self, query, *, exactly_one: bool = True, timeout=None):
        """Location(s) for a place name in Arabic or Latin script; None when unknown.

        Checked names (curated aliases, state names) come first in the index's order,
        then GeoNames candidates by population. ``timeout`` is accepted for geopy
        compatibility and ignored: nothing leaves the machine.
        """
        locations = [_location(p, k) for p, k in self.places(query)]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    def places(self, query) -> list[tuple[Place, str]]:
        """The index's places for ``query`` (with the lookup key), best first."""
        if not isinstance(query, str):
            kind = type(query).__name__
            raise InputError(f"geocode() takes a place name as a string, not {kind}: {query!r}")
        k = key(query)
        entries = [e for e in self.index.candidates(k) if e.form != CUED]
        trusted = [self.index.places[e.place_key] for e in entries if e.trusted]
        geonames = [self.index.places[e.place_key] for e in entries if e.source == GEONAMES]
        geonames.sort(key=lambda p: -p.population)
        seen: set[str] = set()
        ordered = []
        for p in trusted + geonames:
            if p.key not in seen and p.lat is not None and p.lon is not None:
                seen.add(p.key)
                ordered.append((p, k))
        return ordered


def _location(place: Place, lookup_key: str) -> Location:
    address = place.name if place.name_ar == place.name else f"{place.name}, {place.name_ar}"
    raw = {
        "key": place.key,
        "geonameid": place.geonameid,
        "iso2": place.iso2,
        "kind": place.kind,
        "name": place.name,
        "name_ar": place.name_ar,
        "lookup_key": lookup_key,
    }
    return Location(address, (place.lat, place.lon), raw)


class ChainedGeocoder:
    """The offline gazetteer first; an online geocoder only when allowed and needed.

    ``online`` is any geopy geocoder; by default Nominatim with the user agent and
    minimum delay from the settings, built when first needed. Answers (misses too)
    are cached in memory per query, so a repeated name never calls the service twice.
    """

    def __init__(
        self, offline: OfflineGazetteer | None = None, online=None, *, settings: Settings | None = None
    ):
        self.settings = settings or get_settings()
        self.offline = offline or OfflineGazetteer(settings=self.settings)
        self._online = online
        self._limited = None
        self._cache: dict[tuple[str, bool], object] = {}
        self._lock = threading.Lock()

    def geocode(self, query: str, *, exactly_one: bool = True):
        found = self.offline.geocode(query, exactly_one=exactly_one)
        if found is not None or not self.settings.online_geocoder:
            return found
        cache_key = (key(query), exactly_one)
        with self._lock:
            if cache_key not in self._cache:
                self._cache[cache_key] = self._ask_online(query, exactly_one)
            return self._cache[cache_key]

    def _ask_online(self, query: str, exactly_one: bool):
        from geopy.exc import GeopyError

        try:
            return self._rate_limited()(query, exactly_one=exactly_one)
        except GeopyError as exc:
            name = type(self._online).__name__
            raise GeocoderServiceError(
                f"the online geocoder ({name}) failed for {query!r}: {exc}; "
                "try again later, or set CSTO_MAP_ONLINE_GEOCODER=0 to use the offline gazetteer only"
            ) from exc

    def _rate_limited(self):
        if self._limited is None:
            from geopy.extra.rate_limiter import RateLimiter

            if self._online is None:
                from geopy.geocoders import Nominatim

                self._online = Nominatim(user_agent=self.settings.nominatim_user_agent)
            delay = self.settings.nominatim_min_delay_seconds
            self._limited = RateLimiter(
                self._online.geocode,
                min_delay_seconds=delay,
                max_retries=1,
                error_wait_seconds=max(delay, 0.0) * 2,
                swallow_exceptions=False,
            )
        return self._limited
