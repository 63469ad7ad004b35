"""Find the places an Arabic article names and resolve them against the gazetteer.

The text is folded once (:func:`geo.normalize.fold`, offsets preserved); an Aho-Corasick
automaton over every gazetteer key finds candidate spans; each span must sit on word
boundaries, allowing attached clitics in front (و ف ب ل ك ال) and, for adjectives of
states, nisba endings behind. Overlaps go to the longest span. The automaton runs once per
distinct written word (the text between two spaces), not once per article: a span never
reaches over a space unless its key holds one, so what a word holds is cached, and names
of several words are looked up by their first two words (:class:`_SpanFinder`). Then each
span is resolved by evidence:

1. checked names (curated aliases, state names, state adjectives) first; the states they
   name become the article's focus;
2. GeoNames-only names must earn their place: a city cue before them (مدينة، العاصمة …),
   or a large population for a name that is not an ordinary Arabic word, or a place in a
   focus state; ties go to focus states, then nearness to the other places, then population;
3. a person's name that contains a place name is dropped (نور سلطان نزارباييف);
4. "the airport" with no name takes the airport of the nearest city in its sentence.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache, reduce
from itertools import accumulate, compress, count
from operator import add, attrgetter, itemgetter, or_
from typing import NamedTuple

from geo.boilerplate import body_end
from geo.gazetteer.build import EVERYDAY_WORD
from geo.gazetteer.entries import ADJECTIVE, COUNTRY, CUED, GEONAMES, Entry
from geo.gazetteer.index import GazetteerIndex
from geo.model import Mention, Place, ResolvedPlace
from geo.normalize import ARABIC_LETTERS, GapMap, clitic_prefixes, fold, key

_AR = re.compile(r"[\u0621-\u064a]")


def _folded(words) -> frozenset[str]:
    """Word lists are written in ordinary Arabic and compared with folded text."""
    return frozenset(key(w) for w in words)


_IS_AR = ARABIC_LETTERS
_IS_LATIN = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# the nisba's endings: feminine, plurals, duals, and the indefinite accusative's alef ("120 أرمنياً")
ADJECTIVE_ENDINGS = frozenset({"", "ه", "ون", "ين", "ان", "تان", "تين", "ا"})
CITY_CUES = _folded({"مدينه", "بلده", "قريه", "العاصمه", "عاصمه", "مدينتي", "بمدينه", "لمدينه", "وعاصمتها"})
# plural and dual cues: every name of the list that follows is a city (مدن أكتاو وأتيراو وشيمكنت)
LIST_CUES = _folded({"مدن", "مدينتي", "مدينتا", "بلدات", "قري", "عواصم"})
LIST_JOINS = frozenset("،,")
LIST_PREFIXES = frozenset({"", "و"})  # what a later name of a list carries: "وتركستان", "، تركستان"
MAX_LIST = 12  # names walked back through one list
CAPITAL_NOUNS = _folded({"العاصمة", "عاصمة"})
REGION_CUES = _folded({"اقليم", "منطقه", "ولايه", "مقاطعه", "محافظه"})
IN_WORDS = _folded({"في", "وفي", "ففي"})  # "in", before a place
PERSON_TITLES = _folded(
    {"الرئيس", "السيد", "الزعيم", "الراحل", "الشيخ", "الامير", "الجنرال", "المستشار", "الوزير", "زعيم"}
)
TITLE_FILLERS = _folded({"السابق", "الاسبق", "الحالي", "الكازاخي", "الكازاخستاني", "الاول", "المؤسس"})
SURNAME_ENDINGS = ("ييف", "يف", "وف", "يفا", "وفا", "ينكو", "سكي", "فيتش", "وفيتش", "وفسكي", "باييف")
SENTENCE_END = re.compile(r"[.!?؟\n]")

# confidence by source of the name
_CONFIDENCE = {"curated": 0.95, COUNTRY: 0.97, ADJECTIVE: 0.9}


class Span(NamedTuple):
    """A gazetteer key found on word boundaries in the folded text."""

    start: int  # offsets in the (compact) folded text
    end: int
    key: str
    prefix: str  # clitics in front, inside the same written word
    suffix: str  # nisba ending behind (adjectives only)


_QUOTES = frozenset('"«“\'')
# spaces, then a word: after a position, and (over the reversed text) before it, where an
# opening quote mark may stand between the word and the name too
_WORD_AFTER = re.compile(r" *([\u0621-\u064a]*)")
_WORD_BEFORE = re.compile("[ " + re.escape("".join(sorted(_QUOTES))) + "]*([\u0621-\u064a]*)")
# builds a named tuple in C: the class's own __new__ is a Python function, which the
# hundred spans and hits of an article pay for each
_NEW = tuple.__new__


class _Text:
    """The folded article with a map back to the original offsets."""

    def __init__(self, text: str, limit: int, folded: str | None = None, gaps: GapMap | None = None):
        self.original = text
        folded = fold(text[:limit]) if folded is None else folded
        self.map = GapMap(folded) if gaps is None else gaps
        self.folded = self.map.compact
        self.spans: list[Span] = []  # the article's spans
        self.city_ends: set[int] = set()  # where the spans resolved to cities so far end
        self._before: dict[int, tuple[str, int]] = {}  # word_before by position: rules ask about the same words
        self.held: dict[frozenset[str], bool] = {}  # sets of words known to be in the text or not
        self._reversed: str | None = None  # the folded text backwards, for word_before

    def holds_any(self, words: frozenset[str]) -> bool:
        """Whether one of ``words`` occurs anywhere in the folded text: a rule that looks
        for one of them before a name is skipped in the many articles without any."""
        held = self.held.get(words)
        if held is None:
            held = self.held[words] = any(w in self.folded for w in words)
        return held

    @property
    def span_at_end(self) -> dict[int, Span]:
        """The article's spans by where they end (built when a list of names is first walked)."""
        at_end = self.__dict__.get("_span_at_end")
        if at_end is None:
            at_end = self._span_at_end = {sp.end: sp for sp in self.spans}
        return at_end

    def orig(self, i: int) -> int:
        if i >= len(self.folded):
            return len(self.original) if self.map.gaps else i
        return self.map.orig(i)

    def word_before(self, pos: int) -> tuple[str, int]:
        """The word ending right before ``pos`` (skipping spaces and an opening quote mark:
        تكتل "غوام"), and its start."""
        found = self._before.get(pos)
        if found is not None:
            return found
        if pos <= 0:
            return "", pos
        # read backwards: the pattern runs over the reversed text from where pos - 1 stands
        backwards = self._reversed
        if backwards is None:
            backwards = self._reversed = self.folded[::-1]
        r = len(backwards) - pos
        a, b = _WORD_BEFORE.match(backwards, r).span(1)
        found = self._before[pos] = self.folded[pos - (b - r) : pos - (a - r)], pos - (b - r)
        return found

    def word_after(self, pos: int) -> str:
        return _WORD_AFTER.match(self.folded, pos).group(1)

    def sentence(self, pos: int) -> tuple[int, int]:
        f = self.folded
        start = max((m.end() for m in SENTENCE_END.finditer(f, max(0, pos - 400), pos)), default=max(0, pos - 400))
        m = SENTENCE_END.search(f, pos)
        return start, (m.start() if m else len(f))


