"""The pipeline: text → normalise → place names → gazetteer → dates, numbers, events, troops."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from datetime import date

from geo.arabic_dates import UNTIL
from geo.clauses import paragraph_start
from geo.model import Extraction, Mention, Place

MAX_TEXT_CHARS = 2_000_000  # beyond this an input is not an article; only its head is read


class Extractor:
    """Holds the loaded gazetteer and the lexicons; reuse one instance for a batch."""

    def __init__(self, *, index=None, settings=None):
        from geo import arabic_dates, events, troops
        from geo.clauses import MultiLexicon
        from geo.gazetteer import get_index
        from geo.geoparse import Geoparser
        from geo.settings import get_settings

        self.settings = settings or get_settings()
        self.index = index or get_index(self.settings)
        self.geoparser = Geoparser(self.index)
        people = troops.people_lexicons(self.settings.gazetteer_dir / "people.csv")
        self.events = events.EventExtractor(
            capitals=frozenset(self.index.capitals),
            states={p.iso2: p for p in self.index.places.values() if p.kind == "country" and p.iso2},
            leaders=tuple(people),
        )
        self.troops = troops.TroopExtractor(leaders=tuple(people))
        # one scan of each article finds every word the event and troop rules look for
        lexicons = {**events.LEXICONS, **troops.LEXICONS, **people}
        assert len(lexicons) == len(events.LEXICONS) + len(troops.LEXICONS) + len(people), \
            "lexicon names must not clash"
        self.lexicon = MultiLexicon(
            {name: stems for name, (stems, _) in lexicons.items()},
            verbal=[name for name, (_, verbal) in lexicons.items() if verbal],
        )
        self.capitals = {k: self.index.places[k].iso2 for k in self.index.capitals if k in self.index.places}
        arabic_dates.prepare()

    def extract(self, text: str, *, doc_id: str, published: str | None = None) -> Extraction:
        from geo import troops as troop_rules
        from geo.arabic_dates import find_dates, infer_published
        from geo.boilerplate import body_end
        from geo.clauses import MentionIndex, sentences
        from geo.normalize import GapMap, fold
        from geo.numbers import find_numbers, fold_text

        warnings: list[str] = []
        if len(text) > MAX_TEXT_CHARS:
            warnings.append(f"text has {len(text):,} characters; only the first {MAX_TEXT_CHARS:,} were read")
            text = text[:MAX_TEXT_CHARS]
        end = body_end(text)
        body = text[:end]
        if published is None:
            whole = fold_text(text)  # (the dates' folding) read by infer_published, its head by the finders
            found = infer_published(text, folded=whole)
            published = found.isoformat() if found else None
            dated = whole.head(end)
        else:
            dated = fold_text(body)
        folded = fold(body)
        gaps = GapMap(folded)  # the folded body without its dropped diacritics, for both scans
        places, mentions = self.geoparser.parse(text, folded=folded, end=end, gaps=gaps)
        dates = find_dates(body, published=_day(published), default_year=self.settings.default_year, folded=dated)
        warnings += [f"{d.text!r} at {d.start} is not a real date; left undated" for d in dates
                     if d.value is None and not d.relative]
        numbers = find_numbers(body, exclude=[(d.start, d.end) for d in dates], folded=dated)
        sents = sentences(text, end, folded=folded)
        main = _main_state(mentions, self.capitals.keys(), self.events.states)
        paragraphs = [m.end() for m in _PARAGRAPH.finditer(text, 0, end)]
        date_of = _DateLookup(text, dates, published, paragraphs)
        hits = self.lexicon.hits(folded, gaps)
        # where forces go: the state whose places follow إلى in sentences about forces, else the main state
        headed = troop_rules.destination(sents, hits, MentionIndex(mentions), self.capitals.keys()) or (
            main.iso2 if main else None)
        troops = self.troops.extract(sents, numbers, mentions, date_of, self.capitals, headed, hits=hits)
        # a subheading ("نهب واسع") names what the paragraph under it tells: not events of its own
        title_end = text.find("\n")
        told = [x for x in sents if title_end < 0 or x.start <= title_end or not _subheading(text, x)]
        events = self.events.extract(told, numbers, mentions, date_of, main, hits=hits, paragraphs=paragraphs,
                                     destination=self.events.states.get(headed) if headed else None)
        return Extraction(
            id=doc_id,
            published=published,
            places=tuple(places),
            mentions=tuple(mentions),
            troops=tuple(troops),
            events=tuple(events),
            warnings=tuple(warnings),
        )


_PARAGRAPH = re.compile(r"\n\s*")  # a paragraph starts after a line break
# a claim with no date of its own takes the last date named this many characters before it
CARRY_CHARS = 300


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}  # the most precise date a claim names dates it


class _DateLookup:
    """The date a claim between two offsets carries: its own, else the last one named just
    before it, else (for what is not history) the publication date: news reports the day it
    is written."""

    def __init__(self, text: str, dates, published: str | None = None, paragraphs: Sequence[int] = ()):
        self.text = text
        self.paragraphs = paragraphs  # where paragraphs start: a day heading one dates what it tells
        # "حتى 19 يناير" ends a period: it is not when anything happened
        self.dates = sorted(
            (d for d in dates if d.value and not UNTIL.search(text, max(0, d.start - 12), d.start)),
            key=lambda d: d.start,
        )
        self.starts = [d.start for d in self.dates]
        self.headings = [d for d in self.dates if d.precision == "day" and _heading(text, d)]
        self.heading_starts = [d.start for d in self.headings]
        # without a publication date, the newest day the article names stands in for it
        days = [d.value for d in self.dates if d.precision == "day"]
        self.reference = published or (max(days) if days else None)

    def listed_years(self, start: int, end: int, pos: int, window: int) -> list[str]:
        """Years listed right after a trigger ("ثورات 2005 و2010 و2020"), when there are two or more."""
        years = [d for d in self._between(pos + 1, min(end, pos + window)) if d.precision == "year"]
        return [d.value for d in years] if len(years) >= 2 else []

    def __call__(self, start: int, end: int, *, near: int | None = None, historical: bool = False,
                 outer: tuple[int, int] | None = None):
        """The date of a claim in [start, end) (a clause); ``outer`` is its sentence, tried next."""
        own = self._between(start, end)
        if not own and outer is not None:
            start, end = outer
            own = self._between(start, end)
        if historical:
            own = [d for d in own if not d.relative]
        if len(own) == 1:
            return own[0].value
        if own:
            pivot = start if near is None else near
            return min(own, key=lambda d: (_PRECISION_RANK.get(d.precision, 3), abs(d.start - pivot))).value
        if historical:
            return None
        paragraph = paragraph_start(self.paragraphs, start)
        # the last day named before it in its paragraph (a chronology's entry), or just
        # before it, but not across a live blog's time stamp ("07:50" on a line of its own: a
        # "أمس" in one entry does not date the next); else a day standing as a heading on its
        # own line ("الأربعاء 5/1/2022" over a live blog's entries)
        earlier = [d for d in self._between(min(paragraph, start - CARRY_CHARS + 1), start) if _carries(d)]
        if earlier and not TIME_STAMP.search(self.text, earlier[-1].end, start):
            return earlier[-1].value
        k = bisect_left(self.heading_starts, start)
        return self.headings[k - 1].value if k else self.reference

    def step(self, pos: int, until: int, clause: tuple[int, int], sentence: tuple[int, int]) -> str | None:
        """The date of one step of a history told at ``pos``: the first date after it and
        before ``until`` (the next step), else the last one before it in its clause, else in
        its sentence (relative dates are left out: history is told in absolute ones)."""
        after = [d for d in self._between(pos, until) if not d.relative]
        if after:
            return after[0].value
        for start, _ in (clause, sentence):
            before = [d for d in self._between(start, pos) if not d.relative]
            if before:
                return before[-1].value
        return None

    def _between(self, start: int, end: int) -> list:
        return self.dates[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


SUBHEADING_WORDS = 5


def _subheading(text: str, s) -> bool:
    """Sentence ``s`` is a short line of its own (no full stop ends it)."""
    i, j = s.start, s.end
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return (i == 0 or text[i - 1] == "\n") and (j == len(text) or text[j] == "\n") and (
        len(s.text.split()) <= SUBHEADING_WORDS)


TIME_STAMP = re.compile(r"(?m)^[ \t]*[0-9\u0660-\u0669]{1,2}[:.][0-9\u0660-\u0669]{2}[ \t]*$")
HEADING_EXTRA_CHARS = 16  # a weekday and punctuation beside a date on a line of its own


def _heading(text: str, d) -> bool:
    """Date ``d`` stands on a line of its own (with a weekday at most): "الخميس 6/1/2022"."""
    line_start = text.rfind("\n", 0, d.start) + 1
    line_end = text.find("\n", d.end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return len(line) <= len(d.text) + HEADING_EXTRA_CHARS


def _carries(d) -> bool:
    """A date named before a claim may date it: not a bare year, nor a month told relative
    to publication ("مطلع الشهر الجاري"), which the publication day itself says better."""
    return d.precision == "day"


HEADLINE_CHARS = 300
# how much a mention tells where the article's events happen: a city or region of a state
# places events there; a state's adjective mostly names an actor (القوات الروسية)
_WEIGHT = {"adjective": 0.25}
_LOCAL_WEIGHT = 2.0
_CAPITAL_WEIGHT = 0.5  # a capital mostly names its government (موسكو ترى أن …)


def _main_state(mentions: list[Mention], capitals=frozenset(), states: dict[str, Place] | None = None) -> Place | None:
    """The state the article is about, by weighted mentions; the headline counts three times."""
    weight: Counter[str] = Counter()
    for m in mentions:
        if not m.place.iso2 or m.place.kind == "other":
            continue
        if m.place.kind == "country":
            w = _WEIGHT.get(m.via, 1.0)
        else:
            w = _CAPITAL_WEIGHT if m.place.key in capitals else _LOCAL_WEIGHT
        weight[m.place.iso2] += w * (3 if m.start < HEADLINE_CHARS else 1)
    if not weight:
        return None
    top = weight.most_common(1)[0][0]
    named = next((m.place for m in mentions if m.place.kind == "country" and m.place.iso2 == top), None)
    return named or (states or {}).get(top)  # a state told only by its cities


def _day(published: str | None) -> date | None:
    return date.fromisoformat(published) if published else None


_default: Extractor | None = None


def extract(text: str, *, doc_id: str, published: str | None = None) -> Extraction:
    """Extract with a process-wide extractor (built on first call, read-only afterwards)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, doc_id=doc_id, published=published)
