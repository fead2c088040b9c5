"""Flag rules: which students a team should look at, and why, in numbers.

Each rule is configuration (see `config/flags.toml`); this module only applies
it to a student's record. Every flag carries its value, its threshold and a
sentence a team can read aloud.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, ClassVar, Literal

from annotated_types import Ge, Gt, Le, Lt

from mtss_tui.domain.attendance import WEEKDAYS, attendance_pattern
from mtss_tui.domain.progress import AimLine, Point, side_of_aim
from mtss_tui.domain.protocol import STRICT
from mtss_tui.domain.records import Flag, Measure, StudentRecord


@dataclass(frozen=True)
class AttendanceRateRule:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    """The rule's name, as shown in the queue and stored with each flag."""
    kind: Literal["attendance_rate"]
    threshold: Annotated[float, Gt(0), Lt(1)]
    """Share of enrolled days missed at or above which the rule fires."""
    min_days: int = 10
    """Too few enrolled days make a rate meaningless; below this, no flag."""
    weight: Annotated[float, Ge(0), Le(100)] = 1.0
    """How much this flag adds to a student's urgency in the queue."""


@dataclass(frozen=True)
class IncidentCountRule:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    kind: Literal["incident_count"]
    min_count: Annotated[int, Ge(1)]
    window_school_days: Annotated[int, Ge(1)]
    severities: list[str] = field(default_factory=list)
    """Count only these severities; empty counts every incident."""
    weight: Annotated[float, Ge(0), Le(100)] = 1.0


@dataclass(frozen=True)
class ScreeningCutRule:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    kind: Literal["screening_cut"]
    measures: list[str] = field(default_factory=list)
    """Screening measures to check; empty checks every measure with a cut score."""
    weight: Annotated[float, Ge(0), Le(100)] = 1.0


@dataclass(frozen=True)
class BelowAimRule:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    kind: Literal["below_aim"]
    points: Annotated[int, Ge(1)] = 4
    weight: Annotated[float, Ge(0), Le(100)] = 1.0


Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday"]


@dataclass(frozen=True)
class WeekdayPatternRule:
    """Absences piling up on one weekday: a habit a plan can aim at."""

    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    kind: Literal["weekday_pattern"]
    min_share: Annotated[float, Gt(0), Le(1)] = 0.40
    """Share of all whole-day absences on one weekday at or above which it fires."""
    min_absences: Annotated[int, Ge(1)] = 8
    """With few absences, chance alone often puts 40% on one day; below this,
    no flag."""
    weekdays: list[Weekday] = field(default_factory=list)
    """Weekdays to watch; empty watches all five."""
    weight: Annotated[float, Ge(0), Le(100)] = 1.0


FlagRule = (
    AttendanceRateRule
    | IncidentCountRule
    | ScreeningCutRule
    | BelowAimRule
    | WeekdayPatternRule
)

RULE_KINDS: dict[str, type] = {
    "attendance_rate": AttendanceRateRule,
    "incident_count": IncidentCountRule,
    "screening_cut": ScreeningCutRule,
    "below_aim": BelowAimRule,
    "weekday_pattern": WeekdayPatternRule,
}
"""Each rule's `kind` and the record that holds its settings."""


@dataclass(frozen=True)
class CutScore:
    """A screening cut score for one measure, grade and screening window."""

    __pydantic_config__: ClassVar[dict] = STRICT

    measure: str
    grade: str
    window: str
    cut: float


Month = Annotated[int, Ge(1), Le(12)]


@dataclass(frozen=True)
class ScreeningWindows:
    """Months that belong to each screening window (1 = January)."""

    __pydantic_config__: ClassVar[dict] = STRICT

    fall: list[Month] = field(default_factory=lambda: [7, 8, 9, 10, 11])
    winter: list[Month] = field(default_factory=lambda: [12, 1, 2])
    spring: list[Month] = field(default_factory=lambda: [3, 4, 5, 6])

    def window_of(self, on: date) -> str | None:
        for name in ("fall", "winter", "spring"):
            if on.month in getattr(self, name):
                return name
        return None


