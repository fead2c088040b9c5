"""Each flag rule on cases worked out by hand."""

from dataclasses import replace
from datetime import date, timedelta

from mtss_tui.domain.flags import (
    AttendanceRateRule,
    BelowAimRule,
    CutScore,
    FlagContext,
    IncidentCountRule,
    ScreeningCutRule,
    evaluate,
)
from mtss_tui.domain.records import (
    AttendanceDay,
    Incident,
    Intervention,
    Measure,
    Score,
    StudentRecord,
)

FIRST = date(2026, 8, 3)
DAYS = [FIRST + timedelta(days=n) for n in range(88)]
MEASURES = {
    "orf": Measure("orf", "academics", "wcpm", "higher", "screening"),
    "srss": Measure("srss", "life_skills", "points", "lower", "screening"),
    "orf_pm": Measure("orf_pm", "academics", "wcpm", "higher", "progress"),
}
CUTS = [
    CutScore(measure="orf", grade="3", window="winter", cut=87),
    CutScore(measure="srss", grade="3", window="fall", cut=9),
]
CONTEXT = FlagContext(as_of=DAYS[-1], school_days=DAYS, measures=MEASURES, cuts=CUTS)


def student(**parts) -> StudentRecord:
    return StudentRecord("S1", "Test", "Student", "3", **parts)


def attendance(absent: int, partial: float | None = None) -> list[AttendanceDay]:
    days = [AttendanceDay(d, "present") for d in DAYS]
    for n in range(absent):
        days[n] = AttendanceDay(DAYS[n], "absent_unexcused")
    if partial is not None:
        days[-1] = AttendanceDay(DAYS[-1], "partial", partial)
    return days


def test_chronic_absence_the_example_of_the_issue():
    # 14 of 88 days = 0.15909..., shown as 15.9%.
    rule = AttendanceRateRule(
        id="chronic_absence", kind="attendance_rate", threshold=0.10
    )
    [flag] = evaluate(student(attendance=attendance(14)), [rule], CONTEXT)

    assert flag.reason == "absent 14 of 88 days, 15.9%; threshold 10%"
    assert flag.value == 14 / 88


def test_chronic_absence_counts_partial_days_and_stops_below_threshold():
    rule = AttendanceRateRule(
        id="chronic_absence", kind="attendance_rate", threshold=0.10
    )
    # 8 whole days + half a day = 8.5 / 88 = 9.66%: under 10%, no flag.
    assert evaluate(student(attendance=attendance(8, 0.5)), [rule], CONTEXT) == []
    # 9 whole days = 10.2%: flagged.
    [flag] = evaluate(student(attendance=attendance(9)), [rule], CONTEXT)
    assert flag.reason == "absent 9 of 88 days, 10.2%; threshold 10%"


def test_incidents_only_count_inside_the_last_30_school_days():
    rule = IncidentCountRule(
        id="recent_incidents", kind="incident_count", min_count=2, window_school_days=30
    )
    # The window starts at DAYS[58] (88 - 30).
    old = Incident("I1", DAYS[10], "defiance")
    edge = Incident("I2", DAYS[58], "disruption")
    late = Incident("I3", DAYS[87], "disruption")

    assert evaluate(student(incidents=[old, edge]), [rule], CONTEXT) == []
    [flag] = evaluate(student(incidents=[old, edge, late]), [rule], CONTEXT)
    assert flag.value == 2
    assert flag.reason.startswith("2 incidents in the last 30 school days")


def test_screening_below_cut_and_lower_is_better_measures():
    rule = ScreeningCutRule(id="screening_below_cut", kind="screening_cut")
    winter = date(2026, 12, 1)
    fall = date(2026, 9, 30)
    context = replace(CONTEXT, as_of=date(2026, 12, 3))

    at_cut = student(scores=[Score("orf", winter, 87), Score("srss", fall, 8)])
    below = student(scores=[Score("orf", winter, 86), Score("srss", fall, 9)])

    assert evaluate(at_cut, [rule], context) == []
    flags = evaluate(below, [rule], context)
    assert [(f.domain, f.value, f.threshold) for f in flags] == [
        ("academics", 86, 87),
        ("life_skills", 9, 9),
    ]
    assert "below the cut score 87" in flags[0].reason
    assert "at or above the cut score 9" in flags[1].reason


def test_last_four_progress_points_below_the_aim_line():
    rule = BelowAimRule(id="progress_below_aim", kind="below_aim", points=4)
    start = DAYS[20]
    # Aim from 40 to 64 over 16 weeks: 1.5 a week.
    plan = Intervention(
        "N1",
        "Phonics",
        "academics",
        2,
        start,
        measure="orf_pm",
        baseline=40,
        goal_value=64,
        goal_date=start + timedelta(weeks=16),
    )
    values = [40, 42, 41, 43, 44, 45, 46]  # aim at weeks 3-6: 44.5, 46, 47.5, 49
    scores = [
        Score("orf_pm", start + timedelta(weeks=n), v) for n, v in enumerate(values)
    ]
    context = replace(CONTEXT, as_of=start + timedelta(weeks=7))

    [flag] = evaluate(student(scores=scores, interventions=[plan]), [rule], context)
    assert flag.reason == (
        "last 4 orf_pm points (43, 44, 45, 46) all below the aim line "
        "(44.5, 46.0, 47.5, 49.0)"
    )

    scores[-1] = Score("orf_pm", scores[-1].on, 49.5)
    assert evaluate(student(scores=scores, interventions=[plan]), [rule], context) == []


def test_below_aim_uses_the_cards_aim_when_the_plan_has_no_goal(settings):
    """Regression: without a goal on the plan the card drew an aim from the norms
    while the flag saw none. Flat scores of 50 against the end-of-year benchmark
    (grade 3 spring 50th percentile, 112) fall below that aim."""
    rule = BelowAimRule(id="progress_below_aim", kind="below_aim", points=4)
    start = DAYS[20]
    plan = Intervention(
        "N1", "Phonics", "academics", 2, start, measure="orf_pm", baseline=50
    )
    scores = [Score("orf_pm", start + timedelta(weeks=n), 50) for n in range(8)]
    student_record = student(scores=scores, interventions=[plan])
    as_of = start + timedelta(weeks=8)

    with_norms = replace(CONTEXT, as_of=as_of, norms=settings.norms)
    [flag] = evaluate(student_record, [rule], with_norms)
    assert flag.reason.startswith("last 4 orf_pm points (50, 50, 50, 50) all below")
    assert evaluate(student_record, [rule], replace(CONTEXT, as_of=as_of)) == []
