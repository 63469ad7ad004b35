"""Sentences of an article and trigger lexicons matched on folded text.

A trigger is a folded word stem; it matches a written word that starts with it after
optional clitics (و ف ب ل ك ال, and the future/verbal prefixes س ي ت ن where a lexicon
allows them), so one stem covers its prefixed and inflected forms.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

from geo.normalize import ARABIC_LETTERS, GapMap, clitic_prefixes, fold, key

# a run of text between sentence ends, without the spaces around it
_SENTENCE = re.compile(r"[^.!?؟\s](?:[^.!?؟\n]*[^.!?؟\s])?")


class Sentence(NamedTuple):
    """A sentence or clause: offsets into the article, its text and its folded text."""

    start: int
    end: int
    text: str  # original text
    folded: str  # fold(text), same length


# builds a Sentence from a tuple of its fields without the Python call of Sentence(...),
# which cost as much as finding the sentence (there are many sentences and clauses)
_new_sentence = partial(tuple.__new__, Sentence)


def sentences(text: str, limit: int | None = None, *, folded: str | None = None) -> list[Sentence]:
    """Sentences of ``text[:limit]``; pass ``folded`` when the caller already has fold(body)."""
    body = text if limit is None else text[:limit]
    folded = fold(body) if folded is None else folded
    out = []
    for m in _SENTENCE.finditer(folded):
        s, e = m.span()
        if e - s >= 3:
            out.append(_new_sentence((s, e, body[s:e], folded[s:e])))
    return out


def stem_key(stem: str) -> str:
    """The folded stem; a final taa marbuta is dropped, since it is written ت before a suffix
    (استقالة → استقالتها)."""
    k = key(stem)
    return k[:-1] if k.endswith("ه") and len(k) > 4 and " " not in k else k


def _inflected(stem: str) -> list[str]:
    """A stem of several words, and the same with its inner words in the indefinite accusative
    (هجوم مسلح → هجوما مسلحا: "شنوا هجوما مسلحا"); a one-word stem matches any ending already."""
    words = stem.split(" ")
    if len(words) == 1:
        return [stem]
    inner = [w + "ا" if not w.endswith(("ا", "ه", "ي", "ات")) else w for w in words[:-1]]
    return list(dict.fromkeys([stem, " ".join([*inner, words[-1]])]))


# a gathering named after its city: "قمة موسكو"، "اجتماع يريفان" (the city's name follows)
NAMED_GATHERING = re.compile(r"(?:^|\s)[وفب]?(?:ل|ال|لل)?(?:قمه|اجتماع|موتمر|محادثات|مفاوضات)\s*$")  # folded: ؤ is و
# a relative clause tells more of what was named right before it: "أوزبكستان، التي علّقت عضويتها"
RELATIVE_PRONOUNS = ("التي", "الذي", "اللتين", "اللذين", "الذين")
RELATIVE = re.compile(rf"\s*و?(?:{'|'.join(RELATIVE_PRONOUNS)})\s")
_HEADED_TO = re.compile(r"(?:^|\s)(?:[وف]?(?:الي|نحو|باتجاه)|متوج\u0640?ه\w*|عائد\w*)\s+$")  # (متوجّهة)


def headed_to(s: Sentence, pos: int) -> bool:
    """The name at ``pos`` is where somebody went: right after إلى / نحو / باتجاه / متوجهة إلى."""
    rel = pos - s.start
    return _HEADED_TO.search(s.folded, max(0, rel - 14), rel) is not None


def paragraph_start(paragraphs: Sequence[int], pos: int) -> int:
    """Where the paragraph holding ``pos`` starts, of the sorted ``paragraphs`` starts (0 before the first)."""
    i = bisect_right(paragraphs, pos)
    return paragraphs[i - 1] if i else 0


class MentionIndex:
    """What one article names: its mentions sorted by offset, with the ones inside a span
    found by bisection; where its paragraphs start (``paragraphs``, sorted offsets) and the
    state its forces go to (``destination``, a Place), when the caller knows them."""

    def __init__(self, mentions, paragraphs: Sequence[int] = (), destination=None):
        self.items = sorted(mentions, key=attrgetter("start"))
        self.starts = [m.start for m in self.items]
        self.paragraphs = paragraphs
        self.destination = destination

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding ``pos`` starts (0 when paragraphs are not known)."""
        return paragraph_start(self.paragraphs, pos)

    def between(self, start: int, end: int) -> list:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


