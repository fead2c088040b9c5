"""The student card: four domains side by side, a progress chart, a rule result.

The card is computed once from a student's record and is what a decision's
snapshot stores, so a later review shows the figures the team was looking at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from mtss_tui.domain.flags import aim_line_of, current_interventions
from mtss_tui.domain.progress import Point
from mtss_tui.domain.records import DOMAINS, Flag, Measure, StudentRecord
from mtss_tui.domain.rules import four_point_rule
from mtss_tui.domain.trend import ols_line


@dataclass
class DomainPanel:
    domain: str
    lines: list[str]
    """Latest figures, one short line each."""
    flags: list[str]
    """Reasons of the flags raised in this domain."""


@dataclass
class ProgressChart:
    """What the chart draws: scores, aim line, trend line, intervention starts."""

    measure: str
    title: str
    unit: str
    higher_is_better: bool
    dates: list[str]
    values: list[float]
    aim: tuple[str, float, str, float] | None
    """(start date, baseline, goal date, goal)."""
    trend: tuple[str, float, str, float] | None
    """The OLS line from the first to the last point of the current phase."""
    trend_slope_per_week: float | None
    aim_slope_per_week: float | None
    phase_starts: list[tuple[str, str]]
    """(date, intervention name) where each intervention started."""
    rule: str
    verdict: str


@dataclass
class StudentCard:
    student_id: str
    grade: str
    as_of: str
    panels: list[DomainPanel]
    chart: ProgressChart | None
    attendance_by_month: list[tuple[str, int, float]]
    """(YYYY-MM, school days, days missed)."""
    incidents_by_month: list[tuple[str, int]]
    flags: list[dict] = field(default_factory=list)

    def snapshot(self) -> dict:
        """JSON-ready figures, stored with each decision."""
        return asdict(self)


def build_card(
    student: StudentRecord,
    measures: dict[str, Measure],
    flags: list[Flag],
    as_of: date,
) -> StudentCard:
    panels = [
        DomainPanel(
            domain,
            _lines(domain, student, measures, as_of),
            [f.reason for f in flags if f.domain == domain],
        )
        for domain in DOMAINS
    ]
    return StudentCard(
        student.student_id,
        student.grade,
        as_of.isoformat(),
        panels,
        progress_chart(student, measures, as_of),
        _attendance_by_month(student, as_of),
        _incidents_by_month(student, as_of),
        [asdict(f) for f in flags],
    )


def progress_chart(
    student: StudentRecord, measures: dict[str, Measure], as_of: date
) -> ProgressChart | None:
    """The chart of the student's current (else latest) monitored intervention."""
    monitored = [i for i in student.interventions if i.measure in measures]
    if not monitored:
        return None
    current = [i for i in current_interventions(student, as_of) if i in monitored]
    intervention = (current or monitored)[-1]
    measure = measures[intervention.measure]

    same_measure = [i for i in monitored if i.measure == measure.measure]
    scores = [s for s in student.scores_of(measure.measure) if s.on <= as_of]
    aim = aim_line_of(intervention)
    phase = [Point(s.on, s.value) for s in scores if s.on >= intervention.start]
    trend = ols_line(phase) if len(phase) >= 2 else None

    if aim is not None:
        result = four_point_rule(
            [Point(s.on, s.value) for s in scores], aim, measure.higher_is_better
        )
        rule, verdict = result.reason, result.verdict
    else:
        rule, verdict = "no goal set: the aim line and rules need a goal", "no_goal"

    trend_line = None
    if trend is not None:
        start_value, slope = trend
        weeks = (phase[-1].on - phase[0].on).days / 7
        trend_line = (
            phase[0].on.isoformat(),
            start_value,
            phase[-1].on.isoformat(),
            start_value + slope * weeks,
        )

    return ProgressChart(
        measure=measure.measure,
        title=measure.title or measure.measure,
        unit=measure.unit,
        higher_is_better=measure.higher_is_better,
        dates=[s.on.isoformat() for s in scores],
        values=[s.value for s in scores],
        aim=(aim.start.isoformat(), aim.baseline, aim.goal_date.isoformat(), aim.goal)
        if aim
        else None,
        trend=trend_line,
        trend_slope_per_week=trend[1] if trend else None,
        aim_slope_per_week=aim.slope_per_week if aim else None,
        phase_starts=[(i.start.isoformat(), i.name) for i in same_measure],
        rule=rule,
        verdict=verdict,
    )


def _lines(domain, student, measures, as_of) -> list[str]:
    if domain == "attendance":
        return _attendance_lines(student, as_of)
    lines = _incident_lines(student, as_of) if domain == "behavior" else []
    for code, measure in measures.items():
        if measure.domain != domain:
            continue
        scores = [s for s in student.scores_of(code) if s.on <= as_of]
        if scores:
            latest = scores[-1]
            lines.append(f"{code}: {latest.value:g} {measure.unit} ({latest.on:%b %d})")
    for i in current_interventions(student, as_of):
        if i.domain == domain:
            lines.append(f"Tier {i.tier}: {i.name} since {i.start:%b %d}")
    return lines or ["no data"]


def _attendance_lines(student, as_of) -> list[str]:
    days = [d for d in student.attendance if d.on <= as_of]
    if not days:
        return ["no attendance recorded"]
    missed = sum(d.missed for d in days)
    tardy = sum(1 for d in days if d.status == "tardy")
    recent = days[-20:]
    recent_missed = sum(d.missed for d in recent)
    return [
        f"rate {1 - missed / len(days):.1%} ({missed:g} of {len(days)} days missed)",
        f"last {len(recent)} days: {recent_missed:g} missed",
        f"tardies: {tardy}",
    ]


def _incident_lines(student, as_of) -> list[str]:
    incidents = [i for i in student.incidents if i.on <= as_of]
    if not incidents:
        return ["no incidents"]
    majors = sum(1 for i in incidents if i.severity == "major")
    latest = incidents[-1]
    return [
        f"incidents: {len(incidents)} ({majors} major)",
        f"latest {latest.on:%b %d}: {latest.type}, {latest.location}",
    ]


def _attendance_by_month(student, as_of) -> list[tuple[str, int, float]]:
    days: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for d in student.attendance:
        if d.on <= as_of:
            month = d.on.strftime("%Y-%m")
            days[month] += 1
            missed[month] += d.missed
    return [(m, days[m], missed[m]) for m in sorted(days)]


def _incidents_by_month(student, as_of) -> list[tuple[str, int]]:
    months = Counter(i.on.strftime("%Y-%m") for i in student.incidents if i.on <= as_of)
    school_months = sorted({d.on.strftime("%Y-%m") for d in student.attendance})
    return [(m, months.get(m, 0)) for m in school_months or sorted(months)]
