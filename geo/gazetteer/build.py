"""Build the gazetteer index from GeoNames, CLDR, Natural Earth and the curated tables."""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path

from geo.gazetteer import sources
from geo.gazetteer.entries import ADJECTIVE, CLDR_CITY, COUNTRY, CUED, CURATED, GEONAMES, NAME, Entry
from geo.gazetteer.index import GazetteerIndex
from geo.model import Place
from geo.normalize import is_arabic_spelling, key
from geo.settings import Settings

MIN_KEY_LETTERS = 3
# wordfreq Zipf value at which a GeoNames name is an everyday Arabic word (كان، سنة …);
# the geoparser never accepts such a reading, so the index leaves it out
EVERYDAY_WORD = 5.5
# a three-letter Arabic name from GeoNames alone is nearly always some ordinary word's
# letters (and most of the automaton's false hits); only capitals and large cities keep one
SHORT_NAME_LETTERS = 3
SHORT_NAME_MIN_POPULATION = 100_000


def _short(name: str) -> bool:
    return len(key(name).replace(" ", "")) <= SHORT_NAME_LETTERS
# GeoNames cities whose Latin name is indexed (for Latin names inside Arabic text)
LATIN_MIN_POPULATION = 15000
_RANK = {CURATED: 0, COUNTRY: 1, ADJECTIVE: 2, CLDR_CITY: 3, GEONAMES: 4}
CLDR_CITY_MIN_POPULATION = 1_000_000
# below this size a CLDR name that is also an ordinary word (سمراء, Samara) is left out
CLDR_CITY_WORD_POPULATION = 2_000_000
CLDR_CITY_WORD_COMMONNESS = 3.0
REGION_CUES = ("إقليم", "منطقة", "ولاية", "مقاطعة", "محافظة")


