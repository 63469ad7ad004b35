"""One settings object instead of constants scattered through modules.

Values come from keyword arguments, then environment variables (``CSTO_MAP_*``), then
defaults. Nothing is read at import time: call :func:`get_settings`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_data_dir() -> Path:
    return Path(os.environ.get("CSTO_MAP_DATA_DIR", REPO_ROOT / "data"))


def _default_cache_dir() -> Path:
    env = os.environ.get("CSTO_MAP_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("csto-map"))


def _default_db_url() -> str:
    env = os.environ.get("CSTO_MAP_DB")
    if env:
        return env
    import platformdirs

    return "sqlite:///" + str(Path(platformdirs.user_data_dir("csto-map")) / "csto-map.sqlite")


@dataclass(frozen=True, kw_only=True)
class Settings:
    data_dir: Path = field(default_factory=_default_data_dir)
    cache_dir: Path = field(default_factory=_default_cache_dir)
    db_url: str = field(default_factory=_default_db_url)
    # the year the corpus is about: a date with no year, in an article with no publication
    # date and no year of its own nearby, is read in this year (January 2022 unrest)
    default_year: int = field(default_factory=lambda: int(os.environ.get("CSTO_MAP_DEFAULT_YEAR", "2022")))
    # GeoNames cities below this population are not indexed at all
    min_population: int = 500
    # an online geocoder behind the offline gazetteer: off unless asked for
    online_geocoder: bool = field(
        default_factory=lambda: os.environ.get("CSTO_MAP_ONLINE_GEOCODER", "") in {"1", "true", "yes"}
    )
    nominatim_user_agent: str = "csto-map"
    nominatim_min_delay_seconds: float = 1.0

    @property
    def boundaries_dir(self) -> Path:
        return self.data_dir / "boundaries"

    @property
    def gazetteer_dir(self) -> Path:
        return self.data_dir / "gazetteer"

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
