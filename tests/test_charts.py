"""Charts drawn from the analysis: the lines are where the numbers put them.

The real series is case01 of Grosche (2011), a reading-accuracy study with a
baseline phase A and an intervention phase B, from the scan R package (GPL >= 3;
`mt` is the day of measurement), kept in tests/fixtures with its provenance.
"""

import csv
import re
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from mtss_tui.domain.analysis import analyse
from mtss_tui.domain.charts import attendance_chart, incidents_chart, progress_chart
from mtss_tui.domain.norms import Norms
from mtss_tui.domain.records import (
    AttendanceDay,
    Incident,
    Intervention,
    Measure,
    Score,
    StudentRecord,
)
from mtss_tui.tui.widgets.chart import table_text
from mtss_tui.tui.widgets.plot import draw

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "grosche2011_case01.csv"
DAY0 = date(2026, 9, 7)
READING = Measure("accuracy", "academics", "words", "higher", "progress", "Accuracy")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def grosche_case01() -> tuple[StudentRecord, date]:
    rows = [r for r in csv.DictReader(FIXTURE.open()) if r["case"] == "case01"]
    scores = [
        Score("accuracy", DAY0 + timedelta(days=int(r["mt"])), float(r["values"]))
        for r in rows
    ]
    b_start = DAY0 + timedelta(
        days=min(int(r["mt"]) for r in rows if r["phase"] == "B")
    )
    plan = Intervention(
        "N1",
        "Direct instruction",
        "academics",
        3,
        b_start,
        measure="accuracy",
        goal_value=6.0,
        goal_date=b_start + timedelta(weeks=12),
    )
    return StudentRecord(
        "C01", "Case", "One", "3", scores=scores, interventions=[plan]
    ), b_start


def test_the_b_phase_of_a_published_series():
    student, b_start = grosche_case01()
    analysis = analyse(student, READING, Norms(), DAY0 + timedelta(days=100))

    b = [s for s in student.scores if s.on >= b_start]
    a = [s for s in student.scores if s.on < b_start]
    assert [p.points for p in analysis.phases] == [len(b)] == [13]
    # Baseline: median of the last three A points (3.23, 3.06, 2.83).
    assert analysis.baseline == statistics.median([3.23, 3.06, 2.83]) == 3.06
    assert len(a) == 6
    # The OLS slope of phase B, against the standard library's regression.
    weeks = [(s.on - b[0].on).days / 7 for s in b]
    expected = statistics.linear_regression(weeks, [s.value for s in b]).slope
    assert analysis.ols_slope_per_week == pytest.approx(expected)
    assert expected == pytest.approx(0.3086, abs=1e-4)
    # Aim: 3.06 to 6.0 in 12 weeks = 0.245 a week. The B trend, 0.309 a week, is
    # more than 10% steeper (over 0.2695): the trend-line rule raises the goal.
    assert analysis.aim_slope_per_week == pytest.approx((6.0 - 3.06) / 12)
    verdicts = {r["rule"]: r["verdict"] for r in analysis.rules}
    assert verdicts["trend_line"] == "raise_goal"
    assert not analysis.low_confidence  # 13 points over 7.7 weeks

    chart = progress_chart(analysis)
    roles = [s.role for s in chart.series]
    assert roles == ["scores", "aim", "trend", "goal"]
    assert chart.series[3].values == [6.0, 6.0]
    assert [m.date for m in chart.markers] == [b_start.isoformat()]
    aim = chart.series[1]
    assert aim.dates[0] == b_start.isoformat() and aim.values[0] == 3.06


def test_drawn_chart_has_each_line_and_a_phase_line():
    student, b_start = grosche_case01()
    chart = progress_chart(
        analyse(student, READING, Norms(), DAY0 + timedelta(days=100))
    )
    text = ANSI.sub("", draw(chart, 70, 16))

    assert "●" in text and "═" in text and "·" in text and "┄" in text
    # The phase line: a vertical bar in the same column on most plot rows.
    columns = [line.find("│", 6) for line in text.splitlines()[1:-3]]
    assert sum(1 for c in columns if c > 6) >= 8


def test_ascii_mode_draws_plain_ascii_with_distinct_glyphs():
    student, _ = grosche_case01()
    chart = progress_chart(
        analyse(student, READING, Norms(), DAY0 + timedelta(days=100))
    )
    text = ANSI.sub("", draw(chart, 70, 16, ascii_only=True))

    assert text.isascii()
    assert all(glyph in text for glyph in "o=~_|")


