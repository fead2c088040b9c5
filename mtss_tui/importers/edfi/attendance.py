"""Attendance rows: each event's category, plus `present` for the other days.

Ed-Fi records exceptions only, while the attendance rate counts days missed
out of days enrolled. A student with at least one event is taken to be
enrolled on every school day of the school(s) of their events (or within the
entry and exit dates of their StudentSchoolAssociation, when the files have
one); days with no event are written as `present`. Students with no event at
all get no rows: nothing in the files says they were enrolled.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.edfi.calendar import school_days
from mtss_tui.importers.edfi.descriptors import (
    ATTENDANCE_CATEGORIES,
    MISSED_ORDER,
    code_value,
)
from mtss_tui.importers.edfi.interchanges import AttendanceEvent, Collected, Place
from mtss_tui.importers.edfi.rows import emit, parse_date

MINUTES_PER_DAY = 390
"""A school day of 6.5 hours, to turn a partial day's minutes into a fraction."""

EVENT = "StudentSchoolAttendanceEvent/AttendanceEvent"
SHOWN = {
    "student_id": "StudentSchoolAttendanceEvent/StudentReference/StudentUniqueId",
    "date": f"{EVENT}/EventDate",
    "fraction": f"{EVENT}/EventDuration",
}


def build_attendance(found: Collected, batch: Batch) -> None:
    events = _daily_events(found, batch)
    if not events:
        return

    last_day = min(max(on for _, on in events), date.today())
    days, where = school_days(found, last_day, batch.faults, batch.warnings)
    spans = _enrolled_spans(found, batch.faults)

    by_student: dict[str, list[tuple[date, str, str, Place]]] = defaultdict(list)
    for (student, on), (event, status, fraction) in sorted(events.items()):
        emit(
            batch,
            "attendance",
            event.at,
            {"student_id": student, "date": on.isoformat(), "status": status}
            | {"fraction": fraction},
            SHOWN,
        )
        by_student[student].append((on, event.school, status, event.at))

    outside = 0
    without_calendar: Counter = Counter()
    for student, recorded in by_student.items():
        schools = {school for _, school, _, _ in recorded}
        expected: set[date] = set()
        for school in schools:
            if school in days:
                expected |= days[school]
            else:
                without_calendar[school] += 1
        if student in spans:
            expected = {d for d in expected if _within(d, spans[student])}
        seen = {on for on, _, _, _ in recorded}
        outside += len(seen - expected) if expected else 0
        for on in sorted(expected - seen):
            at = where[next(s for s in schools if s in days)]
            raw = {"student_id": student, "date": on.isoformat(), "status": "present"}
            emit(batch, "attendance", at, raw, SHOWN)

    if outside:
        batch.warnings.append(
            f"{outside} attendance event(s) fall on days outside the school calendar "
            "(a weekend or between sessions); kept as recorded"
        )
    for school, count in sorted(without_calendar.items()):
        batch.warnings.append(
            f"school {school or '(none)'} has no Session in EducationOrgCalendar: "
            f"{count} student(s) have their events only, too few days for a rate"
        )


def _daily_events(found: Collected, batch: Batch):
    """(student, date) -> (event, status, fraction): one event a day per student.

    Ed-Fi allows several events on one day (an absence and a partial day, say);
    the canonical table has one row a day, so the one missing more is kept.
    """
    daily: dict[tuple[str, date], tuple[AttendanceEvent, str, str]] = {}
    merged = 0
    for event in found.events:
        status = ATTENDANCE_CATEGORIES.get(code_value(event.category).lower())
        if status is None:
            batch.faults.append(
                f"{event.at}: {EVENT}/AttendanceEventCategory: {event.category!r}: "
                "expected one of "
                + ", ".join(sorted({k.title() for k in ATTENDANCE_CATEGORIES}))
            )
        on = parse_date(event.date, event.at, f"{EVENT}/EventDate", batch.faults)
        if status is None or on is None:
            continue

        key = (event.student_id, on)
        fraction = _fraction(event, status)
        held = daily.get(key)
        if held is not None:
            merged += 1
            if MISSED_ORDER.index(held[1]) <= MISSED_ORDER.index(status):
                continue
        daily[key] = (event, status, fraction)
    if merged:
        batch.warnings.append(
            f"{merged} day(s) with two attendance events for one student: "
            "the one missing more of the day is kept"
        )
    return daily


def _fraction(event: AttendanceEvent, status: str) -> str:
    """A partial day's share missed: EventDuration, else minutes over a day."""
    if status != "partial":
        return ""
    if event.duration:
        return event.duration
    try:
        minutes = float(event.minutes)
    except ValueError:
        return ""
    return f"{min(minutes / MINUTES_PER_DAY, 1.0):.3f}"


def _enrolled_spans(found: Collected, faults: list[str]):
    """Student -> [(entry, exit or None)] from StudentSchoolAssociation records."""
    spans: dict[str, list[tuple[date, date | None]]] = defaultdict(list)
    for enrolment in found.enrolments:
        entry = parse_date(
            enrolment.entry_date,
            enrolment.at,
            "StudentSchoolAssociation/EntryDate",
            faults,
        )
        leave = None
        if enrolment.exit_date:
            leave = parse_date(
                enrolment.exit_date,
                enrolment.at,
                "StudentSchoolAssociation/ExitWithdrawDate",
                faults,
            )
        if entry is not None:
            spans[enrolment.student_id].append((entry, leave))
    return spans


def _within(on: date, spans) -> bool:
    return any(entry <= on and (leave is None or on <= leave) for entry, leave in spans)