class _Builder:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.places: dict[str, Place] = {}
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self.capitals: dict[str, str] = {}  # iso2 → place key of the capital city
        self.capital_pop: dict[str, int] = {}
        self.large_cities: dict[tuple[str, str], str] = {}  # (iso2, any name casefolded) → place key

    def add(self, name: str, entry: Entry) -> None:
        k = key(name)
        if len(k.replace(" ", "")) < MIN_KEY_LETTERS:
            return
        bucket = self.entries[k]
        for i, e in enumerate(bucket):
            if e.place_key == entry.place_key and e.form == entry.form:
                if _RANK[entry.source] < _RANK[e.source]:
                    bucket[i] = entry  # a checked name outranks the same name from GeoNames
                return
        bucket.append(entry)

    # -- states ---------------------------------------------------------------------
    def add_countries(self) -> None:
        ar, en = sources.cldr_country_names("ar"), sources.cldr_country_names("en")
        ne = sources.natural_earth_countries(self.settings.boundaries_dir)
        for iso2, info in sources.geonames_countries().items():
            row = ne.get(iso2, {})
            lat, lon = _float(row.get("label_lat")), _float(row.get("label_lon"))
            place = Place(
                key=f"cc:{iso2}",
                name=en.get(iso2) or info["name"],
                name_ar=ar.get(iso2) or row.get("name_ar") or info["name"],
                kind="country",
                iso2=iso2,
                lat=lat,
                lon=lon,
                geonameid=int(info["geonameid"]) if info.get("geonameid") else None,
                population=int(info.get("population") or 0),
            )
            self.places[place.key] = place
            for name in {ar.get(iso2), row.get("name_ar")} - {None, ""}:
                self.add(name, Entry(place.key, COUNTRY))
            for name in {en.get(iso2), info["name"]} - {None, ""}:
                self.add(name, Entry(place.key, COUNTRY))

    # -- GeoNames -------------------------------------------------------------------
    def add_geonames(self, wanted: set[int]) -> None:
        from wordfreq import zipf_frequency

        capitals = {iso2: info.get("capital") for iso2, info in sources.geonames_countries().items()}

        for c in sources.geonames_cities(self.settings.min_population):
            arabic = [n for n in c.alternatenames if is_arabic_spelling(n)]
            latin = c.population >= LATIN_MIN_POPULATION
            if not arabic and not latin and c.geonameid not in wanted:
                continue
            pkey = f"gn:{c.geonameid}"
            self.places[pkey] = Place(
                key=pkey,
                name=c.name,
                name_ar=arabic[0] if arabic else c.name,
                kind="city",
                iso2=c.iso2,
                lat=c.lat,
                lon=c.lon,
                geonameid=c.geonameid,
                population=c.population,
            )
            is_capital = c.name == capitals.get(c.iso2)
            for name in arabic:
                if _short(name) and c.population < SHORT_NAME_MIN_POPULATION and not is_capital:
                    continue
                common = arabic_commonness(name)
                if common < EVERYDAY_WORD:  # an everyday word is never read as a GeoNames place
                    self.add(name, Entry(pkey, GEONAMES, commonness=common))
            if latin:
                self.add(c.name, Entry(pkey, GEONAMES, commonness=zipf_frequency(c.name, "en")))
            if c.population >= CLDR_CITY_MIN_POPULATION:
                for n in (c.name, *c.alternatenames):
                    self.large_cities.setdefault((c.iso2, n.casefold()), pkey)
            if c.name == capitals.get(c.iso2) and c.population > self.capital_pop.get(c.iso2, -1):
                self.capital_pop[c.iso2] = c.population
                self.capitals[c.iso2] = pkey

    # -- CLDR ---------------------------------------------------------------------------
    def add_cldr_cities(self) -> None:
        """Large cities by the Arabic name CLDR gives them (إسطنبول، نيويورك، دبي): GeoNames'
        Arabic names of famous cities are frequent words, so they would need a cue without this.
        A name that is also a state's (الجزائر، عمان) or an ordinary word of a city under 2
        million people (سمراء for Samara) is left out."""
        for arabic, english, iso2 in sources.cldr_exemplar_cities():
            pkey = self.large_cities.get((iso2, english.casefold()))
            if pkey is None:
                continue
            k = key(arabic)
            if any(e.source == COUNTRY for e in self.entries.get(k, ())):
                continue
            if (self.places[pkey].population < CLDR_CITY_WORD_POPULATION
                    and arabic_commonness(arabic) >= CLDR_CITY_WORD_COMMONNESS):
                continue
            self.add(arabic, Entry(pkey, CLDR_CITY))

    # -- curated tables -------------------------------------------------------------
    def add_entities(self, rows: list[dict[str, str]]) -> None:
        for r in rows:
            self.places[r["key"]] = Place(
                key=r["key"],
                name=r["name_en"],
                name_ar=r["name_ar"],
                kind=r["kind"],
                iso2=r.get("iso2") or None,
                lat=_float(r.get("lat")),
                lon=_float(r.get("lon")),
                geonameid=int(r["geonameid"]) if r.get("geonameid") else None,
                parent_key=r.get("parent") or None,
            )

    def add_aliases(self, rows: list[dict[str, str]], path: Path) -> None:
        from geo.errors import DataFileError

        for lineno, r in enumerate(rows, start=2):
            if r["key"] not in self.places:
                raise DataFileError(f"{path}, line {lineno}: alias {r['alias']!r} points to unknown {r['key']!r}")
            form = r.get("form") or NAME
            # Egyptian media write the hard g with ج (مانجيستاو، كاراجندا، تالدي كورجان)
            for alias in {r["alias"], r["alias"].replace("غ", "ج")}:
                if form == CUED:
                    for cue in REGION_CUES:
                        self.add(f"{cue} {alias}", Entry(r["key"], CURATED))
                    self.add(alias, Entry(r["key"], CURATED, form=CUED))
                else:
                    self.add(alias, Entry(r["key"], CURATED))
        for p in list(self.places.values()):
            if p.kind == "region" and p.key.startswith("region:"):
                self.add(p.name_ar, Entry(p.key, CURATED))
        self._arabic_names_from_aliases(rows)

    def _arabic_names_from_aliases(self, rows: list[dict[str, str]]) -> None:
        """A city's Arabic display name is its first curated alias, when it has one."""
        from dataclasses import replace

        done: set[str] = set()
        for r in rows:
            k = r["key"]
            if k.startswith("gn:") and k not in done and (r.get("form") or NAME) == NAME:
                self.places[k] = replace(self.places[k], name_ar=r["alias"])
                done.add(k)

    def airports(self) -> dict[str, str]:
        """City → the airport that "the airport" means there: a facility whose parent is the city
        (entities.csv gives a parent only to a city's own airport, not to an airfield near it)."""
        return {p.parent_key: p.key for p in self.places.values() if p.kind == "facility" and p.parent_key}


