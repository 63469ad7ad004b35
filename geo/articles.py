"""Read articles for the command line: text files, standard input, JSON Lines.

Each reader yields either an :class:`Article` or an :class:`InputProblem` naming the
file and line, so one bad article never stops the batch.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # longer "articles" are not news: refuse them by name


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: str | None = None


@dataclass(frozen=True, slots=True)
class InputProblem:
    where: str  # "file" or "file:line"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def check_published(value, where: str) -> str | None | InputProblem:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        return InputProblem(where, f'"published" must be a YYYY-MM-DD string or null, not {value!r}')
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return InputProblem(where, f'"published" is {value!r}; expected a real date as YYYY-MM-DD')


def decode(raw: bytes, where: str) -> str | InputProblem:
    if b"\x00" in raw[:4096]:
        return InputProblem(where, "looks binary (NUL bytes); expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return InputProblem(where, f"is not UTF-8 (byte {exc.start}: {exc.reason}); re-save it as UTF-8")


def read_text_file(path: str, published: str | None) -> Article | InputProblem:
    if path == "-":
        return _from_bytes(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1), "<stdin>", "<stdin>", published)
    p = Path(path)
    try:
        if p.is_dir():
            return InputProblem(path, "is a folder; give the article files (e.g. folder/*.txt)")
        if not p.is_file():
            return InputProblem(path, "is not a regular file" if p.exists() else "no such file")
        with p.open("rb") as fh:
            raw = fh.read(MAX_ARTICLE_BYTES + 1)
    except OSError as exc:
        return InputProblem(path, f"cannot be read: {exc.strerror or exc}")
    return _from_bytes(raw, path, path, published)


def _from_bytes(raw: bytes, where: str, doc_id: str, published: str | None) -> Article | InputProblem:
    if len(raw) > MAX_ARTICLE_BYTES:
        return InputProblem(where, f"is larger than {MAX_ARTICLE_BYTES // (1024 * 1024)} MB; not an article")
    text = decode(raw, where)
    if isinstance(text, InputProblem):
        return text
    return Article(doc_id, text, published)


def read_jsonl(path: str) -> Iterator[Article | InputProblem]:
    name = "<stdin>" if path == "-" else path
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield InputProblem(name, f"cannot be read: {exc.strerror or exc}")
        return
    with stream:
        for lineno, raw in enumerate(stream, start=1):
            if raw.strip():
                yield _article_from_json(raw, f"{name}:{lineno}")


def _article_from_json(raw: bytes, where: str) -> Article | InputProblem:
    line = decode(raw, where)
    if isinstance(line, InputProblem):
        return line
    try:
        obj = json.loads(line)
    except ValueError as exc:
        return InputProblem(where, f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return InputProblem(where, f"expected a JSON object with id and text, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputProblem(where, 'missing "text" (a string)' if text is None else '"text" must be a string')
    published = check_published(obj.get("published"), where)
    if isinstance(published, InputProblem):
        return published
    doc_id = obj.get("id")
    return Article(str(doc_id) if doc_id not in (None, "") else where, text, published)
