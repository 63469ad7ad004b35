"""Read articles for ingest: text files, JSON Lines files and folders of them.

Yields an :class:`Article` per readable article and a :class:`Problem` per thing that
cannot be read (naming the file and line), so one bad input never hides the others.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

FOLDER_SUFFIXES = (".txt", ".jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
_PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, kw_only=True)
class Article:
    doc_id: str
    text: str
    published: str | None
    source: str
    where: str  # "file" or "file:line", for messages


@dataclass(frozen=True, kw_only=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def read_inputs(paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Article | Problem]:
    """Articles from every path; ``published`` applies to plain text files."""
    if published is not None and not _PUBLISHED.match(published):
        yield Problem(where="--published", message=f"{published!r} is not a date YYYY-MM-DD")
        return
    for path in paths:
        yield from _read_path(Path(path), published=published)


def _read_path(path: Path, *, published: str | None) -> Iterator[Article | Problem]:
    kind = _kind(path)
    if isinstance(kind, Problem):
        yield kind
    elif kind == "dir":
        yield from _read_folder(path, published=published)
    elif path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    else:
        yield _read_text(path, published=published)


def _kind(path: Path) -> str | Problem:
    try:
        info = path.stat()
    except OSError as exc:
        return Problem(where=str(path), message=_os_message(exc))
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    return Problem(where=str(path), message="not a regular file (a device, pipe or socket?); skipped")


def _os_message(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself); skipped"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return f"cannot read: {exc.strerror or exc}"


def _read_folder(root: Path, *, published: str | None) -> Iterator[Article | Problem]:
    found = False
    for item in _walk(root, ancestors=frozenset()):
        if isinstance(item, Problem):
            yield item
            continue
        found = True
        yield from _read_path(item, published=published)
    if not found:
        yield Problem(where=str(root), message=f"folder holds no {' or '.join(FOLDER_SUFFIXES)} files")


def _walk(folder: Path, *, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | Problem]:
    """Files to read under ``folder``, sorted, following links but never round a loop."""
    info = folder.stat()
    here = (info.st_dev, info.st_ino)
    if here in ancestors:
        yield Problem(
            where=str(folder), message="symbolic link loop (leads back to a folder above it); skipped"
        )
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Problem(where=str(folder), message=_os_message(exc))
        return
    for entry in entries:
        path = Path(entry.path)
        kind = _kind(path)
        if kind == "dir":
            yield from _walk(path, ancestors=ancestors | {here})
        elif isinstance(kind, Problem):
            if path.suffix.lower() in FOLDER_SUFFIXES or entry.is_symlink():
                yield kind
        elif path.suffix.lower() in FOLDER_SUFFIXES:
            yield path


def _read_bytes(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _TooBig
    return data


class _TooBig(Exception):
    pass


def _read_text(path: Path, *, published: str | None) -> Article | Problem:
    where = str(path)
    try:
        data = _read_bytes(path)
        text = data.decode("utf-8-sig")
    except _TooBig:
        return Problem(where=where, message=f"larger than {MAX_ARTICLE_BYTES // 2**20} MB; not one article")
    except OSError as exc:
        return Problem(where=where, message=_os_message(exc))
    except UnicodeDecodeError as exc:
        return Problem(where=where, message=f"not UTF-8 text (byte {exc.start} is {data[exc.start]:#04x})")
    if not text.strip():
        return Problem(where=where, message="empty file, no article text")
    return Article(doc_id=path.name, text=text, published=published, source=str(path), where=where)


def _read_jsonl(path: Path) -> Iterator[Article | Problem]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(where=str(path), message=_os_message(exc))
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield _parse_line(raw, where=f"{path}:{number}", source=str(path))


def _parse_line(raw: bytes, *, where: str, source: str) -> Article | Problem:
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return Problem(where=where, message=f"not UTF-8 (byte {exc.start} of the line)")
    except json.JSONDecodeError as exc:
        return Problem(where=where, message=f"not JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(obj, dict):
        return Problem(
            where=where, message=f'expected an object {{"id", "text", "published"}}, got {type(obj).__name__}'
        )
    text, doc_id, published = obj.get("text"), obj.get("id"), obj.get("published")
    if not isinstance(text, str) or not text.strip():
        return Problem(where=where, message='missing or empty "text"')
    if doc_id is None:
        doc_id = where.rsplit("/", 1)[-1]
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or not str(doc_id).strip():
        return Problem(where=where, message='"id" must be a non-empty string')
    if published is not None and not (isinstance(published, str) and _PUBLISHED.match(published)):
        return Problem(where=where, message=f'"published" must be YYYY-MM-DD or null, got {published!r}')
    return Article(doc_id=str(doc_id), text=text, published=published, source=source, where=where)