MAX_PREFIX = max(len(p) for p in clitic_prefixes())
_CLITIC_LETTERS = frozenset("".join(clitic_prefixes()))
MAX_SUFFIX = max(len(x) for x in ADJECTIVE_ENDINGS)
MAX_CACHED_WORDS = 200_000  # written words (or pairs of them) a cache keeps; then it starts over


def _span_at(f: str, s: int, e: int, k: str, index: GazetteerIndex) -> Span | None:
    """The span of key ``k`` found at ``f[s:e]`` when it sits on word boundaries, else None."""
    n = len(f)
    if e < n and f[e] in _IS_AR and k not in index.open_ended_keys:
        return None  # the word goes on: a name never takes an ending
    prefix = _prefix_at(f, s, k)
    if prefix is None:
        return None
    if k[0] in _IS_LATIN:
        if f[e : e + 1] in _IS_LATIN:
            return None
        return Span(s, e, k, "", "")
    te = e
    if k in index.adjectives:
        while te < n and f[te] in _IS_AR and te - e <= MAX_SUFFIX:
            te += 1
        suffix = f[e:te]
        if suffix and suffix not in ADJECTIVE_ENDINGS:
            return None
        if suffix == "ا" and k + suffix in index.entries:
            return None  # the whole word is a name (أرمينيا), not an adjective's accusative
    else:
        suffix = ""
    return Span(s, te, k, prefix, suffix)


def _found_in_text(f: str, index: GazetteerIndex) -> list[_Found]:
    """Every key the automaton finds in ``f`` that sits on word boundaries (:func:`_span_at`).
    Run on the words an article brings for the first time, not on every article's text."""
    found: list[_Found] = []
    for last, k in index.automaton.iter(f):
        e = last + 1
        sp = _span_at(f, e - len(k), e, k, index)
        if sp is not None:
            found.append(_NEW(_Found, (sp.start - sp.end, sp.start, e, sp)))
    return found


def _prefix_at(f: str, s: int, k: str) -> str | None:
    """The clitics in front of key ``k`` starting at ``f[s]``, None when the key starts
    inside another word. A Latin name takes none, and only a Latin letter runs into it."""
    if k[0] in _IS_LATIN:
        return None if s > 0 and f[s - 1] in _IS_LATIN else ""
    if s == 0 or f[s - 1] not in _IS_AR:
        return ""
    if f[s - 1] not in _CLITIC_LETTERS:
        return None  # a letter that no clitic ends with: the key sits inside another word
    ts = s - 1
    while ts > 0 and f[ts - 1] in _IS_AR and s - ts <= MAX_PREFIX:
        ts -= 1
    prefix = f[ts:s]
    # too long a prefix, or not clitics: the key sits inside another word
    return prefix if prefix in clitic_prefixes() else None


class _Found(NamedTuple):
    """A span before overlaps are settled, with its sort key: longest first, then earliest,
    then the one whose key ends first (the order the automaton reports them in)."""

    minus_length: int
    start: int
    key_end: int
    span: Span


class _WordSpans(NamedTuple):
    """What one written word (the text between two spaces) holds, in offsets inside it. A
    span never reaches over a space unless its key has one, so a word's spans depend on the
    word alone, and the same words come back in every article."""

    taken: tuple[Span, ...]  # its spans once overlaps inside it are settled
    found: tuple[_Found, ...]  # all of them, for when a name of several words overlaps them
    second: bool  # the word may be the second of a name of several words
    watched: int  # bit n: the word holds one of the finder's n-th watched words


_TAKEN, _SECOND, _WATCHED = attrgetter("taken"), attrgetter("second"), attrgetter("watched")


class _PairSpans(NamedTuple):
    """The names of several words that start in the first of two written words, in offsets
    inside the pair (the two words and the space between them)."""

    found: tuple[_Found, ...]  # names that end inside the pair
    longer: tuple[tuple[int, str], ...]  # (offset, key): names of three words or more, to test on the text
    taken: tuple[Span, ...]  # the pair's spans once overlaps inside it are settled (the words' own spans too)