def test_the_table_holds_the_same_numbers_as_the_chart():
    student, b_start = grosche_case01()
    chart = progress_chart(
        analyse(student, READING, Norms(), DAY0 + timedelta(days=100))
    )
    headers, rows = chart.table()
    assert headers[:2] == ["date", "accuracy"]
    scores = {r[0]: r[1] for r in rows if r[1] and not r[1].startswith("start")}
    assert scores[(DAY0 + timedelta(days=92)).isoformat()] == "4.42"
    assert [r[0] for r in rows if r[1].startswith("start")] == [b_start.isoformat()]
    assert "4.42" in table_text(chart).plain


def test_attendance_by_month_against_the_90_percent_line():
    days = [
        DAY0 + timedelta(days=n)
        for n in range(0, 60)
        if (DAY0 + timedelta(days=n)).weekday() < 5
    ]
    absent = {days[0], days[1], days[2]}  # three days in September
    student = StudentRecord(
        "S1",
        "A",
        "B",
        "3",
        attendance=[
            AttendanceDay(d, "absent_unexcused" if d in absent else "present")
            for d in days
        ],
    )
    chart = attendance_chart(student, days[-1])

    rates = dict(zip(chart.series[0].dates, chart.series[0].values, strict=True))
    september = sum(1 for d in days if d.month == 9)
    assert rates["2026-09-15"] == round(100 * (1 - 3 / september), 1)
    assert chart.series[1].role == "threshold" and chart.series[1].values == [90, 90]


def test_incidents_by_week_with_the_plan_line():
    days = [
        DAY0 + timedelta(days=n)
        for n in range(21)
        if (DAY0 + timedelta(days=n)).weekday() < 5
    ]
    incidents = [
        Incident("I1", DAY0, "defiance"),
        Incident("I2", DAY0 + timedelta(days=1), "defiance"),
        Incident("I3", DAY0 + timedelta(days=15), "defiance"),
    ]
    plan = Intervention(
        "N1", "Check-in/check-out", "behavior", 2, DAY0 + timedelta(days=7)
    )
    student = StudentRecord(
        "S1",
        "A",
        "B",
        "3",
        attendance=[AttendanceDay(d, "present") for d in days],
        incidents=incidents,
        interventions=[plan],
    )
    chart = incidents_chart(student, days[-1])

    assert chart.series[0].values == [2.0, 0.0, 1.0]
    assert [m.date for m in chart.markers] == [plan.start.isoformat()]


def test_goal_sources_in_order_of_preference(settings):
    """Without a goal on the plan: the end-of-year benchmark (Hasbrouck & Tindal
    2017, grade 3 spring 50th percentile: 112), else a growth norm (Fuchs et al.
    1993, grade 3 passage reading: 1.0 a week), else none."""
    start = date(2026, 9, 14)
    orf = Measure("orf_pm", "academics", "wcpm", "higher", "progress")
    scores = [Score("orf_pm", start + timedelta(weeks=w), 50 + w) for w in range(8)]
    plan = Intervention(
        "N1", "Repeated reading", "academics", 2, start, measure="orf_pm", baseline=50
    )
    student = StudentRecord("S1", "A", "B", "3", scores=scores, interventions=[plan])
    as_of = start + timedelta(weeks=8)

    full = analyse(student, orf, settings.norms, as_of)
    assert (full.goal, full.goal_date) == (112.0, "2027-06-01")
    assert full.goal_source == "end-of-year benchmark (hasbrouck_tindal_2017)"

    growth_only = Norms([p for p in settings.norms.packs if p.kind == "weekly_growth"])
    grown = analyse(student, orf, growth_only, as_of)
    # 50 + 1.0 x 18 weeks (the default horizon without a goal date).
    assert grown.goal == pytest.approx(68.0)
    assert analyse(student, orf, Norms(), as_of).goal is None


def test_dates_over_more_than_a_school_year_carry_their_year():
    from mtss_tui.tui.widgets.plot import _date_ticks

    # MAP terms: spring 2013 to spring 2014 (the same month, a year apart).
    dates = ["2013-03-18", "2013-09-16", "2014-01-13", "2014-03-17"]
    xs = [0, 182, 301, 364]
    assert [label for _, label in _date_ticks(xs, dates, 120)] == [
        "Mar 2013",
        "Sep 2013",
        "Jan 2014",
        "Mar 2014",
    ]
    # Within a year, day and month as before.
    assert _date_ticks([0, 30], ["2026-09-01", "2026-10-01"], 120)[0][1] == "Sep 01"
