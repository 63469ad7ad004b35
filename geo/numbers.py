"""Figures in Arabic news text: digits in three scripts, number words, vague multipliers.

``find_numbers`` returns :class:`NumberMention` objects whose offsets index the text AS
GIVEN. Matching happens on a folded copy (see :func:`fold_text`) from which diacritics,
tatweel and bidi marks are dropped; the copy remembers where it dropped characters so
every offset maps back. Letter variants (أ/إ/آ/ا, ة/ه, ى/ي) and digits in three scripts
are left alone in the text and accepted by the patterns instead (see :func:`loosen`):
translating a whole article costs more than all the matching together.

This module keeps its own small folding helper on purpose: the date module shares it,
and neither depends on the general normaliser in :mod:`geo.normalize`.

Nothing is compiled at import time; the patterns are built on first use.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

# --------------------------------------------------------------------------- folding

_FOLD_PAIRS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian digits
    "\u066c": ",",  # Arabic thousands separator
    "\u066b": ".",  # Arabic decimal separator
    "\u066a": "%",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ة": "ه",
    "ک": "ك",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\t": " ",
}
_FOLD_TABLE = str.maketrans(_FOLD_PAIRS)
# diacritics, superscript alef, Quranic marks, tatweel, zero-width and bidi controls
_DROPPED = "[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+"


@lru_cache(maxsize=8192)
def fold_word(word: str) -> str:
    """Canonical spelling of a short matched string, for dictionary look-ups.

    Digits become ASCII, alifs bare, ``ة`` becomes ``ه`` and ``ى`` becomes ``ي``;
    diacritics are dropped and runs of whitespace become one space.
    """
    return " ".join(_dropped_re().sub("", word.translate(_FOLD_TABLE)).split())


_LOOSE_ALIF = "[اأإآٱ]"


@cache
def _loosen_re() -> re.Pattern[str]:
    return re.compile(r"[اأإآٱ]|[هة](?![\u0621-\u064a])|[يى](?![\u0621-\u064a])|0-9")


def loosen(pattern: str) -> str:
    """Let a pattern written in canonical spelling match every spelling variant.

    Any alif matches any alif, a word-final ه/ة and ي/ى match each other, and a ``0-9``
    range also takes Arabic-Indic and Persian digits.
    """

    def widen(m: re.Match[str]) -> str:
        c = m.group()
        if c == "0-9":
            return "0-9\u0660-\u0669\u06f0-\u06f9"
        if c in "اأإآٱ":
            return _LOOSE_ALIF
        return "[هة]" if c in "هة" else "[يى]"

    return _loosen_re().sub(widen, pattern)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A folded copy of a text plus what is needed to map its offsets back.

    ``cuts[k]`` is the folded position before which ``shifts[k]`` original characters
    in total had been dropped.
    """

    text: str
    cuts: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def start(self, i: int) -> int:
        """Original offset of the character at folded position ``i``."""
        k = bisect_right(self.cuts, i)
        return i + (self.shifts[k - 1] if k else 0)

    def end(self, i: int) -> int:
        """Original end offset for a span ending at folded position ``i``.

        Marks dropped right after the last character (a tanween, a shadda) stay inside
        the span, since they belong to that character.
        """
        return self.start(i)

    def head(self, end: int) -> FoldedText:
        """What folding the first ``end`` characters of the original text gives: a prefix
        of this copy, since folding drops characters one by one (so a text is folded once
        and its head read from it)."""
        dropped = self.shifts[-1] if self.shifts else 0
        if end >= len(self.text) + dropped:
            return self
        cuts: list[int] = []
        shifts: list[int] = []
        before = 0  # characters dropped before the run
        for cut, shift in zip(self.cuts, self.shifts, strict=True):
            start = cut + before  # where the run begins in the original
            if start >= end:
                break
            cuts.append(cut)
            shifts.append(min(shift, before + end - start))  # a run that straddles ``end`` is cut there
            before = shift
        kept = end - (shifts[-1] if shifts else 0)
        return FoldedText(self.text[:kept], tuple(cuts), tuple(shifts))


