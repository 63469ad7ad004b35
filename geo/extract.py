"""The pipeline: text → normalise → place names → gazetteer → dates, numbers, events, troops."""

from __future__ import annotations

from geo.model import Extraction

MAX_TEXT_CHARS = 2_000_000  # beyond this an input is not an article; only its head is read


class Extractor:
    """Holds the loaded gazetteer; reuse one instance for a batch of articles."""

    def __init__(self, *, index=None):
        from geo.gazetteer import get_index
        from geo.geoparse import Geoparser

        self.index = index or get_index()
        self.geoparser = Geoparser(self.index)

    def extract(self, text: str, *, doc_id: str, published: str | None = None) -> Extraction:
        warnings: list[str] = []
        if len(text) > MAX_TEXT_CHARS:
            warnings.append(f"text has {len(text):,} characters; only the first {MAX_TEXT_CHARS:,} were read")
            text = text[:MAX_TEXT_CHARS]
        places, mentions = self.geoparser.parse(text)
        return Extraction(
            id=doc_id,
            published=published,
            places=tuple(places),
            mentions=tuple(mentions),
            warnings=tuple(warnings),
        )


_default: Extractor | None = None


def extract(text: str, *, doc_id: str, published: str | None = None) -> Extraction:
    """Extract with a process-wide extractor (built on first call, read-only afterwards)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, doc_id=doc_id, published=published)