_CLAUSE_BREAKS = "،؛;:"  # what ends a clause (looked for with str.find: a pattern costs a step a character)


def clause_spans(s: Sentence) -> list[tuple[int, int]]:
    """Where the clauses of ``s`` (the sentence cut at Arabic commas and semicolons) start
    and end, as offsets into its text; a caller builds with :func:`part` only the ones it needs."""
    f = s.folded
    cuts = []
    for ch in _CLAUSE_BREAKS:
        i = f.find(ch)
        while i >= 0:
            cuts.append(i)
            i = f.find(ch, i + 1)
    if not cuts:
        return [(0, len(f))]
    cuts.sort()
    out, start = [], 0
    for cut in cuts:
        if cut > start:
            out.append((start, cut))
        start = cut + 1
    if start < len(f):
        out.append((start, len(f)))
    return out


def part(s: Sentence, a: int, b: int) -> Sentence:
    """The stretch [a, b) of ``s`` (offsets into its text) as a sentence of its own."""
    return _new_sentence((s.start + a, s.start + b, s.text[a:b], s.folded[a:b]))


class MultiLexicon:
    """Several named lexicons behind one Aho-Corasick automaton: one pass over an article
    finds every word of every lexicon.

    A stem matches at the start of a written word, after clitics (و ف ب ل ك ال and, for
    the lexicons named in ``verbal``, the imperfect prefixes س ي ت ن); anything may follow it.
    ``verbal`` names the verbal lexicons.
    """

    def __init__(self, groups: dict[str, tuple[str, ...]], *, verbal: Iterable[str] = ()):
        import ahocorasick

        verbal_names = set(verbal)
        self.automaton = ahocorasick.Automaton()
        stems: dict[str, set[str]] = {}
        imperfect: dict[str, set[str]] = {}  # stems that match only after an imperfect prefix
        for name, words in groups.items():
            for w in words:
                for k in _inflected(stem_key(w)):
                    stems.setdefault(k, set()).add(name)
                    if name in verbal_names and _drops_alef(k):
                        # verbs of forms VII, VIII and X lose their first alef in the
                        # imperfect: احتج → يحتجون، انسحب → ينسحب، استولى → يستولي
                        imperfect.setdefault(k[1:], set()).add(name)
        for k in stems.keys() | imperfect.keys():
            names = stems.get(k, set())
            ordered = [n for n in groups if n in names]
            verbs = [n for n in groups if (n in names and n in verbal_names) or n in imperfect.get(k, ())]
            self.automaton.add_word(k, (len(k), tuple(ordered), tuple(verbs)))
        self.automaton.make_automaton()
        self.prefixes = clitic_prefixes()
        self.verbal_prefixes = _verbal_prefixes()
        self.letters = frozenset("".join(self.verbal_prefixes))  # every letter a prefix may end with

    def hits(self, folded: str, gaps: GapMap | None = None) -> Hits:
        """Every lexicon word of ``folded`` (offsets into it; diacritics, folded to GAP,
        are skipped over). ``gaps`` is GapMap(folded) when the caller has it already."""
        if gaps is None:
            gaps = GapMap(folded)
        text, dropped = gaps.compact, gaps.gaps
        out: list[tuple[int, int, str, str]] = []
        add = out.append
        prefixes, verbal, letters, clitic_letters = self.prefixes, self.verbal_prefixes, ARABIC_LETTERS, self.letters
        for last, (length, names, verbal_names) in self.automaton.iter(text):
            s = last - length + 1
            if s == 0 or text[s - 1] not in letters:
                found, ts, prefix = names, s, ""
            elif text[s - 1] not in clitic_letters:
                continue  # the stem sits inside another word
            else:
                ts = s - 1
                while ts > 0 and text[ts - 1] in letters:
                    ts -= 1
                prefix = text[ts:s]
                found = names if prefix in prefixes else verbal_names if prefix in verbal else ()
            if found:
                # back to offsets of ``folded``: past the gaps before the word's first
                # letter, and those before the stem's last letter (not any right after it)
                k = bisect_right(dropped, ts)
                start = ts + k
                if k < len(dropped) and dropped[k] <= last:  # gaps inside the word too
                    k = bisect_right(dropped, last)
                end = last + 1 + k
                for n in found:
                    add((start, end, n, prefix))
        out.sort()
        return Hits(out)