class _Cache(dict):
    """A bounded cache of short strings (first words, pairs of words): the value is worked
    out by ``make`` when a string is first seen; the cache starts over when full."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, s: str):
        if len(self) >= MAX_CACHED_WORDS:
            self.clear()
        value = self[s] = self.make(s)
        return value


class _WordCache(dict):
    """Written word → its :class:`_WordSpans` (None when it holds nothing). A word not seen
    yet is only noted (and answered with _UNSEEN): the finder then works out all the new
    words of an article at once (:meth:`_SpanFinder._learn`), mostly in C, since on new
    text the first sight of each word is what the cache costs."""

    def __init__(self):
        super().__init__()
        self.unseen: list[str] = []

    def __missing__(self, word: str):
        self.unseen.append(word)
        return _UNSEEN


_UNSEEN = object()


class _SpanFinder:
    """Finds the article's spans written word by written word (the text between two
    spaces): a span never reaches over a space unless its key holds one, so what a word
    holds depends on the word alone and is worked out once per distinct word. Names of
    several words are looked up where one of their first words ends a written word.
    ``watched``: sets of words whose presence anywhere in the text the rules want to know
    (none has a space, so a word of one is in the text when it is in one written word)."""

    def __init__(self, index: GazetteerIndex, watched: tuple[frozenset[str], ...] = ()):
        self.index = index
        self.multiword = index.multiword
        self.watched = watched
        every = sorted({w for words in watched for w in words})
        self._any_watched = re.compile("|".join(map(re.escape, every))) if every else None
        self.words = _WordCache()
        self.heads = _Cache(self._heads_of)
        self.pairs = _Cache(self._pair_spans)

    def find(self, f: str) -> tuple[list[Span], dict[frozenset[str], bool]]:
        """The spans of the folded text ``f``, and for each watched set whether ``f`` holds one of its words."""
        tokens = f.split(" ")
        per_word = list(map(self.words.__getitem__, tokens))
        while self.words.unseen:  # words seen for the first time: learnt all at once, then read again
            self._learn_unseen(tokens)
            per_word = list(map(self.words.__getitem__, tokens))
        lengths = list(accumulate(map(len, tokens), initial=0))  # written word j starts at lengths[j] + j
        holding = list(compress(range(len(tokens)), per_word))
        held = list(map(per_word.__getitem__, holding))
        seconds = list(compress(holding, map(_SECOND, held)))
        settled, multi, touched = self._multiword(f, tokens, per_word, lengths, seconds)
        with_spans = list(compress(holding, map(_TAKEN, held)))
        spans = [
            _NEW(Span, (pos + s, pos + e, k, prefix, suffix))
            for j, pos in zip(with_spans, map(add, map(lengths.__getitem__, with_spans), with_spans), strict=True)
            if j not in touched
            for s, e, k, prefix, suffix in per_word[j].taken
        ]
        present = reduce(or_, map(_WATCHED, held), 0)
        watched = {words: bool(present & (1 << n)) for n, words in enumerate(self.watched)}
        if settled:
            spans += settled
            spans.sort()  # by start: the spans do not overlap, so no two start together
        elif multi:
            # a name of several words competes only with the spans of the written words it
            # reaches into; elsewhere each word's own winners stand
            for j in touched:
                if per_word[j] is not None:
                    pos = lengths[j] + j
                    multi.extend(_NEW(_Found, (minus_length, pos + s, pos + e, _moved(sp, pos)))
                                 for minus_length, s, e, sp in per_word[j].found)
            spans += _longest_first(multi)
            spans.sort()  # by start: the spans do not overlap, so no two start together
        return spans, watched

    def _multiword(self, f, tokens, per_word, lengths, seconds) -> tuple[list[Span], list[_Found], set[int]]:
        """The names of several words, looked for where a word that may be the second of
        such a name follows one that may be the first (fewer places than either alone: في
        and علي are first words). Returns the spans of the pairs of words they settle
        alone (names of two words, in pairs that share no word), else the names (in
        article offsets) to settle with the spans of the words they reach into; and those
        written words."""
        before = ["", *tokens]  # before[j]: the written word before word j ("" before the first)
        seconds = list(compress(seconds, map(self.heads.__getitem__, map(before.__getitem__, seconds))))
        pairs = map(" ".join, zip(map(before.__getitem__, seconds), map(tokens.__getitem__, seconds), strict=True))
        per_pair = list(map(self.pairs.__getitem__, pairs))
        active = []  # (first word, where it starts, the pair, its names of three words or more)
        for second, pair in compress(zip(seconds, per_pair, strict=True), per_pair):
            j = second - 1
            pos = lengths[j] + j
            longer = self._longer(f, pos, pair.longer) if pair.longer else ()
            if pair.found or longer:
                active.append((j, pos, pair, longer))
        touched = {j + d for j, _, _, _ in active for d in (0, 1)}
        if len(touched) == 2 * len(active) and not any(longer for _, _, _, longer in active):
            return [_moved(sp, pos) for _, pos, pair, _ in active for sp in pair.taken], [], touched
        last = len(tokens) - 1
        multi: list[_Found] = []
        for j, pos, pair, longer in active:
            found = [_Found(x.minus_length, pos + x.start, pos + x.key_end, _moved(x.span, pos)) for x in pair.found]
            found += longer
            for x in found:
                end = j + 1
                while end < last and lengths[end + 1] + end + 1 < x.span.end:
                    end += 1
                touched.update(range(j, end + 1))
            multi += found
        return [], multi, touched

    def _longer(self, f: str, pos: int, longer: tuple[tuple[int, str], ...]) -> list[_Found]:
        """The names of three words or more, among ``longer`` (a pair's), that the text at ``pos`` holds."""
        return [
            _Found(sp.start - sp.end, sp.start, pos + i + len(k), sp)
            for i, k in longer
            if f.startswith(k, pos + i) and (sp := _span_at(f, pos + i, pos + i + len(k), k, self.index))
        ]

    def _spans_of(self, word: str) -> _WordSpans | None:
        """What ``word`` holds, learnt now if it is new."""
        spans = self.words.get(word, _UNSEEN)
        if spans is _UNSEEN:
            self._learn([word])
            spans = self.words[word]
        return spans

    def _learn_unseen(self, tokens: list[str]) -> None:
        """Learns the words of the article (``tokens``) that the cache has just noted as new."""
        words = self.words
        unseen = list(dict.fromkeys(words.unseen))
        words.unseen.clear()
        if len(words) + len(unseen) > MAX_CACHED_WORDS:
            words.clear()  # start over, with the words of this article
            unseen = list(dict.fromkeys(tokens))
        self._learn(unseen)

    def _learn(self, new: list[str]) -> None:
        """Works out what each of the ``new`` written words holds (see :class:`_WordSpans`),
        over all of them joined by spaces: one automaton pass and one pass of each regex,
        their matches handed to the word they fall in; most words hold nothing and cost no
        Python step of their own."""
        joined = " ".join(new)
        at = list(map(add, accumulate(map(len, new), initial=0), count()))  # word i starts at at[i]
        found: dict[int, list[_Found]] = {}
        # the words' neighbours in the joined text are spaces, as in any text
        for minus_length, s, e, sp in _found_in_text(joined, self.index):
            i = bisect_right(at, s) - 1
            pos = at[i]
            if sp.end - pos > len(new[i]):
                continue  # a key of several words, across two of the joined words
            found.setdefault(i, []).append(_NEW(_Found, (minus_length, s - pos, e - pos, _moved(sp, -pos))))
        watched: dict[int, int] = {}
        if self._any_watched is not None:
            for m in self._any_watched.finditer(joined):
                word = new[i := bisect_right(at, m.start()) - 1]
                watched[i] = sum(1 << n for n, words in enumerate(self.watched) if any(w in word for w in words))
        second = self._seconds_among(new, joined, at)
        learnt = dict.fromkeys(new)
        for i in {*found, *second, *watched}:
            candidates = found.get(i, [])
            learnt[new[i]] = _WordSpans(
                tuple(_longest_first(list(candidates))), tuple(candidates), i in second, watched.get(i, 0)
            )
        self.words.update(learnt)

    def _seconds_among(self, new: list[str], joined: str, at: list[int]) -> set[int]:
        """Which of the ``new`` words may hold the second word of a name of several words:
        one that ends where a name may end (at the word's end when it has Arabic letters
        only), or, for a name that may end inside a word, one the word starts with."""
        multiword = self.multiword
        if "" in multiword.open_seconds:
            return set(range(len(new)))
        position = dict(zip(new, range(len(new)), strict=True))
        second = set(map(position.__getitem__, multiword.seconds.intersection(new)))
        # a name may also end before a character that is no Arabic letter: the word's
        # beginnings up to each such character
        seconds = multiword.seconds
        for m in _NOT_ARABIC.finditer(joined):
            i = bisect_right(at, m.start()) - 1
            if i not in second and any(joined[at[i] : q] in seconds for q in range(m.start(), m.end())):
                second.add(i)
        by_letter = multiword.open_seconds_by_letter
        maybe_open = compress(range(len(new)), map(by_letter.__contains__, map(_FIRST_LETTER, new)))
        second.update(i for i in maybe_open if new[i].startswith(by_letter[new[i][:1]]))
        return second

    def _heads_of(self, word: str) -> tuple[tuple[int, bool], ...]:
        """(offset, may end inside a word): where in ``word`` names of several words may start."""
        heads = self.multiword.heads
        # in a word of Arabic letters only, a name starts at the word or after its clitics
        starts = range(min(len(word), MAX_PREFIX + 1)) if _ALL_ARABIC.fullmatch(word) else range(len(word))
        return tuple(
            (i, heads[word[i:]])
            for i in starts
            if word[i:] in heads and _prefix_at(word, i, word[i:]) is not None
        )

    def _pair_spans(self, pair: str) -> _PairSpans | None:
        """The names of several words that start in the first word of ``pair`` ("first
        second"), looked up by their first two words: the second ends where a name may end
        in the second written word (anywhere, for a name that may end inside a word)."""
        first, second = pair.split(" ")
        by_two_words = self.multiword.by_two_words
        found, longer = [], []
        for i, open_ended in self.heads[first]:
            for m in range(len(second) + 1) if open_ended else _name_ends(second):
                for k in by_two_words.get(pair[i : len(first) + 1 + m], ()):
                    if i + len(k) > len(pair):
                        longer.append((i, k))
                    elif pair.startswith(k, i):
                        sp = _span_at(pair, i, i + len(k), k, self.index)
                        if sp is not None:
                            found.append(_Found(sp.start - sp.end, i, i + len(k), sp))
        if not found and not longer:
            return None
        # the pair's own settling, for when no other name reaches into its words
        candidates = list(found)
        for offset, word in ((0, first), (len(first) + 1, second)):
            spans = self._spans_of(word)
            if spans is not None:
                candidates += [_Found(x.minus_length, offset + x.start, offset + x.key_end, _moved(x.span, offset))
                               for x in spans.found]
        return _PairSpans(tuple(found), tuple(longer), tuple(_longest_first(candidates)))


def _moved(sp: Span, pos: int) -> Span:
    """A span of a written word, in offsets of the article (the word starts at ``pos``)."""
    s, e, k, prefix, suffix = sp
    return _NEW(Span, (pos + s, pos + e, k, prefix, suffix))


_ALL_ARABIC = re.compile(r"[\u0621-\u064a]*")
_NOT_ARABIC = re.compile(r"[^\u0621-\u064a ]+")  # in words joined by spaces
_FIRST_LETTER = itemgetter(slice(0, 1))


@lru_cache(maxsize=8192)
def _name_ends(word: str) -> tuple[int, ...]:
    """Where in ``word`` a name that is no adjective and starts with an Arabic letter may
    end: at its end, or before a character that is no Arabic letter."""
    return (*(m for m, c in enumerate(word) if c not in _IS_AR), len(word))


def _longest_first(found: list[_Found]) -> list[Span]:
    """Overlaps go to the longest span, then the earliest; ``found`` holds sort keys."""
    if not found:
        return []
    taken: list[Span] = []
    occupied = bytearray(max(x.span.end for x in found))
    found.sort()
    for _, _, _, sp in found:
        lo = sp.start - len(sp.prefix)
        end = sp.end
        if occupied.find(1, lo, end) >= 0:
            continue
        taken.append(sp)
        occupied[lo:end] = b"\x01" * (end - lo)
    taken.sort()  # by start: the spans taken do not overlap, so no two start together
    return taken


class _Hit(NamedTuple):
    span: Span
    place: Place
    confidence: float
    via: str
    start: int  # folded offsets of the surface (cue words included when they shape the kind)



_HIT_START = itemgetter(4)  # _Hit.start, read in C when hits are sorted


class _KeyFacts(NamedTuple):
    """What pass 1 needs to know about one gazetteer key, worked out once per key."""

    adjective_only: bool  # a state adjective and no name
    adjective: Place | None  # the state an adjective key stands for
    cued: tuple[Place, float] | None  # place and confidence of its first cued-only entry
    named: tuple[Place, float] | None  # place and confidence of its first trusted name
    veto_if_cued: bool  # a city cue before it means a GeoNames city, not the curated region
    geonames: bool  # has GeoNames readings for pass 2
    plain: tuple[Place, float, str] | None  # ``named`` and "name" when no word around the name can change it


class _GeoNamesReadings(NamedTuple):
    """A key's GeoNames readings, worked out once per key."""

    readings: tuple[tuple[Entry, Place, bool], ...]  # (entry, place, a national capital)
    need_a_cue: bool  # none can stand unless a city cue stands before the name


class Geoparser:
    def __init__(self, index: GazetteerIndex):
        self.index = index
        self._facts: dict[str, _KeyFacts] = {}
        self._geonames: dict[str, _GeoNamesReadings] = {}
        # the trap, capital and airport rules look for these words: an article without any skips them
        self._spans = _SpanFinder(index, watched=(NOT_A_STATE_BEFORE, CAPITAL_NOUNS, _AIRPORT_WORDS))

    def parse(
        self, text: str, *, folded: str | None = None, end: int | None = None, gaps: GapMap | None = None
    ) -> tuple[list[ResolvedPlace], list[Mention]]:
        """Places and mentions of ``text``; ``end`` (where the body ends), ``folded`` (fold()
        of the body) and ``gaps`` (GapMap(folded)) may be passed when the caller has them."""
        end = body_end(text) if end is None else end
        if folded is None or len(folded) != end:
            folded = gaps = None
        t = _Text(text, end, folded, gaps)
        spans, t.held = self._spans.find(t.folded)
        t.spans = spans
        hits, pending = self._resolve_checked(t, spans)
        hits += self._resolve_geonames(t, pending, hits)
        hits = self._without_traps(t, hits)
        hits += self._generic_airports(t, hits)
        hits += self._capitals_by_adjective(t, hits)
        hits.sort(key=_HIT_START)
        return _aggregate(t, hits)

    # -- pass 1: names somebody checked ----------------------------------------------
    def _resolve_checked(self, t: _Text, spans: list[Span]) -> tuple[list[_Hit], list[Span]]:
        hits, pending = [], []
        facts, learn = self._facts, self._key_facts
        for sp in spans:
            kf = facts.get(sp.key) or learn(sp.key)
            if kf.plain is not None and not sp.suffix:  # most names: what _checked_hit would find
                hit = _NEW(_Hit, (sp, *kf.plain, sp.start))
            else:
                hit = self._checked_hit(t, sp, kf)
            if hit is not None:
                hits.append(hit)
                if hit.place.kind == "city":
                    t.city_ends.add(sp.end)
            elif kf.geonames:
                pending.append(sp)
        # several checked candidates (a square in two capitals): the one whose city is named
        if not any(h.place.parent_key for h in hits):
            return hits, pending
        return [self._prefer_named_parent(h, hits) if h.place.parent_key else h for h in hits], pending

    def _key_facts(self, k: str) -> _KeyFacts:
        index = self.index
        candidates = index.candidates(k)
        entries = [e for e in candidates if e.trusted]
        cued = [e for e in entries if e.form == CUED]
        named = [e for e in entries if e.form != CUED]
        geonames = any(e.source == GEONAMES for e in candidates)
        pkey = index.adjectives.get(k)
        facts = _KeyFacts(
            adjective_only=k not in index.entries and k in index.adjectives,
            adjective=index.places.get(pkey) if pkey is not None else None,
            cued=self._reading(cued[0]) if cued else None,
            named=self._reading(named[0]) if named else None,
            veto_if_cued=bool(named)
            and len(named) < len(candidates)
            and geonames
            and all(index.places[e.place_key].kind not in ("city", "country") for e in named),
            geonames=geonames,
            plain=None,
        )
        if facts.named is not None and not facts.adjective_only and facts.cued is None and not facts.veto_if_cued:
            facts = facts._replace(plain=(*facts.named, "name"))
        self._facts[k] = facts
        return facts

    def _checked_hit(self, t: _Text, sp: Span, kf: _KeyFacts) -> _Hit | None:
        if sp.suffix or kf.adjective_only:
            return self._adjective_hit(sp, kf)
        if kf.cued is not None and not sp.prefix:
            cue, cue_start = t.word_before(sp.start)
            if _strip_clitics(cue) in REGION_CUES:
                return _Hit(sp, kf.cued[0], kf.cued[1], "name", cue_start)
        if kf.named is None:
            return self._adjective_hit(sp, kf)
        if kf.veto_if_cued and self._city_cue(t, sp):
            # "مدينة تركستان": a city cue prefers a city over a curated region of the same name
            return None
        return _Hit(sp, kf.named[0], kf.named[1], "name", sp.start)

    def _adjective_hit(self, sp: Span, kf: _KeyFacts) -> _Hit | None:
        if kf.adjective is None:
            return None
        # the article belongs to the adjective's surface (الروسية), other clitics do not
        start = sp.start - 2 if sp.prefix.endswith("ال") else sp.start
        return _NEW(_Hit, (sp, kf.adjective, _CONFIDENCE[ADJECTIVE], "adjective", start))

    def _reading(self, entry: Entry) -> tuple[Place, float]:
        return self.index.places[entry.place_key], _CONFIDENCE.get(entry.source, 0.9)

    def _prefer_named_parent(self, hit: _Hit, hits: list[_Hit]) -> _Hit:
        alternatives = [
            self.index.places[e.place_key]
            for e in self.index.candidates(hit.span.key)
            if e.trusted and e.form != CUED and e.place_key != hit.place.key
        ]
        if not alternatives or not hit.place.parent_key:
            return hit
        named = {h.place.key for h in hits} | {h.place.iso2 for h in hits if h.place.kind == "country"}
        for alt in [hit.place, *alternatives]:
            if alt.parent_key in named:
                return _Hit(hit.span, alt, hit.confidence, hit.via, hit.start)
        for alt in [hit.place, *alternatives]:
            if alt.iso2 in named:
                return _Hit(hit.span, alt, hit.confidence * 0.8, hit.via, hit.start)
        return _Hit(hit.span, hit.place, hit.confidence * 0.6, hit.via, hit.start)

    # -- pass 2: GeoNames names must earn their place --------------------------------
    def _resolve_geonames(self, t: _Text, spans: list[Span], hits: list[_Hit]) -> list[_Hit]:
        """``hits``: the checked names, whose states are the article's focus and whose
        places are the anchors a GeoNames place may lie near (gathered when first weighed)."""
        focus: set[str] | None = None
        anchors: _Anchors | None = None
        stopwords = self.index.stopwords
        best: dict[tuple[str, bool, bool], tuple[Place, float] | None] = {}  # same key, same cue: same reading
        out = []
        for sp in spans:
            if "ك" in sp.prefix:
                continue  # "like" before a town is rare, a word starting with ك common: كبيراً is not ك + Beira
            if _strip_article(sp.key) in stopwords or (sp.prefix + sp.key) in stopwords:
                continue
            cued = self._city_cue(t, sp)
            if not cued and sp.prefix.endswith(("ال", "لل")):
                continue  # foreign city names do not take the article: القيصري is "tsarist"
            if not cued and self._geonames_of(sp.key).need_a_cue:
                continue  # what _best_geonames would find: no reading stands without a cue
            located = not cued and not sp.prefix and t.word_before(sp.start)[0] in IN_WORDS
            memo = (sp.key, cued, located)
            if memo not in best:
                if focus is None:
                    focus = {h.place.iso2 for h in hits if h.place.iso2}
                    anchors = _Anchors([h.place for h in hits if h.place.lat is not None and h.place.kind != "country"])
                best[memo] = self._best_geonames(sp, focus, anchors, cued, located)
            reading = best[memo]
            if reading is not None:
                out.append(_Hit(sp, reading[0], reading[1], "name", sp.start))
                if reading[0].kind == "city":
                    t.city_ends.add(sp.end)
        return out

    def _geonames_of(self, k: str) -> _GeoNamesReadings:
        readings = self._geonames.get(k)
        if readings is None:
            places, capitals = self.index.places, self.index.capitals
            of_key = tuple(
                (e, places[e.place_key], e.place_key in capitals)
                for e in self.index.candidates(k)
                if e.source == GEONAMES
            )
            # _evidence's first two tests, without a cue: an everyday word, or a place
            # under 10,000 people that is no capital, never stands
            need_a_cue = all(
                e.commonness >= EVERYDAY_WORD or (not capital and math.log10(p.population + 1) < 4)
                for e, p, capital in of_key
            )
            readings = self._geonames[k] = _GeoNamesReadings(of_key, need_a_cue)
        return readings

    def _best_geonames(self, sp: Span, focus: set[str], anchors: _Anchors, cued: bool, located: bool = False):
        scored = []
        for e, p, capital in self._geonames_of(sp.key).readings:
            score = _evidence(p, e, focus=focus, anchors=anchors, cued=cued, capital=capital, located=located)
            if score is not None:
                scored.append((score, p.population, p))
        if not scored:
            return None
        score, _, place = max(scored, key=_score_and_population)
        return place, min(0.9, 0.5 + score / 10)

    def _city_cue(self, t: _Text, sp: Span) -> bool:
        word, _ = t.word_before(sp.start - len(sp.prefix))
        return word in CITY_CUES or _strip_clitics(word) in CITY_CUES or _in_cued_list(t, sp)

    # -- traps -------------------------------------------------------------------------
    def _without_traps(self, t: _Text, hits: list[_Hit]) -> list[_Hit]:
        """The hits that are no person's name or organisation's holding a place name. An
        adjective is never either; a state name only after a word of NOT_A_STATE_BEFORE,
        so in most articles, which have none of those words, states are kept unasked."""
        states_asked = t.holds_any(NOT_A_STATE_BEFORE)
        return [
            h
            for h in hits
            if h.via == "adjective"
            or (h.place.kind == "country" and not states_asked)
            or not (self._is_person(t, h) or _names_an_organisation(t, h))
        ]

    def _is_person(self, t: _Text, h: _Hit) -> bool:
        if h.place.kind == "country" or h.via == "adjective":
            return False
        nxt = t.word_after(h.span.end)
        if nxt and nxt.endswith(SURNAME_ENDINGS) and nxt not in self.index.entries:
            return True
        word, ws = t.word_before(h.start - len(h.span.prefix))
        if word in TITLE_FILLERS:
            word, _ = t.word_before(ws)
        return word in PERSON_TITLES

    # -- "the Kazakh capital" ----------------------------------------------------------------
    def _capitals_by_adjective(self, t: _Text, hits: list[_Hit]) -> list[_Hit]:
        """العاصمة الكازاخية names the capital city of the state the adjective stands for."""
        out = []
        if not t.holds_any(CAPITAL_NOUNS):
            return out
        for h in hits:
            if h.via != "adjective" or not h.place.iso2:
                continue
            word, ws = t.word_before(h.start)
            capital = self.index.capital_of.get(h.place.iso2)
            if capital and _strip_clitics(word) in CAPITAL_NOUNS:
                sp = Span(ws, h.span.end, h.span.key, "", h.span.suffix)
                out.append(_Hit(sp, self.index.places[capital], 0.8, "capital", ws))
        return out

    # -- "the airport" --------------------------------------------------------------------
    def _generic_airports(self, t: _Text, hits: list[_Hit]) -> list[_Hit]:
        out = []
        if not t.holds_any(_AIRPORT_WORDS):
            return out
        words = _airport_words(t.folded)
        if not words:
            return out
        covered = [(h.start, h.span.end) for h in hits]
        for m in words:
            s, e = m.start(1), m.end(1)
            if any(a <= s < b for a, b in covered):
                continue
            lo, hi = t.sentence(s)
            near = [h for h in hits if lo <= h.start < hi and h.place.key in self.index.airports]
            if not near:
                continue
            city = min(near, key=lambda h: abs(h.start - s))
            airport = self.index.places[self.index.airports[city.place.key]]
            sp = Span(s, e, "مطار", "", "")
            out.append(_Hit(sp, airport, 0.7, "generic", s))
        return out


# "المطار", and "مطار المدينة" (the city's airport): the airport of the city named beside it
_AIRPORT = re.compile(
    r"(?<![\u0621-\u064a])(?:[وفبلك]{0,2}ال|لل|[وفبلك]{0,2}(?=مطار\s+المدينه))(مطار)(?![\u0621-\u064a])")
_AIRPORT_WORD = "مطار"
_AIRPORT_WORDS = frozenset({_AIRPORT_WORD})


def _airport_words(f: str) -> list[re.Match]:
    """Every match of :data:`_AIRPORT`, as finditer gives them, tried only where the word
    مطار stands: its clitics and article take up to four letters in front of it."""
    out: list[re.Match] = []
    done = 0  # finditer's matches do not overlap
    i = f.find(_AIRPORT_WORD)
    while i >= 0:
        for q in range(max(i - 4, done), i + 1):
            m = _AIRPORT.match(f, q)
            if m is not None:
                out.append(m)
                done = m.end()
                break
        i = f.find(_AIRPORT_WORD, i + len(_AIRPORT_WORD))
    return out


def _in_cued_list(t: _Text, sp: Span) -> bool:
    """A later name of a list of cities: a plural cue opens it ("مدن قزل أوردا وتركستان"
    — the cue stands before the first name only, and covers them all), or an earlier name
    of the list is a city ("شيمكنت وطراز"). Names are joined by و (written on the next
    name) or a comma."""
    f = t.folded
    for _ in range(MAX_LIST):
        i = sp.start - len(sp.prefix) - 1
        while i >= 0 and f[i] == " ":
            i -= 1
        comma = i >= 0 and f[i] in LIST_JOINS
        if comma:
            i -= 1
            while i >= 0 and f[i] == " ":
                i -= 1
        if sp.prefix not in LIST_PREFIXES or not (comma or sp.prefix):
            return False  # "وكالات" is و + ك + a name, "، البلدة" a noun: neither continues a list
        previous = t.span_at_end.get(i + 1)
        if previous is None:
            return False
        if previous.end in t.city_ends:
            return True
        cue, _ = t.word_before(previous.start - len(previous.prefix))
        if cue in LIST_CUES or _strip_clitics(cue) in LIST_CUES:
            return True
        sp = previous
    return False


def _score_and_population(x: tuple) -> tuple:
    return x[0], x[1]


class _Anchors:
    """The article's placed non-state hits, for "is this place near one of them": each
    distinct position once, its radians and cosine worked out once."""

    __slots__ = ("points",)

    def __init__(self, places: Iterable[Place]):
        seen = dict.fromkeys((p.lat, p.lon) for p in places)
        self.points = [
            (lat, lon, math.radians(lat), math.cos(math.radians(lat)))
            for lat, lon in seen
            if lat is not None and lon is not None
        ]

    def near(self, p: Place, km: float = 300.0) -> bool:
        lat, lon = p.lat, p.lon
        if lat is None or lon is None:
            return False
        p1 = math.radians(lat)
        cos1 = math.cos(p1)
        # a degree of latitude is 111 km everywhere: more than 3 apart is more than 333 km
        for alat, alon, p2, cos2 in self.points:
            if abs(alat - lat) > 3.0:
                continue
            dp, dl = p2 - p1, math.radians(alon - lon)
            h = math.sin(dp / 2) ** 2 + cos1 * cos2 * math.sin(dl / 2) ** 2
            if 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h))) < km:
                return True
        return False


