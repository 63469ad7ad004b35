"""One root error for the library; each subclass also inherits the builtin it resembles.

Messages name the value, what was expected and what to do about it.
"""

from __future__ import annotations


class CstoMapError(Exception):
    """Root of every error this project raises on purpose."""


class InputError(CstoMapError, ValueError):
    """An article, a JSON line or an option that cannot be used as given."""


class GazetteerError(CstoMapError, RuntimeError):
    """The gazetteer index is missing, unreadable or cannot be built."""


class GeocoderServiceError(CstoMapError, ConnectionError):
    """An online geocoder (off by default) failed or was rate-limited."""


class StoreError(CstoMapError, RuntimeError):
    """The store could not be opened, migrated or written."""


class DataFileError(CstoMapError, OSError):
    """A bundled data file (boundaries, membership, aliases) is missing or malformed."""
