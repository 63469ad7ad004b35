"""The view a URL describes: filters, layers, map view and language, as a query string.

``decode(encode(view)) == view``; anything unreadable in a hand-edited URL falls back
to the default for that field instead of failing the page.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from urllib.parse import parse_qs, urlencode

from geo.layers.compose import LAYERS
from geo.model import EVENT_TYPES

LANGS = ("ar", "en")
DEFAULT_CENTER = (47.0, 58.0)
DEFAULT_ZOOM = 4
JANUARY_2022 = (date(2022, 1, 1), date(2022, 1, 31))
TREATY_START = date(1992, 1, 1)


@dataclass(frozen=True, kw_only=True)
class View:
    date_from: date | None = JANUARY_2022[0]
    date_to: date | None = JANUARY_2022[1]
    countries: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    layers: tuple[str, ...] = LAYERS
    tiles: bool = False
    lang: str = "ar"
    lat: float = DEFAULT_CENTER[0]
    lon: float = DEFAULT_CENTER[1]
    zoom: float = DEFAULT_ZOOM


def encode(view: View) -> str:
    """``?from=…&to=…&c=KZ,RU&…``; fields equal to the default are left out."""
    default = View()
    params = {}
    for f in fields(View):
        value = getattr(view, f.name)
        if value != getattr(default, f.name):
            params[_KEYS[f.name]] = _text(value)
    return "?" + urlencode(params, safe=",") if params else ""


def decode(search: str | None) -> View:
    query = {k: v[-1] for k, v in parse_qs((search or "").lstrip("?"), keep_blank_values=True).items()}
    values = {}
    for f in fields(View):
        raw = query.get(_KEYS[f.name])
        if raw is not None:
            parsed = _PARSERS[f.name](raw)
            if parsed is not _BAD:
                values[f.name] = parsed
    return View(**values)


_KEYS = {
    "date_from": "from",
    "date_to": "to",
    "countries": "c",
    "types": "t",
    "documents": "d",
    "layers": "layers",
    "tiles": "tiles",
    "lang": "lang",
    "lat": "lat",
    "lon": "lon",
    "zoom": "z",
}
_BAD = object()


def _text(value) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, tuple):
        return ",".join(value)
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    return "" if value is None else str(value)


def _date(raw: str):
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return _BAD


def _codes(raw: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in raw.split(",") if len(c.strip()) == 2 and c.strip().isalpha())


def _choices(allowed):
    return lambda raw: tuple(v for v in raw.split(",") if v in allowed)


def _ids(raw: str) -> tuple[str, ...]:
    return tuple(v for v in raw.split(",") if v)


def _number(low: float, high: float):
    def parse(raw: str):
        try:
            value = float(raw)
        except ValueError:
            return _BAD
        return value if low <= value <= high else _BAD

    return parse


_PARSERS = {
    "date_from": _date,
    "date_to": _date,
    "countries": _codes,
    "types": _choices(EVENT_TYPES),
    "documents": _ids,
    "layers": _choices(LAYERS),
    "tiles": lambda raw: raw == "1",
    "lang": lambda raw: raw if raw in LANGS else _BAD,
    "lat": _number(-90, 90),
    "lon": _number(-180, 180),
    "zoom": _number(1, 18),
}
