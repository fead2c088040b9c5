"""Attendance patterns and the weekday-pattern rule, on days worked out by hand."""

from datetime import date, timedelta

from mtss_tui.domain.attendance import attendance_pattern, month_line, weekday_line
from mtss_tui.domain.flags import FlagContext, WeekdayPatternRule, evaluate
from mtss_tui.domain.records import AttendanceDay, StudentRecord

MONDAY = date(2026, 9, 28)
"""Four school weeks from here: Sep 28-30 in September, Oct 1-23 in October."""
DAYS = [MONDAY + timedelta(weeks=w, days=d) for w in range(4) for d in range(5)]
CONTEXT = FlagContext(as_of=DAYS[-1], school_days=DAYS, measures={})


def on(week: int, weekday: int) -> date:
    return MONDAY + timedelta(weeks=week, days=weekday)


def record(marks: dict[date, tuple]) -> StudentRecord:
    """Every school day present, except the marked ones: date -> (status, fraction)."""
    days = [AttendanceDay(d, *marks.get(d, ("present",))) for d in DAYS]
    return StudentRecord("S1", "Test", "Student", "3", attendance=days)


def absent_on(*days: tuple[int, int]) -> dict[date, tuple]:
    return {on(w, d): ("absent_unexcused",) for w, d in days}


# Three Mondays, a Friday and a Wednesday (suspended) absent; a partial Tuesday
# and two tardy Thursdays at school.
MIXED = {
    **absent_on((0, 0), (1, 0), (2, 0)),
    on(0, 4): ("absent_excused",),
    on(3, 2): ("suspended",),
    on(0, 1): ("partial", 0.5),
    on(1, 3): ("tardy",),
    on(2, 3): ("tardy",),
}


def rule(**settings) -> WeekdayPatternRule:
    return WeekdayPatternRule(
        id="weekday_pattern", kind="weekday_pattern", **{"min_absences": 5, **settings}
    )


def test_pattern_counts_whole_day_absences_by_weekday_and_month():
    pattern = attendance_pattern(record(MIXED).attendance, DAYS[-1])

    # Absent: Mon Sep 28, Oct 5, Oct 12; Fri Oct 2; Wed Oct 21 = 5 days.
    assert pattern.absences_by_weekday == (3, 0, 1, 0, 1)
    assert pattern.tardies_by_weekday == (0, 0, 0, 2, 0)
    assert pattern.partials_by_weekday == (0, 1, 0, 0, 0)
    # September: 3 school days, 1 absence + half a day = 1.5 missed, 50% attended.
    # October: 17 school days, 4 absences, 1 - 4/17 = 76.5% attended.
    september, october = pattern.months
    assert (september.school_days, september.absences, september.missed) == (3, 1, 1.5)
    assert (october.school_days, october.absences, october.missed) == (17, 4, 4.0)
    assert weekday_line(pattern.absences_by_weekday, "absences") == (
        "5 absences: Mon 3, Tue 0, Wed 1, Thu 0, Fri 1"
    )
    assert month_line(pattern.months) == "Sep 1 (50%), Oct 4 (76%)"


def test_pattern_ignores_days_after_as_of():
    # Up to Friday Oct 2 only: Mon Sep 28 and Fri Oct 2 absent, 2 of 5 days.
    pattern = attendance_pattern(record(MIXED).attendance, on(0, 4))

    assert pattern.absences_by_weekday == (1, 0, 0, 0, 1)
    assert [m.month for m in pattern.months] == ["2026-09", "2026-10"]
    assert pattern.months[1].school_days == 2


def test_rule_fires_on_three_mondays_of_five_absences():
    # Monday 3 of 5 = 60%, at least 40% and at least 5 absences.
    [flag] = evaluate(record(MIXED), [rule()], CONTEXT)

    assert flag.domain == "attendance"
    assert flag.value == 0.6
    assert flag.threshold == 0.4
    assert flag.reason == (
        "3 of 5 absences on Monday (60%); "
        "rule: at least 40% on one weekday, at least 5 absences"
    )


def test_four_absences_are_too_few_and_tardies_and_partials_do_not_count():
    # Without the Wednesday suspension: Monday 3 of 4 = 75%, but 4 < 5 absences.
    fewer = {d: mark for d, mark in MIXED.items() if d != on(3, 2)}
    assert evaluate(record(fewer), [rule()], CONTEXT) == []

    # Four absent Mondays, a partial Friday and a tardy Friday. Were those two
    # absences, 6 absences with Monday 4 of 6 (67%) would fire; they are not:
    # 4 absences < 5, no flag. At min_absences 4 the share is 4 of 4 (100%).
    late = absent_on(*[(w, 0) for w in range(4)])
    late |= {on(0, 4): ("partial", 0.5), on(1, 4): ("tardy",)}
    assert evaluate(record(late), [rule()], CONTEXT) == []
    [flag] = evaluate(record(late), [rule(min_absences=4)], CONTEXT)
    assert flag.reason.startswith("4 of 4 absences on Monday (100%);")


def test_exactly_the_share_fires_and_just_under_does_not():
    # 2 Mondays of 5 absences = 40% exactly: fires.
    two_mondays = absent_on((0, 0), (1, 0), (0, 1), (1, 2), (2, 3))
    [flag] = evaluate(record(two_mondays), [rule()], CONTEXT)
    assert flag.reason.startswith("2 of 5 absences on Monday (40%);")

    # Add a Friday: Monday 2 of 6 = 33.3%, every other weekday 1 of 6: no flag.
    six = two_mondays | absent_on((2, 4))
    assert evaluate(record(six), [rule()], CONTEXT) == []


def test_two_weekdays_tied_are_named_in_one_flag():
    # Monday 4, Friday 4, Wednesday 2 = 10 absences; both 4 of 10 = 40%.
    tied = absent_on(*[(w, 0) for w in range(4)], *[(w, 4) for w in range(4)])
    tied |= absent_on((0, 2), (1, 2))
    [flag] = evaluate(record(tied), [rule()], CONTEXT)

    assert flag.value == 0.4
    assert flag.reason == (
        "4 of 10 absences on Monday (40%), 4 on Friday (40%); "
        "rule: at least 40% on one weekday, at least 5 absences"
    )


def test_watched_weekdays_only():
    # Monday 3, Friday 2 of 5: watching Friday alone, 2 of 5 = 40% fires for
    # Friday; watching Tuesday and Thursday (0 each) does not fire.
    absences = absent_on((0, 0), (1, 0), (2, 0), (0, 4), (1, 4))
    [flag] = evaluate(record(absences), [rule(weekdays=["friday"])], CONTEXT)
    assert flag.reason == (
        "2 of 5 absences on Friday (40%); "
        "rule: at least 40% on Friday, at least 5 absences"
    )
    watch = rule(weekdays=["tuesday", "thursday"])
    assert evaluate(record(absences), [watch], CONTEXT) == []