_NONE: tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]] = ((), (), ())


class Word(NamedTuple):
    """A lexicon word in the text: where its written word starts, where its stem ends, and
    the clitics written before the stem (وب in وبالقوات is "وب" + "ال"…: the prefix as matched)."""

    start: int
    end: int
    prefix: str


_new_word = partial(tuple.__new__, Word)  # Word(...) without its Python call (see _new_sentence)


class Hits:
    """The lexicon words of one article: (start, end, lexicon, prefix) in text order, and
    per lexicon the sorted starts, so "is there a word of X between a and b" is a bisection.
    A word counts as inside [lo, hi) when its written word starts at or after ``lo`` and
    its stem ends at or before ``hi``."""

    __slots__ = ("items", "_by_name")

    def __init__(self, items: list[tuple[int, int, str, str]]):
        self.items = items
        by_name: dict[str, tuple[list[int], list[int], list[str]]] = {}
        for s, e, name, prefix in items:
            lists = by_name.get(name)
            if lists is None:
                lists = by_name[name] = ([], [], [])
            lists[0].append(s)
            lists[1].append(e)
            lists[2].append(prefix)
        self._by_name = by_name

    def __iter__(self):
        return ((s, name) for s, _, name, _ in self.items)

    def __len__(self) -> int:
        return len(self.items)

    def starts(self, name: str) -> Sequence[int]:
        return self._by_name.get(name, _NONE)[0]

    def first(self, name: str, lo: int, hi: int) -> Word | None:
        """The first word of lexicon ``name`` inside [lo, hi)."""
        lists = self._by_name.get(name)
        if lists is None:
            return None
        i = _first_inside(lists, lo, hi)
        return None if i < 0 else _new_word((lists[0][i], lists[1][i], lists[2][i]))

    def last(self, name: str, lo: int, hi: int) -> Word | None:
        """The last word of lexicon ``name`` inside [lo, hi)."""
        starts, ends, prefixes = self._by_name.get(name, _NONE)
        i = bisect_left(starts, hi) - 1
        while i >= 0 and starts[i] >= lo:
            if ends[i] <= hi:
                return _new_word((starts[i], ends[i], prefixes[i]))
            i -= 1
        return None

    def any(self, name: str, lo: int, hi: int) -> bool:
        """Whether a word of lexicon ``name`` is inside [lo, hi) (the rules ask this most)."""
        lists = self._by_name.get(name)
        return lists is not None and _first_inside(lists, lo, hi) >= 0

    def at(self, name: str, pos: int, hi: int) -> bool:
        """A word of lexicon ``name`` starts exactly at ``pos`` and ends by ``hi``."""
        starts, ends, _ = self._by_name.get(name, _NONE)
        i = bisect_left(starts, pos)
        while i < len(starts) and starts[i] == pos:
            if ends[i] <= hi:
                return True
            i += 1
        return False


def _first_inside(lists: tuple[list[int], list[int], list[str]], lo: int, hi: int) -> int:
    """The index in a lexicon's (starts, ends, prefixes) of its first word inside [lo, hi), or -1."""
    starts, ends = lists[0], lists[1]
    i = bisect_left(starts, lo)
    n = len(starts)
    while i < n and starts[i] < hi:
        if ends[i] <= hi:
            return i
        i += 1
    return -1


def _drops_alef(stem: str) -> bool:
    """A verb of form VII (انفعل), VIII (افتعل) or X (استفعل): its first alef is not written
    after an imperfect prefix. The stem's first word has four letters at least."""
    return stem[:1] == "ا" and len(stem.split(" ")[0]) >= 4 and (stem[1] == "ن" or stem[2] == "ت")


@lru_cache(maxsize=1)
def _verbal_prefixes() -> frozenset[str]:
    out = set(clitic_prefixes())
    for conj in ("", "و", "ف"):
        for imperfect in ("ي", "ت", "ن", "سي", "ست", "سن"):
            out.add(conj + imperfect)
    return frozenset(out)
