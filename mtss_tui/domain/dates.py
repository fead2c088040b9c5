"""Reading the dates people type, with messages that say what is wrong."""

from __future__ import annotations

import re
from datetime import date


class DateProblem(ValueError):
    """A typed date that cannot be used; the message names the field."""


def parse_day(text: str, field: str, not_before: date | None = None) -> str:
    """`YYYY-MM-DD` as typed, checked to be a real day and not in the past."""
    value = (text or "").strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise DateProblem(f"{field} {value!r}: expected a date as YYYY-MM-DD")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise DateProblem(f"{field} {value!r}: there is no such day") from None
    if not_before is not None and day < not_before:
        raise DateProblem(
            f"{field} {value}: is in the past (today is {not_before.isoformat()})"
        )
    return day.isoformat()