def _evidence(
    p: Place, e: Entry, *, focus: set[str], anchors: _Anchors, cued: bool, capital: bool, located: bool = False
) -> float | None:
    """How much the text supports this GeoNames reading; None when it does not at all.
    ``located``: the name stands right after في ("in"), which makes a large city of the
    article's states likely even when its name is also a common word (في طراز, not من طراز
    "of the type")."""
    common = e.commonness
    if common >= EVERYDAY_WORD:
        return None  # an everyday word, whatever the place
    size = math.log10(p.population + 1)
    in_focus = p.iso2 in focus
    if not (cued or capital or size >= 5 or (in_focus and size >= 4)):
        return None  # small and outside the article's states: nothing can support it
    if cued:
        score = 3.0
    elif capital:
        score = 2.5
    elif size >= 6 and common < 4.0:
        score = 2.0
    elif size >= 5 and common < 3.0:
        score = 1.5
    elif (size >= 4 and common < 3.0 and (in_focus or anchors.near(p))) or (located and in_focus and size >= 5):
        score = 1.0
    else:
        return None
    near = anchors.near(p)  # asked only once the reading stands
    return score + (1.0 if in_focus else 0.0) + (0.5 if near else 0.0) + size / 10


ORGANISATION_NOUNS = _folded({"منظمه", "مجموعه", "منتدى", "عمليه", "صيغه", "اير", "فلاي"})  # airlines: «إير أستانا»
# a bloc or a measure named like a state: تكتل "غوام"، نصف قطر (a radius, not Qatar)
NOT_A_STATE_BEFORE = _folded({"تكتل", "نصف", "بنصف"})


