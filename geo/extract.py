"""The pipeline: text → normalise → place names → gazetteer → dates, numbers, events, troops."""

from __future__ import annotations

from geo.model import Extraction


def extract(text: str, *, doc_id: str, published: str | None = None, geoparser=None) -> Extraction:
    """Extract places, troop contributions and events from one Arabic article."""
    gp = geoparser or default_geoparser()
    places, mentions = gp.parse(text)
    return Extraction(id=doc_id, published=published, places=tuple(places), mentions=tuple(mentions))


def default_geoparser():
    from geo.gazetteer import get_index
    from geo.geoparse import Geoparser

    return Geoparser(get_index())
