"""What a lookup key can stand for inside the gazetteer index."""

from __future__ import annotations

from typing import NamedTuple

# where a name came from, most trusted first
CURATED = "curated"  # data/gazetteer/aliases.csv, a fact somebody checked
COUNTRY = "country"  # CLDR / Natural Earth state names
ADJECTIVE = "adjective"  # nisba adjectives of states (الروسية)
CLDR_CITY = "cldr-city"  # CLDR's Arabic name of a large city that names a time zone (إسطنبول)
GEONAMES = "geonames"  # GeoNames alternate names: many, unchecked, often ordinary words

# how the key may be used in text
NAME = "name"  # on its own
CUED = "cued"  # only after a regional cue word (إقليم، منطقة، ولاية، مقاطعة)


class Entry(NamedTuple):
    """One reading of a key. A named tuple, not a dataclass: the cached index holds some
    hundred thousand of them, and a tuple unpickles without a Python call per object."""

    place_key: str
    source: str
    form: str = NAME
    commonness: float = 0.0  # wordfreq Zipf value of the name as an Arabic word (GeoNames only)

    @property
    def trusted(self) -> bool:
        return self.source != GEONAMES
