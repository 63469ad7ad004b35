"""Who belonged to the Collective Security Treaty / CSTO on a given day.

The history lives in ``data/boundaries/membership.csv`` (one row per change of a state's status,
see its header and PROVENANCE.md). It is read on first use and cached per path.

"member" means signatory or party from the day of signature or accession; a change takes effect
on its own date. Before the Tashkent treaty (15 May 1992) every state is "never".
"""

from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from geo.errors import DataFileError, InputError

CSV_NAME = "membership.csv"
COLUMNS = ("date", "iso2", "status_after", "event", "source")
STATUSES = ("member", "suspended", "former", "never")
NEVER = "never"


@dataclass(frozen=True, slots=True)
class MembershipChange:
    """One change of one state's status, from ``date`` on."""

    date: date
    iso2: str
    status_after: str
    event: str
    source: str


def _default_path() -> Path:
    from geo.settings import get_settings

    return get_settings().boundaries_dir / CSV_NAME


def _data_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of every line that is not blank or a ``#`` comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"{path}: membership timeline not found; restore it from git") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc
    lines = enumerate(text.splitlines(), start=1)
    return [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]


def _parse_date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise DataFileError(f"{where}: date must be YYYY-MM-DD, got {value!r}") from exc


def _parse_row(fields: list[str], where: str) -> MembershipChange:
    if len(fields) != len(COLUMNS):
        raise DataFileError(
            f"{where}: expected {len(COLUMNS)} fields ({','.join(COLUMNS)}), got {len(fields)}"
        )
    raw_date, iso2, status, event, source = (f.strip() for f in fields)
    if not (len(iso2) == 2 and iso2.isalpha() and iso2.isupper()):
        raise DataFileError(f"{where}: iso2 must be two capital letters, got {iso2!r}")
    if status not in STATUSES:
        raise DataFileError(f"{where}: status_after must be one of {', '.join(STATUSES)}, got {status!r}")
    if not event or not source:
        raise DataFileError(f"{where}: event and source must not be empty")
    return MembershipChange(_parse_date(raw_date, where), iso2, status, event, source)


def _parse(path: Path) -> tuple[MembershipChange, ...]:
    lines = _data_lines(path)
    if not lines:
        raise DataFileError(f"{path}: no header and no rows")
    header_no, header = lines[0]
    if tuple(next(csv.reader([header]))) != COLUMNS:
        raise DataFileError(f"{path}: line {header_no}: header must be {','.join(COLUMNS)}, got {header!r}")
    changes, seen = [], {}
    for number, line in lines[1:]:
        change = _parse_row(next(csv.reader([line])), f"{path}: line {number}")
        key = (change.iso2, change.date)
        if key in seen:
            raise DataFileError(
                f"{path}: line {number}: a second change for {change.iso2} on "
                f"{change.date} (first on line {seen[key]})"
            )
        seen[key] = number
        changes.append(change)
    return tuple(sorted(changes, key=lambda c: (c.date, c.iso2)))


@lru_cache(maxsize=4)
def _cached(path: Path) -> tuple[tuple[MembershipChange, ...], dict[str, tuple[list[date], list[str]]]]:
    changes = _parse(path)
    by_state: dict[str, tuple[list[date], list[str]]] = {}
    for change in changes:  # already sorted by date
        dates, statuses = by_state.setdefault(change.iso2, ([], []))
        dates.append(change.date)
        statuses.append(change.status_after)
    return changes, by_state


def _load(path: Path | None):
    return _cached(Path(path or _default_path()).resolve())


def _as_date(on: object) -> date:
    if isinstance(on, datetime):
        return on.date()
    if isinstance(on, date):
        return on
    raise InputError(f"expected a datetime.date, got {on!r} ({type(on).__name__})")


def timeline(*, path: Path | None = None) -> list[MembershipChange]:
    """Every change, oldest first (ties by iso2)."""
    return list(_load(path)[0])


def status_on(iso2: str, on: date, *, path: Path | None = None) -> str:
    """ "member", "suspended", "former" or "never" for the state ``iso2`` on the day ``on``."""
    on = _as_date(on)
    history = _load(path)[1].get(str(iso2).strip().upper())
    if history is None:
        return NEVER
    dates, statuses = history
    index = bisect.bisect_right(dates, on)
    return statuses[index - 1] if index else NEVER


def statuses_on(on: date, *, path: Path | None = None) -> dict[str, str]:
    """{iso2: status} on the day ``on`` for every state that ever had a status, sorted by iso2."""
    on = _as_date(on)
    states = sorted(_load(path)[1])
    return {iso2: status_on(iso2, on, path=path) for iso2 in states}


def members_on(on: date, *, path: Path | None = None) -> frozenset[str]:
    """The iso2 codes whose status on ``on`` is "member"."""
    return frozenset(iso2 for iso2, status in statuses_on(on, path=path).items() if status == "member")


def clear_cache() -> None:
    """Forget the parsed file (after editing it in the same process)."""
    _cached.cache_clear()