def word_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` (canonical spelling), longest first, as a trie.

    Factoring common prefixes keeps the engine from trying every word at every position;
    a space in a word matches any run of whitespace.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict) -> str:
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_pattern(node[ch]) for ch in sorted(node) if ch
    ]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@cache
def _dropped_re() -> re.Pattern[str]:
    return re.compile(_DROPPED)


def fold_text(text: str) -> FoldedText:
    """``text`` without diacritics, tatweel and bidi marks; maps offsets back to ``text``.

    The extractor folds an article once and hands the result to infer_published and the
    date and number finders (``folded=``); for callers that do not, the last few results
    are kept (the finders fold the same text one after the other), since a
    :class:`FoldedText` never changes.
    """
    return _fold_text(text)


@lru_cache(maxsize=8)
def _fold_text(text: str) -> FoldedText:
    if len(text) < _VECTOR_MIN:
        return _fold_short(text)
    return _fold_long(text)


# Long texts find their dropped characters through a table with numpy: the regex search
# for them costs a step per character, which for an article is more than the rest of
# folding. Short ones (lines, a few words) keep the regex; both give the same result.
_VECTOR_MIN = 256


def _fold_short(text: str) -> FoldedText:
    dropped = _dropped_re()
    if dropped.search(text) is None:
        return FoldedText(text)
    parts: list[str] = []
    cuts: list[int] = []
    shifts: list[int] = []
    last = removed = 0
    for m in dropped.finditer(text):
        a, b = m.span()
        parts.append(text[last:a])
        removed += b - a
        cuts.append(a - (removed - (b - a)))
        shifts.append(removed)
        last = b
    parts.append(text[last:])
    return FoldedText("".join(parts), tuple(cuts), tuple(shifts))


def _fold_long(text: str) -> FoldedText:
    import numpy as np

    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) == 2 * len(text):  # the Basic Multilingual Plane only: one unit a character
        points, codec = np.frombuffer(units, dtype=np.uint16), "utf-16-le"
    else:  # every dropped character is in the Plane: the others clip to U+FFFF, never dropped
        points, codec = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32), "utf-32-le"
    dropped = _dropped_table().take(points, mode="clip")
    at = dropped.nonzero()[0].tolist()
    if not at:
        return FoldedText(text)
    cuts: list[int] = []  # as _fold_short finds them, run by run of dropped characters
    shifts: list[int] = []
    last = -2
    for removed, i in enumerate(at):  # ``removed``: how many were dropped before this one
        if i == last + 1:
            shifts[-1] += 1
        else:
            cuts.append(i - removed)
            shifts.append(removed + 1)
        last = i
    kept = points[~dropped].tobytes().decode(codec, "surrogatepass")
    if len(kept) != len(text) - len(at):  # two lone surrogates met and made one character
        return _fold_short(text)
    return FoldedText(kept, tuple(cuts), tuple(shifts))


@cache
def _dropped_table():
    """Whether folding drops each character of the Basic Multilingual Plane."""
    import numpy as np

    dropped = re.compile(_DROPPED)
    return np.array([dropped.match(chr(code)) is not None for code in range(0x10000)], dtype=np.bool_)


# --------------------------------------------------------------------------- vocabulary

_UNIT_WORDS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6,
    "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9,
}  # fmt: skip
_TEN_WORDS = {"عشر": 10, "عشرة": 10}
_TENS_WORDS = {
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
_TEEN_SPECIAL = {"أحد عشر": 11, "إحدى عشرة": 11, "اثنا عشر": 12, "اثني عشر": 12,
                 "اثنتا عشرة": 12, "اثنتي عشرة": 12}  # fmt: skip
_HUNDRED_STEMS = {"ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "ثماني": 8, "تسع": 9}
_HUNDRED = ("مئة", "مائة")
_TWO_HUNDRED = ("مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي")
# multiplier words: (factor, vague when standing alone)
_MULTIPLIERS = {
    "ألف": (1000, False), "ألفا": (1000, False), "آلاف": (1000, True), "الآلاف": (1000, True),
    "مليون": (10**6, False), "مليونا": (10**6, False), "ملايين": (10**6, True),
    "الملايين": (10**6, True), "مليار": (10**9, False), "مليارا": (10**9, False),
    "بليون": (10**9, False), "مليارات": (10**9, True),
}  # fmt: skip
_DUALS = {"ألفان": 2000, "ألفين": 2000, "ألفي": 2000, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
          "مليوني": 2 * 10**6, "ملياران": 2 * 10**9, "مليارين": 2 * 10**9}  # fmt: skip
_PLAIN = {"الألف": 1000}
_VAGUE = {"عشرات": 10, "العشرات": 10, "مئات": 100, "المئات": 100}

_QUALIFIERS = (
    "نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقرب", "يقارب", "ما يقارب", "أكثر", "أزيد",
    "ما لا يقل", "لا يقل", "ما يزيد", "يزيد", "أقل", "تجاوز", "تجاوزت", "يتجاوز", "تتجاوز",
    "يناهز", "ما يناهز", "يفوق", "ما يفوق", "تقريبا", "تقريباً", "ما دون", "قرابه",
)  # fmt: skip
_MAX_DIGITS = 12


@dataclass(frozen=True, slots=True)
class _Word:
    value: int
    slot: str  # unit | ten | teen | tens | hund | dual | mult | vague | plain
    vague_alone: bool = False


@cache
def _lexicon() -> dict[str, _Word]:
    lex: dict[str, _Word] = {}

    def add(words: Iterable[str], make) -> None:
        for w in words:
            folded = fold_word(w)
            lex[folded] = make(w)
            if w.startswith("ال"):  # "للآلاف": the alif of al- drops after the preposition li-
                lex["ل" + folded[1:]] = lex[folded]

    add(_UNIT_WORDS, lambda w: _Word(_UNIT_WORDS[w], "unit"))
    add(_TEN_WORDS, lambda w: _Word(10, "ten"))
    add(_TENS_WORDS, lambda w: _Word(_TENS_WORDS[w], "tens"))
    add(_TEEN_SPECIAL, lambda w: _Word(_TEEN_SPECIAL[w], "teen"))
    for unit, value in _UNIT_WORDS.items():
        if value >= 3:
            add((f"{unit} عشر", f"{unit} عشرة"), lambda w, v=value: _Word(10 + v, "teen"))
    add(_HUNDRED, lambda w: _Word(100, "hund"))
    add(_TWO_HUNDRED, lambda w: _Word(200, "hund"))
    for stem, value in _HUNDRED_STEMS.items():
        for h in _HUNDRED:
            add((stem + h, f"{stem} {h}"), lambda w, v=value: _Word(100 * v, "hund"))
    add(_MULTIPLIERS, lambda w: _Word(_MULTIPLIERS[w][0], "mult", _MULTIPLIERS[w][1]))
    add(_DUALS, lambda w: _Word(_DUALS[w], "dual"))
    add(_PLAIN, lambda w: _Word(1000, "plain"))
    add(_VAGUE, lambda w: _Word(_VAGUE[w], "vague", True))
    return lex


@cache
def _atom_re() -> re.Pattern[str]:
    alternation = word_alternation(_lexicon())
    # Every match starts by consuming one character from a small class, so the regex
    # engine can skip the other positions fast: either the first digit of a figure or the
    # non-word character before a number word. Searched in " " + text (see _atoms).
    digits = (
        r"(?<=[0-9])(?<![0-9].)(?<![0-9][.,٫٬].)"
        r"(?P<num>[0-9]{0,2}(?:[,٬][0-9]{3})+|[0-9]{0,2}(?:[.٫][0-9]{3})+"
        r"|[0-9]{0,2}(?:[ \u00a0\u202f\u2009][0-9]{3})+|[0-9]*)(?P<frac>[.,٫٬][0-9]+)?(?![0-9])"
    )
    word = rf"(?<![0-9])(?P<pre>[وف]?[بلك]?)(?P<word>{alternation})(?!\w)"
    return re.compile(loosen(rf"[\W0-9](?:{digits}|{word})"))


@cache
def _qualifier_re() -> re.Pattern[str]:
    alternation = word_alternation(fold_word(q) for q in _QUALIFIERS)
    return re.compile(loosen(rf"(?:^|(?<!\w))[وفب]?(?:{alternation})(?:\s+(?:من|عن|على|الى))?\s*$"))


@cache
def _after_qualifier_re() -> re.Pattern[str]:
    return re.compile(loosen(r"\s*(?:\S+\s+)?تقريبا(?!\w)"))


# --------------------------------------------------------------------------- atoms


class NumberMention(NamedTuple):
    """A figure found in the text; offsets index the original text."""

    start: int
    end: int
    text: str
    value: int
    approx: bool
    vague: bool


@dataclass(slots=True)
class _Atom:
    start: int  # folded offsets, prefix letters excluded
    end: int
    slot: str  # see _Word.slot, plus "digit"
    value: float
    wa: bool  # joined to what precedes by "و"
    vague_alone: bool = False
    small: float | None = None  # "1.250" read as 1.25 when a multiplier follows


def _digit_atom(m: re.Match[str], s: str) -> _Atom | None:
    raw, frac = fold_word(s[m.start() : m.end("num")]).replace(" ", ""), m.group("frac")
    digits = raw.replace(",", "").replace(".", "").replace(" ", "")
    if len(digits) > _MAX_DIGITS or (frac and len(frac) > _MAX_DIGITS):
        return None
    # "3.600 جندي" is 3600 but "1.250 مليون" is 1.25 million: keep both readings
    small = float(raw) if raw.count(".") == 1 else None
    value: float = int(digits)
    if frac:
        value = float(f"{digits}.{fold_word(frac[1:])}")
    start = m.start()
    wa = s[start - 1] == "و"
    return _Atom(start, m.end(), "digit", value, wa, small=small)


def _word_atom(m: re.Match[str], s: str) -> _Atom | None:
    pre, word = m.group("pre"), fold_word(m.group("word"))
    info = _lexicon()[word]
    if info.value == 6 and info.slot == "unit" and pre and pre[-1] in "بل":
        return None  # "لست" is "I am not", "بست" is no figure
    start = m.start("word")
    at = m.start("pre")
    wa = pre.startswith("و") or s[max(0, at - 3) : at].endswith(" و ")
    return _Atom(start, m.end(), info.slot, info.value, wa, info.vague_alone)


# Trying the atom pattern at every word boundary costs more than everything else here,
# and almost every try fails. A number word is always one of the lexicon's words with at
# most two attached letters (و/ف then ب/ل/ك) and a word boundary after its first word; a
# figure always starts a run of digits. The character scan below gives every place where
# one of the lexicon's first words may begin, and the digit runs; the pattern is tried
# only there.

_LOOSE_LETTERS = {"ا": "اأإآٱ", "ه": "هة", "ي": "يى"}
_ATTACHED = "وفبلك"
_DIGITS = "0123456789" + "".join(chr(c) for c in (*range(0x0660, 0x066A), *range(0x06F0, 0x06FA)))


def spellings(word: str) -> set[str]:
    """Every spelling of a canonical word that a :func:`loosen`-ed pattern could match.

    A superset: any alif for an alif, and ه/ة, ي/ى in every position, not only the last.
    """
    found = {""}
    for ch in word:
        found = {done + c for done in found for c in _LOOSE_LETTERS.get(ch, ch)}
    return found


def loose_alternation(words: Iterable[str]) -> str:
    """:func:`word_alternation` of canonical ``words`` where every alif, ه/ة and ي/ى (in
    any position, as :func:`spellings` has it) matches each of its variants."""
    widen = {ord(c): f"[{variants}]" for c, variants in _LOOSE_LETTERS.items()}
    return word_alternation(words).translate(widen)


# --------------------------------------------------------------------------- character scan
#
# Looking for a few dozen short words all over an article costs a regex, str.find or an
# Aho-Corasick automaton a step in C for every character and word, and numpy only a few
# vector operations. Every character gets a class: its Arabic letter (the variants of a
# loosened letter share one), a digit, another word character, or one of a few kinds of
# non-word character. A word can only begin where the classes of the next characters are
# those of its letters (and a non-word character after a short word that ends there), so
# a table over the classes of three characters in a row (looked up for characters 0-2 and
# 1-3) gives a few candidate positions, which a regex then checks exactly. The same
# classes give the runs of digits and the places where a sentence may end.

# in no number word, dual noun or date key (WordStarts fails on a word spelt with one)
_UNUSED_LETTERS = "ؤضظـ\u063b\u063c\u063d\u063e\u063f"

# the classes of all but the Arabic letters: non-word characters, then word characters
_PUNCT, _SPACE, _NEWLINE, _DOT, _STOP, _DIGIT, _OTHER_DIGIT, _WORD = range(8)
_NON_WORD = (_PUNCT, _SPACE, _NEWLINE, _DOT, _STOP)


@cache
def _letter_classes() -> dict[str, int]:
    """The class of each Arabic letter the words looked for are spelt with (hamza to yaa
    and alif wasla, but for those below); variants share one. The others are just word
    characters: fewer classes keep the tables small enough to stay in the CPU cache."""
    canonical = {c: variants[0] for variants in _LOOSE_LETTERS.values() for c in variants}
    letters = [chr(c) for c in range(0x0621, 0x064B) if chr(c) not in _UNUSED_LETTERS] + ["ٱ"]
    bases = sorted({canonical.get(c, c) for c in letters})
    number = {base: _WORD + 1 + i for i, base in enumerate(bases)}
    return {c: number[canonical.get(c, c)] for c in letters}


@cache
def _class_table():
    """(the class of every character of the Basic Multilingual Plane, how many classes)."""
    import numpy as np

    table = np.array([_char_class(chr(code)) for code in range(0x10000)], dtype=np.uint16)
    for ch, cls in _letter_classes().items():
        table[ord(ch)] = cls
    for ch in _DIGITS:
        table[ord(ch)] = _DIGIT
    n = max(_letter_classes().values()) + 1
    assert n**3 <= 0x10000  # three classes in a row make one 16-bit number
    return table, n


def _char_class(ch: str) -> int:
    """The class of a character outside the Arabic letters (word characters as the regex
    engine's \\w sees them, whitespace as its \\s does)."""
    if ch.isdigit():
        return _DIGIT if ch in _DIGITS else _OTHER_DIGIT
    if ch.isalnum() or ch == "_":
        return _WORD
    if ch.isspace():
        return _NEWLINE if ch == "\n" else _SPACE
    return _DOT if ch == "." else _STOP if ch in "!?؟؛" else _PUNCT


class CharScan:
    """The classes of the characters of one text, the classes of each three characters in a
    row, and the runs of digits."""

    __slots__ = ("classes", "trigrams", "digit_starts", "found")

    def __init__(self, s: str) -> None:
        import numpy as np

        table, n = _class_table()
        size = len(s)
        units = s.encode("utf-16-le", "surrogatepass")
        classes = np.zeros(size + 3, dtype=np.uint16)  # three non-word characters after the end
        if len(units) == 2 * size:  # the Basic Multilingual Plane only: one unit a character
            # every unit is in the table: "clip" only spares the bounds check
            table.take(np.frombuffer(units, dtype=np.uint16), out=classes[:size], mode="clip")
        else:
            points = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            table.take(points, out=classes[:size], mode="clip")
            for i in np.flatnonzero(points > 0xFFFF).tolist():  # beyond the table: rare, one by one
                classes[i] = _char_class(s[i])
        trigrams = classes[:-2] * np.uint16(n * n)
        trigrams += classes[1:-1] * np.uint16(n)
        trigrams += classes[2:]
        self.trigrams = trigrams  # the classes of s[i : i + 3] as one number, for i up to len(s)
        self.classes = classes[:size]
        self.found: dict = {}  # what each WordStarts found here
        # Few numpy calls: each costs a microsecond or two more when the article comes after
        # the other stages of the extractor than when the finders run alone.
        digit = classes == _DIGIT
        starts = np.flatnonzero(digit[1:] > digit[:-1])  # a digit after anything else
        starts += 1
        self.digit_starts: list[int] = ([0] if s and s[0] in _DIGITS else []) + starts.tolist()

    def stops(self) -> list[int]:
        """Where a sentence may end: . ! ? ؟ ؛ and newlines, but no full stop between two digits
        ("3.5"; "عام 1992. ثم" ends one)."""
        after = _stop_after().take(self.trigrams[:-1]).nonzero()[0]  # classes of i, i + 1, i + 2
        after += 1
        first = [0] if len(self.classes) and int(self.classes[0]) in (_NEWLINE, _DOT, _STOP) else []
        return first + after.tolist()


@cache
def _stop_after():
    """For the classes of three characters in a row (first * n * n + second * n + third):
    whether the second may end a sentence."""
    import numpy as np

    n = _class_table()[1]
    first, rest = np.divmod(np.arange(n * n * n), n * n)
    second, third = np.divmod(rest, n)
    digits = (_DIGIT, _OTHER_DIGIT)
    decimal = np.isin(first, digits) & np.isin(third, digits)
    return np.isin(second, (_NEWLINE, _STOP)) | ((second == _DOT) & ~decimal)


@lru_cache(maxsize=2)
def char_scan(folded: FoldedText) -> CharScan:
    """The :class:`CharScan` of " " + ``folded.text``, which the date and number finders
    both search. Both ask about an article, and fold_text hands both the same object, so
    finding the scan again costs no hashing of the text."""
    return CharScan(" " + folded.text)


class WordStarts:
    """Where a word of each of a few sets (canonical spelling, as in :func:`spellings`) may
    begin.

    Each set maps its words to whether they must end a word (be followed by a non-word
    character). A table over the classes of three characters in a row holds, two bits a
    set, what each word allows at its characters 0-2 and at 1-3 (a non-word character
    after a word that ends there, anything after one that need not); :meth:`positions`
    gives, for each set, the positions where both hold: a superset of the real starts, in
    text order.
    """

    def __init__(self, *word_sets: dict[str, bool]) -> None:
        import numpy as np

        letters = _letter_classes()
        _, n = _class_table()
        self._table = np.zeros(n**3, dtype=np.uint8)
        for k, words in enumerate(word_sets):
            for word, ends_word in words.items():
                allowed = [(letters[c],) for c in word[:4]]
                if len(allowed) < 4:
                    allowed.append(_NON_WORD if ends_word else tuple(range(n)))
                allowed += [tuple(range(n))] * (4 - len(allowed))
                for bit, (a, b, c) in ((2 * k, allowed[:3]), (2 * k + 1, allowed[1:])):
                    self._table[np.add.outer(np.add.outer(np.array(a) * n, b) * n, c)] |= 1 << bit
        self._sets = len(word_sets)

    def positions(self, scan: CharScan) -> list[list[int]]:
        """For each set, where its words may begin (found once for a scan)."""
        found = scan.found.get(self)
        if found is None:
            import numpy as np

            hits = self._table.take(scan.trigrams[1:])
            hits >>= 1  # the bits for characters 1-3 where those for 0-2 are
            hits &= self._table.take(scan.trigrams[:-1])
            # as 0/1 bytes seen as booleans: nonzero() on booleans is many times faster
            found = [(hits & 1 if k == 0 else (hits >> 2 * k) & 1).view(np.bool_).nonzero()[0].tolist()
                     for k in range(self._sets)]
            scan.found[self] = found
        return found


@cache
def _number_words() -> WordStarts:
    """The lexicon's first words (each ends a word), and the dual nouns (see _duals)."""
    return WordStarts({entry.split()[0]: True for entry in _lexicon()}, dict.fromkeys(_DUAL_NOUNS, False))


@cache
def _first_word_re() -> re.Pattern[str]:
    """A first word of the lexicon, followed by a non-word character."""
    return re.compile(rf"(?:{loose_alternation({e.split()[0] for e in _lexicon()})})(?!\w)")


def _atom_starts(s: str, scan: CharScan) -> list[int]:
    """Positions where the atom pattern may match: digit runs, and before number words."""
    starts = set(scan.digit_starts)
    word = _first_word_re()
    for start in _number_words().positions(scan)[0]:
        if word.match(s, start) is None:
            continue  # not a number word, or inside a longer word
        for q in range(start - 1, max(-1, start - 4), -1):
            c = s[q]
            if not (c.isalnum() or c == "_"):
                starts.add(q)
                break
            if c not in _ATTACHED:
                break
    return sorted(starts)


def _atom_matches(s: str, scan: CharScan | None = None):
    """What ``_atom_re().finditer(s)`` yields, trying only where an atom can start."""
    pattern = _atom_re()
    pos = 0
    for start in _atom_starts(s, CharScan(s) if scan is None else scan):
        if start >= pos:
            m = pattern.match(s, start)
            if m is not None:
                pos = m.end()
                yield m


def _atoms(folded: FoldedText, exclude: list[tuple[int, int]]) -> list[_Atom]:
    """Atoms in folded offsets; matched in " " + text so a word at offset 0 has a boundary."""
    s = " " + folded.text
    found: list[_Atom] = []
    for m in _atom_matches(s, char_scan(folded)):
        digits = m.group("num") is not None
        start = m.start() if digits else m.start("word")  # where the atom will start
        if _overlaps(folded.start(start - 1), folded.end(m.end() - 1), exclude):
            continue  # inside a date: no need to read it
        atom = _digit_atom(m, s) if digits else _word_atom(m, s)
        if atom is not None:
            atom.start -= 1
            atom.end -= 1
            found.append(atom)
    return found


def _merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    if not spans:
        return False
    k = bisect_left(spans, (b, b)) - 1
    return k >= 0 and spans[k][1] > a


# --------------------------------------------------------------------------- grouping

# which slot may follow which, joined by "و" ("ثلاثمئة وخمسة وعشرون", "ألف وخمسمئة")
_AFTER_WA = {
    "mult": {"hund", "unit", "ten", "teen", "tens"},
    "dual": {"hund", "unit", "ten", "teen", "tens"},
    "hund": {"unit", "ten", "teen", "tens"},
    "unit": {"tens"},
}
_BEFORE_MULT = {"digit", "unit", "ten", "teen", "tens", "hund", "vague"}


def _joins(prev: _Atom, nxt: _Atom, s: str) -> bool:
    gap = s[prev.end : nxt.start]
    if nxt.slot == "mult" and not nxt.wa:
        return not gap.strip() and prev.slot in _BEFORE_MULT
    if nxt.wa and nxt.slot in _AFTER_WA.get(prev.slot, ()):
        return gap.strip() in ("و", "")
    return False


def _groups(atoms: list[_Atom], s: str) -> list[list[_Atom]]:
    groups: list[list[_Atom]] = []
    for atom in atoms:
        if groups and _joins(groups[-1][-1], atom, s):
            group = groups[-1]
            if atom.slot == "mult" and _counted(group) <= atom.value:
                # a figure counts each order once: "بين ألفين وخمسمئة وثلاثة آلاف" is 2500 and
                # 3000, so the run after the last و starts a figure of its own
                cut = max(i for i, a in enumerate(group) if a.wa or i == 0)
                if cut > 0:
                    groups[-1], tail = group[:cut], group[cut:]
                    groups.append([*tail, atom])
                    continue
            group.append(atom)
        else:
            groups.append([atom])
    return groups


def _counted(group: list[_Atom]) -> float:
    """The smallest order of a multiplier already in ``group`` (inf when none): ألفين counts
    thousands, مليون millions."""
    orders = [a.value / 2 if a.slot == "dual" else a.value for a in group if a.slot in ("mult", "dual")]
    return min(orders) if orders else float("inf")


def _group_value(group: list[_Atom]) -> tuple[int, bool] | None:
    """(value, vague) of a group of atoms, or None when it is no whole figure."""
    total: float = 0
    current: float = 0
    vague = False
    for i, atom in enumerate(group):
        if atom.slot == "mult":
            if i == 0:
                current, vague = 1, atom.vague_alone
            total += current * atom.value
            current = 0
            continue
        nxt_is_mult = i + 1 < len(group) and group[i + 1].slot == "mult"
        current += atom.small if (atom.small is not None and nxt_is_mult) else atom.value
        vague = vague or atom.slot == "vague"
    value = total + current
    if value != int(value) and abs(value - round(value)) > 1e-6:
        return None
    return round(value), vague


def _is_approx(s: str, start: int, end: int) -> bool:
    before = s[max(0, start - 40) : start]
    if _qualifier_re().search(before):
        return True
    return _after_qualifier_re().match(s, end, min(len(s), end + 40)) is not None


# --------------------------------------------------------------------------- public


def find_numbers(
    text: str, *, exclude: Iterable[tuple[int, int]] = (), folded: FoldedText | None = None
) -> list[NumberMention]:
    """Every figure in ``text`` outside the ``exclude`` spans (e.g. dates), in text order.

    Digits in any script, thousands separators, decimals before a multiplier
    ("2.5 ألف"), number words with attached و/ب/ل, and vague multipliers (عشرات، مئات،
    آلاف). ``approx`` is set by a qualifier just before the figure ("أكثر من ألف") or by a
    vague multiplier; runs of more than twelve digits are no figure at all.
    """
    folded = fold_text(text)
    spans = _merge_spans(exclude)
    mentions: list[NumberMention] = []
    for group in _groups(_atoms(folded, spans), folded.text):
        result = _group_value(group)
        if result is None:
            continue
        value, vague = result
        a, b = group[0].start, group[-1].end
        start, end = folded.start(a), folded.end(b)
        approx = vague or _is_approx(folded.text, a, b)
        mentions.append(NumberMention(start, end, text[start:end], value, approx, vague))
    duals = [(folded.start(a), folded.end(b)) for a, b in _duals(folded.text, char_scan(folded))]
    duals = [(a, b) for a, b in duals if not _overlaps(a, b, spans)]
    if duals:
        mentions += [NumberMention(a, b, text[a:b], 2, False, False) for a, b in duals]
        mentions.sort(key=lambda n: n.start)
    return mentions


# person nouns whose dual counts two: "مقتل شخصين"، "قُتل جنديان"; nisba nouns (جندي، شرطي)
# only where the dual cannot be read as a plural (جنديان; شرطيين is also "policemen")
_DUAL_NOUNS = {**{n: ("ان", "ين") for n in ("شخص", "قتيل", "جريح", "طفل", "رجل")},
               **{n: ("ان",) for n in ("جندي", "شرطي", "مدني", "عسكري")}, "جنديين": ("",)}


def _duals(text: str, scan: CharScan) -> list[tuple[int, int]]:
    """(start, end) of the dual person nouns of ``text``, their clitics included, in text
    order; only where the character scan (of " " + text) says a noun may begin is it looked for."""
    out = []
    n = len(text)
    for at in _number_words().positions(scan)[1]:
        at -= 1  # the scan is of " " + text, as for the atoms
        for noun, endings in _duals_by_head().get(text[at : at + 2], ()):
            if not text.startswith(noun, at):
                continue
            after = at + len(noun)
            for ending in endings:
                end = after + len(ending)
                if text.startswith(ending, after) and (end >= n or not text[end].isalnum()):
                    start = _dual_start(text, at)
                    if start is not None:
                        out.append((start, end))
                    break
    return out


@cache
def _duals_by_head() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The dual nouns and their endings, by their first two letters."""
    heads: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for noun, endings in _DUAL_NOUNS.items():
        heads.setdefault(noun[:2], []).append((noun, endings))
    return heads


_DUAL_PREFIX = re.compile(r"(?:^|\W)[وفبل]?(?:ال)?$")


def _dual_start(text: str, start: int) -> int | None:
    """Where the written word of a dual noun found at ``start`` begins (its article
    included), or None when the noun sits inside another word."""
    m = _DUAL_PREFIX.search(text, max(0, start - 4), start)
    if m is None:
        return None
    return start - 2 if text.startswith("ال", start - 2) and m.end() - m.start() > 1 else start


def parse_number(s: str) -> int | None:
    """The value of ``s`` when the whole string is one figure ("3 آلاف", "٣٬٦٠٠"), else None."""
    stripped = s.strip()
    if not stripped:
        return None
    mentions = find_numbers(stripped)
    if len(mentions) != 1:
        return None
    m = mentions[0]
    leftover = (stripped[: m.start] + stripped[m.end :]).strip()
    return m.value if leftover in ("", "و", "ب", "ل") else None
