"""Sentences of an article and trigger lexicons matched on folded text.

A trigger is a folded word stem; it matches a written word that starts with it after
optional clitics (و ف ب ل ك ال, and the future/verbal prefixes س ي ت ن where a lexicon
allows them), so one stem covers its prefixed and inflected forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.normalize import fold, key

_SENTENCE = re.compile(r"[^.!?؟\n]+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # original text
    folded: str  # fold(text), same length


def sentences(text: str, limit: int | None = None) -> list[Sentence]:
    body = text if limit is None else text[:limit]
    folded = fold(body)
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


@lru_cache(maxsize=256)
def lexicon(stems: tuple[str, ...], verbal: bool = False) -> re.Pattern[str]:
    """A regex that finds any of the stems at the start of a word (after clitics).

    Stems are written in ordinary Arabic and folded here; a stem may hold several words.
    """
    clitic = r"(?:[وف]?(?:[بلك]|لل|ال|[بك]ال)?)"
    if verbal:
        clitic = r"(?:[وف]?(?:ال|س?[يتن]|[بلك])?)"
    alts = "|".join(sorted({re.escape(key(s)).replace(r"\ ", r"\s+") for s in stems}, key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064a]){clitic}(?:{alts})")


def find(pattern: re.Pattern[str], folded: str) -> list[re.Match[str]]:
    return list(pattern.finditer(folded))


def has(pattern: re.Pattern[str], folded: str) -> bool:
    return pattern.search(folded) is not None
