"""Attendance patterns: on which weekdays and in which months a student misses.

A chronic-absence rate says how much school a student misses; the pattern says
when, which is what a team acts on (a Monday habit calls for a different plan
than a bad November). Counting here is by whole days: an absence is a day with
status `absent_excused`, `absent_unexcused` or `suspended`. A partial day or a
tardy is not an absence in a pattern (the student was at school that day); both
are counted on their own, by weekday, so the team still sees them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from mtss_tui.domain.records import ABSENT_STATUSES, AttendanceDay, PeriodMark

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
"""School weekdays by `date.weekday()` index; weekend records are not counted."""

SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri")


@dataclass(frozen=True)
class MonthFigures:
    month: str
    """YYYY-MM."""
    school_days: int
    absences: int
    """Whole days absent (see the module's note)."""
    missed: float
    """Days missed as the chronic-absence rate counts them: partial days add
    their fraction."""

    @property
    def attendance_rate(self) -> float:
        return 1 - self.missed / self.school_days if self.school_days else 0.0


@dataclass(frozen=True)
class AttendancePattern:
    absences_by_weekday: tuple[int, int, int, int, int]
    """Whole-day absences on Monday to Friday."""
    tardies_by_weekday: tuple[int, int, int, int, int]
    partials_by_weekday: tuple[int, int, int, int, int]
    months: tuple[MonthFigures, ...]

    @property
    def absences(self) -> int:
        return sum(self.absences_by_weekday)

    def share(self, weekday: int) -> float:
        """The weekday's share of all absences; 0 without absences."""
        total = self.absences
        return self.absences_by_weekday[weekday] / total if total else 0.0


def is_absence(day: AttendanceDay) -> bool:
    return day.status in ABSENT_STATUSES


def attendance_pattern(days: list[AttendanceDay], as_of: date) -> AttendancePattern:
    """Absences, tardies and partial days by weekday, and figures by month."""
    absences, tardies, partials = [0] * 5, [0] * 5, [0] * 5
    school_days: Counter[str] = Counter()
    month_absences: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for day in days:
        if day.on > as_of:
            continue

        month = day.on.strftime("%Y-%m")
        school_days[month] += 1
        missed[month] += day.missed
        month_absences[month] += is_absence(day)
        weekday = day.on.weekday()
        if weekday >= 5:
            continue

        if is_absence(day):
            absences[weekday] += 1
        elif day.status == "tardy":
            tardies[weekday] += 1
        elif day.status == "partial":
            partials[weekday] += 1

    months = tuple(
        MonthFigures(m, school_days[m], month_absences[m], missed[m])
        for m in sorted(school_days)
    )
    return AttendancePattern(tuple(absences), tuple(tardies), tuple(partials), months)


def weekday_counts(counts: tuple[int, ...]) -> str:
    """`Mon 6, Tue 1, Wed 0, Thu 1, Fri 2`: fits a card panel at 120 columns."""
    return ", ".join(f"{SHORT[i]} {n}" for i, n in enumerate(counts))


def weekday_line(counts: tuple[int, ...], label: str) -> str:
    """`10 absences: Mon 6, Tue 1, Wed 0, Thu 1, Fri 2`."""
    return f"{sum(counts)} {label}: {weekday_counts(counts)}"


def month_line(months: tuple[MonthFigures, ...]) -> str:
    """`Sep 1 (50%), Oct 4 (76%)`: absences and attendance rate per month."""
    return ", ".join(
        f"{date(2000, int(m.month[5:]), 1):%b} {m.absences} ({m.attendance_rate:.0%})"
        for m in months
    )


def by_period(
    marks: list[PeriodMark], status: str, as_of: date
) -> list[tuple[str, int]]:
    """Tardies (or absences) per class period, most first, then by period name.

    Only where the data has periods: a secondary school's class attendance
    shows whether lateness gathers at first period or after lunch.
    """
    counts = Counter(m.period for m in marks if m.status == status and m.on <= as_of)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