def _names_an_organisation(t: _Text, h: _Hit) -> bool:
    """A city right after منظمة / مجموعة / صيغة names the body or format (منظمة شنغهاي للتعاون،
    مجموعة مينسك، صيغة أستانا), and after إير / فلاي an airline (إير أستانا، فلاي دبي), not the place."""
    if h.place.kind == "country" and h.via != "adjective":
        if not t.holds_any(NOT_A_STATE_BEFORE):
            return False
        word, _ = t.word_before(h.start - len(h.span.prefix))
        return word in NOT_A_STATE_BEFORE
    if h.place.kind != "city":
        return False
    word, _ = t.word_before(h.start - len(h.span.prefix))
    return word in ORGANISATION_NOUNS or _strip_clitics(word) in ORGANISATION_NOUNS


def _strip_article(k: str) -> str:
    return k[2:] if k.startswith("ال") else k


@lru_cache(maxsize=1)
def _clitics_longest_first() -> tuple[str, ...]:
    return tuple(sorted(clitic_prefixes(), key=len, reverse=True))


@lru_cache(maxsize=8192)
def _strip_clitics(word: str) -> str:
    for p in _clitics_longest_first():
        if p and word.startswith(p) and len(word) - len(p) >= 3 and not p.endswith("ال"):
            return word[len(p):]
    return word