@dataclass(frozen=True)
class CutScores:
    """The cut scores file: windows by month, a cut per measure, grade, window."""

    __pydantic_config__: ClassVar[dict] = STRICT

    citation: str
    windows: ScreeningWindows = field(default_factory=ScreeningWindows)
    cut: list[CutScore] = field(default_factory=list)


@dataclass(frozen=True)
class FlagContext:
    """What every rule needs beyond the student: calendar, measures, cut scores."""

    as_of: date
    school_days: list[date]
    """The school's calendar up to `as_of`, oldest first."""
    measures: dict[str, Measure]
    cuts: list[CutScore] = field(default_factory=list)
    windows: ScreeningWindows = field(default_factory=ScreeningWindows)
    norms: object = None
    """The norm packs, for aims set from norms when a plan has no goal."""

    def cut_for(self, measure: str, grade: str, window: str) -> CutScore | None:
        return find_cut(self.cuts, measure, grade, window)


def find_cut(
    cuts: list[CutScore], measure: str, grade: str, window: str | None
) -> CutScore | None:
    """The first cut for the grade, else one for every grade (grade `*`)."""
    for wanted in (grade, "*"):
        for cut in cuts:
            if (cut.measure, cut.grade, cut.window) == (measure, wanted, window):
                return cut
    return None


def evaluate(
    student: StudentRecord, rules: list[FlagRule], context: FlagContext
) -> list[Flag]:
    """Every flag the rules raise for one student, in rule order."""
    flags: list[Flag] = []
    for rule in rules:
        flags.extend(_APPLY[rule.kind](student, rule, context))
    return flags


def urgency(flags: list[Flag]) -> float:
    """Sum of the weights of a student's flags: the queue puts the largest first."""
    return sum(flag.weight for flag in flags)


def _attendance_rate(student, rule: AttendanceRateRule, context) -> list[Flag]:
    days = [d for d in student.attendance if d.on <= context.as_of]
    if len(days) < rule.min_days:
        return []

    missed = sum(d.missed for d in days)
    rate = missed / len(days)
    if rate < rule.threshold:
        return []

    reason = (
        f"absent {missed:g} of {len(days)} days, {rate:.1%}; "
        f"threshold {rule.threshold:.0%}"
    )
    return [
        Flag(
            student.student_id,
            "attendance",
            rule.id,
            rate,
            rule.threshold,
            reason,
            rule.weight,
        )
    ]


def _weekday_pattern(student, rule: WeekdayPatternRule, context) -> list[Flag]:
    """One flag naming every watched weekday at or above the share, largest first.

    Ties (Monday and Friday both at 40%) are named together, in weekday order,
    so a two-day habit reads as one finding rather than two flags.
    """
    pattern = attendance_pattern(student.attendance, context.as_of)
    total = pattern.absences
    if total < rule.min_absences:
        return []

    watched = [WEEKDAYS.index(w) for w in rule.weekdays] or range(5)
    hits = sorted(
        (d for d in watched if pattern.share(d) >= rule.min_share),
        key=lambda d: (-pattern.absences_by_weekday[d], d),
    )
    if not hits:
        return []

    first, *rest = hits
    counts = pattern.absences_by_weekday
    found = f"{counts[first]} of {total} absences on {WEEKDAYS[first].title()} "
    found += f"({pattern.share(first):.0%})"
    for day in rest:
        found += (
            f", {counts[day]} on {WEEKDAYS[day].title()} ({pattern.share(day):.0%})"
        )
    names = [w.title() for w in rule.weekdays]
    where = (
        "one weekday"
        if not names
        else " or ".join(filter(None, [", ".join(names[:-1]), names[-1]]))
    )
    reason = (
        f"{found}; rule: at least {rule.min_share:.0%} on {where}, "
        f"at least {rule.min_absences} absences"
    )
    return [
        Flag(
            student.student_id,
            "attendance",
            rule.id,
            pattern.share(first),
            rule.min_share,
            reason,
            rule.weight,
        )
    ]


