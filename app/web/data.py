"""Per-process, read-only caches: the open store per URL and the map's reference data.

Nothing here changes after it is built, so every worker process can hold its own copy.
"""

from __future__ import annotations

import json
from functools import lru_cache


@lru_cache(maxsize=4)
def store_for(url: str):
    from geo.store.db import open_store

    return open_store(url)


@lru_cache(maxsize=1)
def reference():
    from geo.layers.compose import load_reference

    return load_reference()


@lru_cache(maxsize=1)
def base_layer_bytes() -> bytes:
    from geo.layers import membership

    return json.dumps(membership.base(reference().countries), separators=(",", ":")).encode("utf-8")