def _mention_maker():
    """Mention(start, end, surface, place, confidence, via), built without the frozen
    dataclass's __init__, which sets each field through object.__setattr__ (twice the
    time, for the seventy mentions of an article): the fields' slots are filled directly."""
    fields = tuple(f.name for f in dataclasses.fields(Mention))
    assert fields == ("start", "end", "surface", "place", "confidence", "via"), fields
    new = object.__new__
    set_start, set_end, set_surface, set_place, set_confidence, set_via = (
        getattr(Mention, name).__set__ for name in fields
    )

    def mention(start: int, end: int, surface: str, place: Place, confidence: float, via: str) -> Mention:
        m = new(Mention)
        set_start(m, start)
        set_end(m, end)
        set_surface(m, surface)
        set_place(m, place)
        set_confidence(m, confidence)
        set_via(m, via)
        return m

    return mention


_mention = _mention_maker()


def _aggregate(t: _Text, hits: Iterable[_Hit]) -> tuple[list[ResolvedPlace], list[Mention]]:
    mentions: list[Mention] = []
    order: dict[str, list] = {}
    # a span's offsets in the original text: folded offset i is original offset
    # i + the gaps dropped at or before it; past the folded text, the original's end
    original, gaps, n = t.original, t.map.gaps, len(t.folded)
    for span, place, confidence, via, s in hits:
        e = span.end
        if not gaps:
            start, end = s, (e if e > s else s)
        else:
            start = s + bisect_right(gaps, s) if s < n else len(original)
            if e > s:
                end = (e - 1 + bisect_right(gaps, e - 1) if e - 1 < n else len(original)) + 1
            else:
                end = start
        surface = original[start:end]
        mentions.append(_mention(start, end, surface, place, confidence, via))
        slot = order.get(place.key)
        if slot is None:
            order[place.key] = [place, [surface], confidence]
            continue
        if surface not in slot[1]:
            slot[1].append(surface)
        if confidence > slot[2]:
            slot[2] = confidence
    places = [ResolvedPlace(p, tuple(surfaces), conf) for p, surfaces, conf in order.values()]
    return places, mentions
