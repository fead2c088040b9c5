"""The days each school expects its students, from EducationOrgCalendar.

The attendance rate needs a row for every enrolled day, but Ed-Fi records
only the exceptions (absences, tardies). A school's days are taken as every
weekday from a session's BeginDate to its EndDate, less the CalendarDates
whose events are not instructional, plus instructional CalendarDates outside
them; days after the last attendance event in the files are left out, so a
year still under way does not fill up with days that have not happened.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from mtss_tui.importers.edfi.descriptors import INSTRUCTIONAL_EVENTS, code_value
from mtss_tui.importers.edfi.interchanges import Collected, Place
from mtss_tui.importers.edfi.rows import parse_date


def weekdays(first: date, last: date) -> list[date]:
    count = (last - first).days + 1
    days = (first + timedelta(n) for n in range(max(count, 0)))
    return [d for d in days if d.weekday() < 5]


def school_days(
    found: Collected, last_day: date, faults: list[str], warnings: list[str]
) -> tuple[dict[str, set[date]], dict[str, Place]]:
    """School id -> its school days up to `last_day`; and where each was read."""
    added: dict[str, set[date]] = defaultdict(set)
    removed: dict[str, set[date]] = defaultdict(set)
    for entry in found.calendar_dates:
        on = parse_date(entry.date, entry.at, "CalendarDate/Date", faults)
        if on is None:
            continue
        events = {code_value(e).lower() for e in entry.events}
        target = added if events & INSTRUCTIONAL_EVENTS else removed
        target[entry.school].add(on)

    days: dict[str, set[date]] = defaultdict(set)
    where: dict[str, Place] = {}
    for session in found.sessions:
        first = parse_date(session.begin, session.at, "Session/BeginDate", faults)
        last = parse_date(session.end, session.at, "Session/EndDate", faults)
        if first is None or last is None:
            continue
        school = session.school
        where.setdefault(school, session.at)
        session_days = set(weekdays(first, last)) - removed[school]
        session_days |= {d for d in added[school] if first <= d <= last}
        _check_total(session, len(session_days), warnings)
        days[school] |= {d for d in session_days if d <= last_day}

    for school, extra in added.items():
        days[school] |= {d for d in extra if d <= last_day}
    return dict(days), where


def _check_total(session, counted: int, warnings: list[str]) -> None:
    """Say so when the session's own count of days differs from the calendar's."""
    stated = session.total_days.strip()
    if stated.isdigit() and int(stated) != counted:
        warnings.append(
            f"{session.at}: Session {session.name!r} of school {session.school} "
            f"gives TotalInstructionalDays {stated}, but its calendar leaves "
            f"{counted} weekdays (no other non-instructional dates are listed); "
            f"all {counted} count as school days"
        )