def arabic_commonness(name: str) -> float:
    """How ordinary a name is as an Arabic word: the highest wordfreq Zipf value among the
    spellings that fold to the same key (final ة/ه and ى/ي, initial hamza forms)."""
    from wordfreq import zipf_frequency

    k = key(name)
    variants = {name, k}
    if k.endswith("ه"):
        variants.add(k[:-1] + "ة")
    if k.endswith("ي"):
        variants.add(k[:-1] + "ى")
    if k.startswith("ا"):
        variants |= {"أ" + k[1:], "إ" + k[1:]}
    return max(zipf_frequency(v, "ar") for v in variants)


def _float(v: str | None) -> float | None:
    try:
        f = float(v) if v not in (None, "") else None
    except ValueError:
        return None
    return f if f is not None and math.isfinite(f) else None


def input_files(settings: Settings) -> list[Path]:
    g = settings.gazetteer_dir
    return [g / "entities.csv", g / "aliases.csv", g / "adjectives.csv", g / "stopwords.csv", g / "capitals.csv",
            settings.boundaries_dir / "countries.csv"]


def build_index(settings: Settings) -> GazetteerIndex:
    g = settings.gazetteer_dir
    alias_rows = sources.read_csv(g / "aliases.csv", ("alias", "key"))
    entity_rows = sources.read_csv(g / "entities.csv", ("key", "name_en", "kind"))
    adjective_rows = sources.read_csv(g / "adjectives.csv", ("adjective", "iso2"))
    stop_rows = sources.read_csv(g / "stopwords.csv", ("word",))
    capital_rows = sources.read_csv(g / "capitals.csv", ("iso2", "key"))
    wanted = {int(r["key"][3:]) for r in alias_rows + capital_rows if r["key"].startswith("gn:")}
    wanted |= {int(r["parent"][3:]) for r in entity_rows if r.get("parent", "").startswith("gn:")}

    b = _Builder(settings)
    b.add_countries()
    b.add_geonames(wanted)
    b.add_cldr_cities()
    b.add_entities(entity_rows)
    b.add_aliases(alias_rows, g / "aliases.csv")
    b.capitals.update({r["iso2"]: r["key"] for r in capital_rows if r["key"] in b.places})
    adjectives = {key(r["adjective"]): f"cc:{r['iso2']}" for r in adjective_rows}
    stopwords = frozenset(key(r["word"]) for r in stop_rows)
    index = GazetteerIndex(
        places=b.places,
        entries=_without_stopwords(b.entries, stopwords),
        adjectives=adjectives,
        stopwords=stopwords,
        airports=b.airports(),
        capitals=frozenset(b.capitals.values()),
    )
    index.automaton = _automaton(index)
    return index


def _without_stopwords(entries: dict[str, list[Entry]], stopwords: frozenset[str]) -> dict[str, tuple[Entry, ...]]:
    """Ordinary words keep only the meanings somebody curated (ومالي stays Mali only as جمهورية مالي)."""
    out = {}
    for k, bucket in entries.items():
        kept = tuple(e for e in bucket if k not in stopwords or e.source == CURATED)
        if kept:
            out[k] = kept
    return out


def _automaton(index: GazetteerIndex):
    import ahocorasick

    auto = ahocorasick.Automaton()
    for k in index.entries:
        auto.add_word(k, k)
    for k in index.adjectives:
        if k not in index.entries:
            auto.add_word(k, k)
    auto.make_automaton()
    return auto
