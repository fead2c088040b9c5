"""Screening rows by risk, for measures where higher or lower is better."""

from datetime import date

from mtss_tui.domain.flags import CutScore, ScreeningWindows
from mtss_tui.domain.records import Measure, Score, StudentRecord
from mtss_tui.domain.screening import grade_status, screening_rows

WINTER = date(2026, 12, 1)


def student(student_id, value, measure="orf", grade="3"):
    scores = [] if value is None else [Score(measure, WINTER, value)]
    return StudentRecord(student_id, "Given", student_id, grade, scores=scores)


def rows_for(measure, cut, values):
    records = [student(s, v, measure.measure) for s, v in values.items()]
    cuts = [CutScore(measure.measure, "3", "winter", cut)]
    return screening_rows(records, measure, cuts, ScreeningWindows(), WINTER)


def test_higher_is_better_puts_the_furthest_below_first():
    orf = Measure("orf", "academics", "wcpm", "higher", "screening")
    rows = rows_for(orf, 87, {"A": 90, "B": 51, "C": None, "D": 86, "E": 87})

    assert [(r.student_id, r.risk) for r in rows] == [
        ("B", "below"),  # 51 - 87 = -36
        ("D", "below"),  # 86 - 87 = -1
        ("E", "at"),  # 87 - 87 = 0: at the cut meets it
        ("A", "at"),  # 90 - 87 = +3
        ("C", "unknown"),  # no score
    ]
    status = grade_status(rows)
    # 2 of the 4 with a score meet the cut: 2 / 4 = 50%, under the 80% goal.
    assert (status.at_or_above, status.judged, status.share) == (2, 4, 0.5)
    assert status.core_met is False


def test_lower_is_better_puts_the_highest_score_first():
    srss = Measure("srss", "life_skills", "points", "lower", "screening")
    rows = rows_for(srss, 9, {"A": 2, "B": 9, "C": 14})

    # At or above 9 is high risk; 14 is 5 past the cut, 9 is on it.
    assert [(r.student_id, r.risk) for r in rows] == [
        ("C", "below"),
        ("B", "below"),
        ("A", "at"),
    ]
    assert grade_status(rows).share == 1 / 3
