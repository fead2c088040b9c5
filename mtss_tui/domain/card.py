"""The student card: four domains side by side, a progress chart, a rule result.

The card is computed once from a student's record and is what a decision's
snapshot stores, so a later review shows the figures the team was looking at.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from mtss_tui.domain.analysis import analyse
from mtss_tui.domain.attendance import (
    SHORT,
    AttendancePattern,
    attendance_pattern,
    by_period,
    weekday_counts,
)
from mtss_tui.domain.charts import (
    ChartSpec,
    attendance_by_month,
    attendance_chart,
    incidents_chart,
    progress_chart,
    screening_chart,
)
from mtss_tui.domain.flags import CutScore, ScreeningWindows, current_interventions
from mtss_tui.domain.norms import Norms
from mtss_tui.domain.records import DOMAINS, Flag, Measure, StudentRecord


@dataclass
class DomainPanel:
    domain: str
    lines: list[str]
    """Latest figures, one short line each."""
    flags: list[str]
    """Reasons of the flags raised in this domain."""


@dataclass
class StudentCard:
    student_id: str
    grade: str
    as_of: str
    panels: list[DomainPanel]
    charts: list[ChartSpec]
    """Progress charts first (the current plan's measure leading), then
    attendance, incidents and each screening measure."""
    progress: list[dict]
    """The analysis of each monitored measure (see `mtss progress`)."""
    attendance_by_month: list[tuple[str, int, float]]
    """(YYYY-MM, school days, days missed)."""
    incidents_by_month: list[tuple[str, int]]
    flags: list[dict] = field(default_factory=list)
    attendance_pattern: dict = field(default_factory=dict)
    """Absences, tardies and partial days by weekday (Monday first) and the
    figures of each month (see `domain.attendance`)."""

    def snapshot(self) -> dict:
        """JSON-ready figures, stored with each decision."""
        return asdict(self)


def build_card(
    student: StudentRecord,
    measures: dict[str, Measure],
    flags: list[Flag],
    as_of: date,
    norms: Norms | None = None,
    cuts: list[CutScore] | None = None,
    windows: ScreeningWindows | None = None,
) -> StudentCard:
    pattern = attendance_pattern(student.attendance, as_of)
    panels = [
        DomainPanel(
            domain,
            _lines(domain, student, measures, as_of, pattern),
            [f.reason for f in flags if f.domain == domain],
        )
        for domain in DOMAINS
    ]
    analyses = [
        analyse(student, measures[code], norms or Norms(), as_of)
        for code in _monitored(student, measures, as_of)
    ]
    charts = [progress_chart(a) for a in analyses]
    if student.attendance:  # no daily records: no chart of empty months
        charts.append(attendance_chart(student, as_of))
    charts.append(incidents_chart(student, as_of))
    charts += [
        screening_chart(student, m, cuts or [], windows or ScreeningWindows(), as_of)
        for m in measures.values()
        if m.kind == "screening" and student.scores_of(m.measure)
    ]
    # A chart with nothing to show (no incident all year) goes last, so `c`
    # reaches the ones that say something first.
    charts.sort(key=lambda c: not any(v for s in c.series for v in s.values))
    return StudentCard(
        student.student_id,
        student.grade,
        as_of.isoformat(),
        panels,
        charts,
        [a.to_json() for a in analyses],
        attendance_by_month(student, as_of),
        _incidents_by_month(student, as_of),
        [asdict(f) for f in flags],
        asdict(pattern),
    )


def _monitored(student, measures, as_of) -> list[str]:
    """Monitored measures, the one of the current (else latest) plan first."""
    plans = sorted(
        (
            i
            for i in student.interventions
            if i.measure in measures and i.start <= as_of
        ),
        key=lambda i: (i in current_interventions(student, as_of), i.start),
    )
    ordered = []
    for plan in reversed(plans):
        if plan.measure not in ordered:
            ordered.append(plan.measure)
    for code, measure in measures.items():
        if (
            measure.kind in ("progress", "rating")
            and code not in ordered
            and student.scores_of(code)
        ):
            ordered.append(code)
    return ordered


def _lines(domain, student, measures, as_of, pattern) -> list[str]:
    if domain == "attendance" and student.attendance:
        return _attendance_lines(student, as_of, pattern)
    # Without daily attendance (an export with a yearly count, say), the
    # domain's measures speak for it, as in the other domains.
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
    if domain == "attendance" and not lines:
        return ["no attendance recorded"]
    return lines or ["no data"]


def _attendance_lines(student, as_of, pattern: AttendancePattern) -> list[str]:
    days = [d for d in student.attendance if d.on <= as_of]
    if not days:
        return ["no attendance recorded"]
    missed = sum(d.missed for d in days)
    recent = days[-20:]
    recent_missed = sum(d.missed for d in recent)
    tardies = pattern.tardies_by_weekday
    on_days = ", ".join(f"{SHORT[i]} {n}" for i, n in enumerate(tardies) if n)
    # The weekday counts get a line of their own, so a narrow panel wraps
    # between days rather than inside one.
    by_weekday = (
        [
            f"absent {pattern.absences} whole days:",
            weekday_counts(pattern.absences_by_weekday),
        ]
        if pattern.absences
        else ["no whole-day absences"]
    )
    return [
        f"rate {1 - missed / len(days):.1%} ({missed:g} of {len(days)} days missed)",
        *by_weekday,
        f"last {len(recent)} days: {recent_missed:g} missed",
        f"tardies: {sum(tardies)}" + (f" ({on_days})" if on_days else ""),
        *_period_lines(student, as_of),
    ]


def _period_lines(student, as_of) -> list[str]:
    """Class-period tardies, only for students whose data has periods."""
    counts = by_period(student.periods, "tardy", as_of)
    if not counts:
        return []
    total = sum(n for _, n in counts)
    shown = ", ".join(f"{period} {n}" for period, n in counts[:4])
    more = ", ..." if len(counts) > 4 else ""
    return [f"tardy to class {total}:", shown + more]


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


def _incidents_by_month(student, as_of) -> list[tuple[str, int]]:
    months = Counter(i.on.strftime("%Y-%m") for i in student.incidents if i.on <= as_of)
    school_months = sorted({d.on.strftime("%Y-%m") for d in student.attendance})
    return [(m, months.get(m, 0)) for m in school_months or sorted(months)]
