"""The pipeline: text → normalise → place names → gazetteer → dates, numbers, events, troops."""

from __future__ import annotations

from geo.model import Extraction


def extract(text: str, *, doc_id: str, published: str | None = None) -> Extraction:
    """Extract places, troop contributions and events from one Arabic article."""
    return Extraction(id=doc_id, published=published)
