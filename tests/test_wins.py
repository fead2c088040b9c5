"""Wins since the last meeting, from records worked out by hand."""

from datetime import date, timedelta

from mtss_tui.domain.records import (
    AttendanceDay,
    Intervention,
    Measure,
    Score,
    StudentRecord,
)
from mtss_tui.domain.wins import Decision, DoneItem, WinWindow, find_wins

LAST_MEETING = date(2026, 11, 13)
WINDOW = WinWindow(LAST_MEETING, date(2026, 12, 3))
MEASURES = {
    "pm": Measure("pm", "academics", "wcpm", "higher"),
    "dis": Measure("dis", "behavior", "per_day", "lower"),
    "scr": Measure("scr", "academics", "wcpm", "higher", kind="screening"),
}


def cut_of(measure, grade, day):
    """50 in the fall (to November), 60 from December."""
    return 50 if day.month < 12 else 60


def plan(pid, measure, goal, start=date(2026, 9, 1), end=None):
    return Intervention(
        pid, f"plan {pid}", "academics", 2, start, end, measure, 0, goal
    )


def days(first: date, count: int, absent: int) -> list[AttendanceDay]:
    """`count` days from `first`, the first `absent` of them missed."""
    return [
        AttendanceDay(
            first + timedelta(days=n), "absent_excused" if n < absent else "present"
        )
        for n in range(count)
    ]


def test_each_kind_of_win_and_what_is_not_one():
    s1 = StudentRecord("S1", "A", "B", "3")
    s1.interventions = [plan("N1", "pm", 65)]
    s1.scores = [
        Score("pm", date(2026, 11, 10), 60),
        Score("pm", date(2026, 12, 1), 68),  # 68 >= 65, since the meeting: a win
        Score("scr", date(2026, 8, 12), 45),  # under the fall cut 50
        Score("scr", date(2026, 12, 1), 61),  # at or over the winter cut 60: a win
    ]
    s2 = StudentRecord("S2", "C", "D", "3")
    s2.interventions = [
        plan("N2", "dis", 1.0),
        plan("N3", "pm", 90, end=date(2026, 11, 30)),  # ended, exit decided: a win
    ]
    s2.scores = [
        Score("dis", date(2026, 11, 20), 1.0),  # lower is better, 1.0 <= 1.0: a win
        Score("scr", date(2026, 8, 12), 55),  # already over the cut: no crossing
        Score("scr", date(2026, 12, 1), 70),
    ]
    s3 = StudentRecord("S3", "E", "F", "3")
    s3.interventions = [
        plan("N4", "pm", 40, end=date(2026, 11, 30)),  # ended, no decision: none
        plan("N5", "dis", 2.0),
    ]
    s3.scores = [Score("dis", date(2026, 11, 10), 1.0)]  # at goal, but before
    # 10 days to the meeting, 2 missed: 8/10 = 80.0%; then 10 present:
    # 18/20 = 90.0%, back at the 90% line.
    s3.attendance = days(date(2026, 11, 4), 10, 2) + days(date(2026, 11, 14), 10, 0)
    decisions = [
        Decision("S2", "exit", date(2026, 11, 13)),
        Decision("S3", "continue", date(2026, 11, 13)),
    ]
    items = [
        DoneItem(1, None, "Book the room", "Ada", date(2026, 11, 13)),
        DoneItem(2, "S1", "Call home", "Bo", date(2026, 10, 1), date(2026, 12, 4)),
        DoneItem(3, "S2", "Old task", "Cy", date(2026, 10, 1), date(2026, 11, 1)),
    ]

    wins = find_wins([s3, s2, s1], MEASURES, WINDOW, cut_of, 0.90, decisions, items)

    assert [w.text for w in wins] == [
        "S1 pm 68 on 2026-12-01, goal 65 met",
        "S2 dis 1 on 2026-11-20, goal 1 met",
        "S1 scr 61 on 2026-12-01, cut 60 reached (was 45 on 2026-08-12, cut 50)",
        "S2 plan N3 ended 2026-11-30 (exit decided 2026-11-13)",
        "team: Book the room (Ada) done since 2026-11-13",
        "S1: Call home (Bo) closed 2026-12-04",
        "S3 attendance 90.0% (was 80.0% on 2026-11-13)",
    ]
    assert [w.kind for w in wins][:2] == ["goal_met", "goal_met"]


def test_attendance_under_the_line_now_is_no_win():
    student = StudentRecord("S4", "G", "H", "2")
    # 10 days, 2 missed (80.0%); then 5 present: 13/15 = 86.7%, still under.
    student.attendance = days(date(2026, 11, 4), 10, 2) + days(date(2026, 11, 14), 5, 0)
    assert find_wins([student], MEASURES, WINDOW, cut_of, 0.90) == []
