"""What each chart on the card shows, as data: one design for every domain.

A chart is a set of series with a role each (scores, aim, trend, rate,
count, cut, threshold) and vertical markers (phase changes, intervention
starts). The role fixes how a series is drawn and named in the legend, so
the same line means the same thing on every chart; the widget only draws.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from mtss_tui.domain.analysis import MeasureAnalysis
from mtss_tui.domain.flags import CutScore, ScreeningWindows, find_cut
from mtss_tui.domain.records import Measure, StudentRecord

ATTENDANCE_LINE = 90.0
"""Attendance below 90% of days is chronic absence (missing 10% or more)."""


@dataclass
class Series:
    label: str
    role: str
    """scores, aim, trend, goal, rate, count, cut or threshold."""
    dates: list[str]
    values: list[float]


@dataclass
class Marker:
    date: str
    label: str


@dataclass
class ChartSpec:
    key: str
    title: str
    unit: str
    series: list[Series]
    markers: list[Marker] = field(default_factory=list)
    note: str = ""
    """The sentence under the chart: the rule result, or what the lines mean."""
    low_confidence: bool = False

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The same numbers as rows a screen reader can read: one row a date.

        Lines given by their two ends (aim, trend, goal, thresholds) are read
        off at every date, as the chart draws them.
        """
        headers = ["date"] + [s.label for s in self.series]
        dates = sorted({d for s in self.series for d in s.dates})
        rows = []
        for day in dates:
            row = [day]
            for series in self.series:
                value = _value_at(series, day)
                row.append("" if value is None else f"{round(value, 2):g}")
            rows.append(row)
        for marker in sorted(self.markers, key=lambda m: m.date):
            rows.append(
                [marker.date, f"start: {marker.label}"] + [""] * (len(self.series) - 1)
            )
        rows.sort(key=lambda r: r[0])
        return headers, rows


LINES = ("aim", "trend", "goal", "threshold")


def _value_at(series: Series, day: str) -> float | None:
    values = dict(zip(series.dates, series.values, strict=True))
    if day in values:
        return values[day]
    if series.role not in LINES or len(series.dates) != 2:
        return None
    (d0, d1), (v0, v1) = series.dates, series.values
    if not d0 <= day <= d1:
        return None
    span = (date.fromisoformat(d1) - date.fromisoformat(d0)).days
    part = (date.fromisoformat(day) - date.fromisoformat(d0)).days
    return v0 + (v1 - v0) * part / span if span else v0


def progress_chart(analysis: MeasureAnalysis) -> ChartSpec:
    """Scores with the aim line (baseline to goal), the OLS trend and phase lines."""
    dates = [p["date"] for p in analysis.points]
    values = [p["value"] for p in analysis.points]
    series = [Series(analysis.measure, "scores", dates, values)]
    current = analysis.phases[-1] if analysis.phases else None
    if analysis.aim_slope_per_week is not None and current and dates:
        start = date.fromisoformat(current.start)
        end = date.fromisoformat(dates[-1])
        weeks = (end - start).days / 7
        series.append(
            Series(
                "aim line",
                "aim",
                [start.isoformat(), end.isoformat()],
                [
                    analysis.baseline,
                    analysis.baseline + analysis.aim_slope_per_week * weeks,
                ],
            )
        )
    phase_dates = [
        p["date"] for p in analysis.points if current and p["date"] >= current.start
    ]
    if analysis.ols_slope_per_week is not None and len(phase_dates) >= 2:
        first, last = (
            date.fromisoformat(phase_dates[0]),
            date.fromisoformat(phase_dates[-1]),
        )
        weeks = (last - first).days / 7
        series.append(
            Series(
                "trend (OLS)",
                "trend",
                [phase_dates[0], phase_dates[-1]],
                [
                    analysis.ols_start,
                    analysis.ols_start + analysis.ols_slope_per_week * weeks,
                ],
            )
        )
    if analysis.goal is not None and dates:
        series.append(
            Series(
                f"goal {analysis.goal:g} by {analysis.goal_date}",
                "goal",
                [dates[0], dates[-1]],
                [analysis.goal, analysis.goal],
            )
        )
    lead = analysis.rules[0]["reason"] if analysis.rules else ""
    return ChartSpec(
        key=f"progress:{analysis.measure}",
        title=f"{analysis.measure} progress",
        unit=analysis.unit,
        series=series,
        markers=[Marker(p.start, p.name) for p in analysis.phases],
        note=lead,
        low_confidence=analysis.low_confidence,
    )


