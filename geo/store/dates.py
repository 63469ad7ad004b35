"""Turn a claim's date text (YYYY-MM-DD, YYYY-MM or YYYY) into the interval it covers."""

from __future__ import annotations

import calendar
import re
from datetime import date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_interval(text: str | None) -> tuple[date | None, date | None]:
    """First and last day a date text covers: "2022-01" → (2022-01-01, 2022-01-31).

    Text that is not one of the three forms (or not a real day) gives (None, None):
    the claim is then treated as undated by the filters, but its text is kept.
    """
    match = _DATE.match(text.strip()) if text else None
    if not match:
        return None, None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            one = date(year, month, day)
            return one, one
        if month is not None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None, None
