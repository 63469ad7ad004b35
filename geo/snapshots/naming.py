"""File names that say what a snapshot or export holds: ``csto-map_2022-01-02_2022-01-10_KZ-RU.png``.

Parts, joined by ``_``: the prefix, the first and last day (``start`` / ``end`` when open,
``all-dates`` when both are), the countries, the event types, the article ids. Only ASCII
letters, digits, ``-`` and ``.`` survive, so the name is safe on every file system and in a
``Content-Disposition`` header.
"""

from __future__ import annotations

import re

from geo.store.api import Filters

PREFIX = "csto-map"
MAX_LENGTH = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
SUFFIX = {"gpkg": "gpkg", "geojson": "geojson", "csv": "csv", "png": "png", "svg": "svg", "pdf": "pdf"}


def snapshot_name(filters: Filters, fmt: str, *, prefix: str = PREFIX, lang: str | None = None) -> str:
    """A file name for ``filters`` exported as ``fmt`` (its suffix), e.g.
    ``csto-map_2022-01-02_2022-01-10_KZ-RU_riot.png``; ``lang`` adds ``_ar`` / ``_en``."""
    parts = [prefix, *_date_parts(filters)]
    if filters.countries:
        parts.append("-".join(sorted(c.upper() for c in filters.countries)))
    if filters.types:
        parts.append("-".join(sorted(filters.types)))
    if filters.documents:
        parts.append("docs-" + "-".join(sorted(filters.documents)))
    if lang:
        parts.append(lang)
    stem = "_".join(_safe(p) for p in parts if _safe(p))
    if len(stem) > MAX_LENGTH:
        stem = stem[:MAX_LENGTH].rstrip("_-.")
    return f"{stem}.{SUFFIX.get(fmt, _safe(fmt) or 'out')}"


def _date_parts(filters: Filters) -> list[str]:
    if not filters.date_from and not filters.date_to:
        return ["all-dates"]
    first = filters.date_from.isoformat() if filters.date_from else "start"
    last = filters.date_to.isoformat() if filters.date_to else "end"
    return [first, last]


def _safe(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-")
