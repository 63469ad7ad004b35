"""csto-map's library: Arabic text in, places, events, troop contributions and map layers out.

Nothing here imports the Dash app or does work at import time; the gazetteer index is
built lazily and cached on disk (see :mod:`geo.gazetteer`).
"""

__version__ = "0.1.0"
