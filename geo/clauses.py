"""Sentences of an article and trigger lexicons matched on folded text.

A trigger is a folded word stem; it matches a written word that starts with it after
optional clitics (و ف ب ل ك ال, and the future/verbal prefixes س ي ت ن where a lexicon
allows them), so one stem covers its prefixed and inflected forms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from geo.normalize import ARABIC_LETTERS, GAP, GapMap, clitic_prefixes, fold, key

_SENTENCE = re.compile(r"[^.!?؟\n]+")


class Sentence(NamedTuple):
    """A sentence or clause: offsets into the article, its text and its folded text."""

    start: int
    end: int
    text: str  # original text
    folded: str  # fold(text), same length


def sentences(text: str, limit: int | None = None, *, folded: str | None = None) -> list[Sentence]:
    """Sentences of ``text[:limit]``; pass ``folded`` when the caller already has fold(body)."""
    body = text if limit is None else text[:limit]
    folded = fold(body) if folded is None else folded
    out = []
    for m in _SENTENCE.finditer(folded):
        s, e = m.start(), m.end()
        while s < e and folded[s].isspace():
            s += 1
        while e > s and folded[e - 1].isspace():
            e -= 1
        if e - s >= 3:
            out.append(Sentence(s, e, body[s:e], folded[s:e]))
    return out


_G = "\u0640*"  # a diacritic (folded to GAP) may follow any letter
_CLITIC = rf"(?:[وف]?{_G}(?:[بلك]|لل|ال|[بك]ال)?{_G})"
_VERBAL_CLITIC = rf"(?:[وف]?{_G}(?:ال|س?{_G}[يتن]|[بلك])?{_G})"


def stem_key(stem: str) -> str:
    """The folded stem; a final taa marbuta is dropped, since it is written ت before a suffix
    (استقالة → استقالتها)."""
    k = key(stem)
    return k[:-1] if k.endswith("ه") and len(k) > 4 and " " not in k else k


def _stem_pattern(stem: str) -> str:
    """A folded stem as a regex that tolerates diacritics (folded to GAP) between its letters."""
    gap = re.escape(GAP) + "*"
    return gap.join(r"\s+" if ch == " " else re.escape(ch) for ch in stem_key(stem))


def _alternation(stems) -> str:
    return "|".join(sorted({_stem_pattern(s) for s in stems}, key=len, reverse=True))


class MentionIndex:
    """Mentions sorted by offset, with the ones inside a span found by bisection."""

    def __init__(self, mentions):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


_CLAUSE_BREAK = re.compile(r"[،؛;:]")


def clauses(s: Sentence) -> list[Sentence]:
    """A sentence cut at Arabic commas and semicolons (the sentence itself when it has none)."""
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(s.folded):
        if m.start() > start:
            out.append(_part(s, start, m.start()))
        start = m.end()
    if start == 0:
        return [s]
    if start < len(s.folded):
        out.append(_part(s, start, len(s.folded)))
    return out


def _part(s: Sentence, a: int, b: int) -> Sentence:
    return Sentence(s.start + a, s.start + b, s.text[a:b], s.folded[a:b])


class MultiLexicon:
    """Several named lexicons behind one Aho-Corasick automaton: one pass finds every trigger.

    A stem matches at the start of a written word, after clitics (و ف ب ل ك ال and, for
    ``verbal`` lexicons, the imperfect prefixes س ي ت ن); anything may follow it.
    """

    def __init__(self, groups: dict[str, tuple[str, ...]], *, verbal: bool = False):
        import ahocorasick

        self.automaton = ahocorasick.Automaton()
        stems: dict[str, set[str]] = {}
        for name, words in groups.items():
            for w in words:
                stems.setdefault(stem_key(w), set()).add(name)
        for k, names in stems.items():
            self.automaton.add_word(k, (len(k), tuple(n for n in groups if n in names)))
        self.automaton.make_automaton()
        self.prefixes = _verbal_prefixes() if verbal else clitic_prefixes()

    def hits(self, folded: str) -> list[tuple[int, str]]:
        """(offset, lexicon name) of every trigger, in text order (offsets into ``folded``;
        diacritics, folded to GAP, are skipped over)."""
        if GAP not in folded:
            return self._hits(folded)
        gm = GapMap(folded)
        return [(gm.orig(pos), name) for pos, name in self._hits(gm.compact)]

    def _hits(self, folded: str) -> list[tuple[int, str]]:
        out = []
        prefixes = self.prefixes
        for last, (length, names) in self.automaton.iter(folded):
            s = last - length + 1
            ts = s
            while ts > 0 and folded[ts - 1] in ARABIC_LETTERS:
                ts -= 1
            if ts == s or folded[ts:s] in prefixes:
                out.extend((ts, n) for n in names)
        out.sort()
        return out


@lru_cache(maxsize=1)
def _verbal_prefixes() -> frozenset[str]:
    out = set(clitic_prefixes())
    for conj in ("", "و", "ف"):
        for imperfect in ("ي", "ت", "ن", "سي", "ست", "سن"):
            out.add(conj + imperfect)
    return frozenset(out)


@lru_cache(maxsize=256)
def lexicon(stems: tuple[str, ...], verbal: bool = False) -> re.Pattern[str]:
    """A regex that finds any of the stems at the start of a word (after clitics).

    Stems are written in ordinary Arabic and folded here; a stem may hold several words.
    """
    clitic = _VERBAL_CLITIC if verbal else _CLITIC
    return re.compile(rf"(?<![\u0621-\u064a]){clitic}(?:{_alternation(stems)})")


def has(pattern: re.Pattern[str], folded: str) -> bool:
    return pattern.search(folded) is not None