def _incident_count(student, rule: IncidentCountRule, context) -> list[Flag]:
    window = context.school_days[-rule.window_school_days :]
    if not window:
        return []

    first = window[0]
    counted = [
        i
        for i in student.incidents
        if first <= i.on <= context.as_of
        and (not rule.severities or i.severity in rule.severities)
    ]
    if len(counted) < rule.min_count:
        return []

    reason = (
        f"{len(counted)} incidents in the last {len(window)} school days "
        f"(since {first.isoformat()}); threshold {rule.min_count}"
    )
    return [
        Flag(
            student.student_id,
            "behavior",
            rule.id,
            len(counted),
            rule.min_count,
            reason,
            rule.weight,
        )
    ]


def _screening_cut(student, rule: ScreeningCutRule, context) -> list[Flag]:
    flags = []
    for code, measure in context.measures.items():
        if measure.kind != "screening" or (rule.measures and code not in rule.measures):
            continue

        scores = [s for s in student.scores_of(code) if s.on <= context.as_of]
        if not scores:
            continue

        latest = scores[-1]
        window = context.windows.window_of(latest.on)
        cut = context.cut_for(code, student.grade, window) if window else None
        if cut is None:
            continue

        if measure.higher_is_better:
            fired, side = latest.value < cut.cut, "below"
        else:
            fired, side = latest.value >= cut.cut, "at or above"
        if not fired:
            continue

        reason = (
            f"{code} {latest.value:g} {measure.unit} on {latest.on.isoformat()} "
            f"({window}); {side} the cut score {cut.cut:g}"
        )
        flags.append(
            Flag(
                student.student_id,
                measure.domain,
                rule.id,
                latest.value,
                cut.cut,
                reason,
                rule.weight,
            )
        )
    return flags


def _below_aim(student, rule: BelowAimRule, context) -> list[Flag]:
    """The same aim line as the card's chart: the current plan's phase and goal."""
    from mtss_tui.domain.analysis import analyse
    from mtss_tui.domain.norms import Norms

    flags = []
    codes = dict.fromkeys(
        i.measure for i in current_interventions(student, context.as_of)
    )
    for code in codes:
        measure = context.measures.get(code or "")
        if measure is None:
            continue
        analysis = analyse(student, measure, context.norms or Norms(), context.as_of)
        if analysis.aim_slope_per_week is None or not analysis.phases:
            continue
        aim = AimLine(
            date.fromisoformat(analysis.phases[-1].start),
            analysis.baseline,
            date.fromisoformat(analysis.goal_date),
            analysis.goal,
        )

        points = [
            Point(s.on, s.value)
            for s in student.scores_of(measure.measure)
            if aim.start <= s.on <= context.as_of
        ]
        last = points[-rule.points :]
        if len(last) < rule.points:
            continue

        bad = [p for p in last if side_of_aim(p, aim, measure.higher_is_better) < 0]
        if len(bad) < rule.points:
            continue

        side = "below" if measure.higher_is_better else "above"
        reason = (
            f"last {rule.points} {measure.measure} points "
            f"({', '.join(f'{p.value:g}' for p in last)}) all {side} the aim line "
            f"({', '.join(f'{aim.at(p.on):.1f}' for p in last)})"
        )
        flags.append(
            Flag(
                student.student_id,
                measure.domain,
                rule.id,
                len(bad),
                rule.points,
                reason,
                rule.weight,
            )
        )
    return flags


def current_interventions(student: StudentRecord, as_of: date):
    """Interventions that had started by `as_of` and had not ended before it."""
    return [
        i
        for i in student.interventions
        if i.start <= as_of and (i.end is None or i.end >= as_of)
    ]


_APPLY = {
    "attendance_rate": _attendance_rate,
    "incident_count": _incident_count,
    "screening_cut": _screening_cut,
    "below_aim": _below_aim,
    "weekday_pattern": _weekday_pattern,
}