def attendance_chart(student: StudentRecord, as_of: date) -> ChartSpec:
    """Attendance rate by month against the 90% line."""
    by_month = attendance_by_month(student, as_of)
    dates = [f"{m}-15" for m, _, _ in by_month]  # each month drawn at its middle
    rates = [round(100 * (1 - missed / days), 1) for _, days, missed in by_month]
    series = [Series("attendance %", "rate", dates, rates)]
    if dates:
        series.append(
            Series(
                "90% line",
                "threshold",
                [dates[0], dates[-1]],
                [ATTENDANCE_LINE, ATTENDANCE_LINE],
            )
        )
    below = sum(1 for r in rates if r < ATTENDANCE_LINE)
    return ChartSpec(
        key="attendance",
        title="Attendance by month",
        unit="% of days",
        series=series,
        note=f"{below} of {len(rates)} months below 90% attendance",
    )


def incidents_chart(student: StudentRecord, as_of: date) -> ChartSpec:
    """Incidents per school week, with a line where each behaviour plan started."""
    weeks: Counter[date] = Counter()
    school_weeks = sorted({_monday(d.on) for d in student.attendance if d.on <= as_of})
    for incident in student.incidents:
        if incident.on <= as_of:
            weeks[_monday(incident.on)] += 1
    series = [
        Series(
            "incidents a week",
            "count",
            [w.isoformat() for w in school_weeks],
            [float(weeks.get(w, 0)) for w in school_weeks],
        )
    ]
    plans = [
        i for i in student.interventions if i.domain == "behavior" and i.start <= as_of
    ]
    total = sum(weeks.values())
    return ChartSpec(
        key="incidents",
        title="Incidents by week",
        unit="incidents",
        series=series,
        markers=[Marker(i.start.isoformat(), i.name) for i in plans],
        note=f"{total} incidents in {len(school_weeks)} school weeks",
    )


def screening_chart(
    student: StudentRecord,
    measure: Measure,
    cuts: list[CutScore],
    windows: ScreeningWindows,
    as_of: date,
) -> ChartSpec:
    """Screening scores over time against the cut score of each window."""
    scores = [s for s in student.scores_of(measure.measure) if s.on <= as_of]
    series = [
        Series(
            measure.measure,
            "scores",
            [s.on.isoformat() for s in scores],
            [s.value for s in scores],
        )
    ]
    cut_dates, cut_values = [], []
    for score in scores:
        window = windows.window_of(score.on)
        cut = find_cut(cuts, measure.measure, student.grade, window)
        if cut is not None:
            cut_dates.append(score.on.isoformat())
            cut_values.append(cut.cut)
    if cut_dates:
        series.append(Series("cut score", "cut", cut_dates, cut_values))
    side = "below" if measure.higher_is_better else "at or above"
    flagged = sum(
        1
        for d, v in zip(series[0].dates, series[0].values, strict=True)
        if d in cut_dates
        and (
            v < cut_values[cut_dates.index(d)]
            if measure.higher_is_better
            else v >= cut_values[cut_dates.index(d)]
        )
    )
    return ChartSpec(
        key=f"screening:{measure.measure}",
        title=measure.title or measure.measure,
        unit=measure.unit,
        series=series,
        note=f"{flagged} of {len(scores)} screenings {side} the cut score",
    )


def attendance_by_month(student: StudentRecord, as_of: date) -> list[tuple]:
    """(YYYY-MM, school days, days missed) for each month up to `as_of`."""
    days: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for day in student.attendance:
        if day.on <= as_of:
            month = day.on.strftime("%Y-%m")
            days[month] += 1
            missed[month] += day.missed
    return [(m, days[m], missed[m]) for m in sorted(days)]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())
