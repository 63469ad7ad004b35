"""Arabic normalisation shared by both sides of every lookup.

:func:`fold` maps every character to exactly one character, so offsets into the folded
text are offsets into the original: the matcher runs on folded text and reports spans
of the input as given. Characters that normalisation deletes (diacritics, tatweel) fold
to :data:`GAP`, which keys skip.

What folds to what (the usual choices of Arabic information retrieval):

- diacritics (fathatan … sukun, superscript alef) and tatweel → GAP
- alef with hamza above/below, alef madda, alef wasla → bare alef
- taa marbuta → haa; alef maqsura → yaa; waw/yaa with hamza → waw/yaa
- Persian/Urdu keheh, farsi yeh, ae → kaf, yaa, haa (spellings GeoNames mixes in)
- Arabic-Indic and Persian digits → ASCII digits; Latin → lower case
- hyphens, dashes, underscore, hash → space (ألما-آتا, #Aktobe)
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

GAP = "\u0640"  # tatweel: never part of a key

_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u0640"
_MAP = {
    **{c: GAP for c in _DIACRITICS},
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي", "ۍ": "ي",
    "ؤ": "و", "ۆ": "و",
    "ک": "ك", "ڪ": "ك",
    "-": " ", "\u2010": " ", "\u2011": " ", "\u2012": " ", "\u2013": " ", "\u2014": " ",
    "\u0130": "i",  # Turkish dotted capital I: str.lower() would make it two characters
    "_": " ", "#": " ", "\u00a0": " ", "\u200c": " ", "\u200f": " ", "\u200e": " ",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian
_TABLE = str.maketrans(_MAP)

# Letters that only Persian, Urdu and other non-Arabic orthographies use. A GeoNames
# alternate name containing one of them is not an Arabic spelling.
NON_ARABIC_LETTERS = frozenset("یکپچژگڭڤٹڈڑںےۇۋۈڭڠٻڀڄڃڇڍڌڎڏڐڒړڔڕږڗڙښڛڜڝڞڟڠڡڢڣڥڦڧڨګڬڮڰڱڲڳڴڵڶڷڸڹںڻڼڽھۅۉۊۏ")

ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))  # hamza … yaa, as one set
WORD = re.compile(r"[\u0621-\u064a\u0640]+|[a-z]+|[0-9]+")


def fold(text: str) -> str:
    """Normalise character by character; ``len(fold(t)) == len(t)``."""
    if len(text) < _VECTOR_MIN:
        return text.translate(_TABLE).lower()
    return _fold_vector(text)


# Long texts fold through a code-unit table with numpy (one C pass instead of a dict
# lookup per character, and lower case in the same pass: str.lower() looks each character
# up in the Unicode database); short strings keep str.translate and str.lower. Both give
# the same result. Every character _MAP changes is in the Basic Multilingual Plane, so the
# text goes through as UTF-16 code units; a text with a character beyond it (a surrogate
# pair), a lone surrogate or a capital sigma (which lower() writes by its context) is
# translated, then lowered.
_VECTOR_MIN = 256
_SIGMA = "\u03a3"


@lru_cache(maxsize=1)
def _code_table():
    """The fold of each character of the Basic Multilingual Plane, lower case included."""
    import numpy as np

    table = np.arange(0x10000, dtype=np.uint16)
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue  # surrogates stay as they are (a text with a lone one fails to decode)
        ch = chr(code)
        folded = _MAP.get(ch, ch).lower()
        if folded != ch:
            assert len(folded) == 1, ch  # İ, the one capital that lowers to two, is in _MAP
            table[code] = ord(folded)
    return table


def _fold_vector(text: str) -> str:
    import numpy as np

    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) == 2 * len(text) and _SIGMA not in text:
        try:
            return _code_table()[np.frombuffer(units, dtype=np.uint16)].tobytes().decode("utf-16-le")
        except UnicodeDecodeError:
            pass  # a lone surrogate
    # code unit by code unit, then lower case (two lone surrogates in a row make one character)
    return text.translate(_TABLE).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass").lower()


def key(text: str) -> str:
    """The lookup key of a name: folded, gaps dropped, words joined by single spaces."""
    folded = fold(text).replace(GAP, "")
    return " ".join(WORD.findall(folded))


def has_arabic(text: str) -> bool:
    return ARABIC_LETTER.search(fold(text)) is not None


def is_arabic_spelling(name: str) -> bool:
    """True for names written in the Arabic alphabet proper (not Persian or Urdu)."""
    return (
        has_arabic(name)
        and not any(ch in NON_ARABIC_LETTERS for ch in name)
        and not any("a" <= ch.lower() <= "z" for ch in name)
    )


def to_ascii_digits(text: str) -> str:
    return text.translate(_TABLE) if not text.isascii() else text


# Clitics that attach to the front of a word: conjunctions, then prepositions, then the article.
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


@lru_cache(maxsize=1)
def clitic_prefixes() -> frozenset[str]:
    """Every folded prefix that may stand before a name inside one written word.

    و/ف, then ب/ل/ك, then ال; ``لل`` is ل + ال with the alef dropped (للعاصمة).
    """
    out = {""}
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            for art in ("", ARTICLE):
                if not (prep == "ل" and art):  # ل + ال is written لل
                    out.add(conj + prep + art)
        out.add(conj + "لل")
    return frozenset(out)


class GapMap:
    """Folded text without its gaps (dropped diacritics), and the way back to the offsets
    of the folded text: ``orig(i) = i + number of gaps dropped at or before compact i``."""

    __slots__ = ("compact", "gaps")

    def __init__(self, folded: str):
        if GAP in folded:
            self.gaps = [i - k for k, i in enumerate(m.start() for m in _GAP_RUN.finditer(folded))]
            self.compact = folded.replace(GAP, "")
        else:
            self.gaps = []
            self.compact = folded

    def orig(self, i: int) -> int:
        return i + bisect_right(self.gaps, i) if self.gaps else i


_GAP_RUN = re.compile(GAP)
