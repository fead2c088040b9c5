"""The analysis of one measure for one student: what the chart and rules show.

The series splits into phases at each intervention on the measure (start,
modify, intensify); the rules judge the current phase against its own aim
line. Goals come from the intervention, else from the end-of-year benchmark of
a norm pack, else from a weekly growth norm, else from the student's own
baseline slope (IRIS Center's three goal-setting options).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from mtss_tui.domain import goals, rules
from mtss_tui.domain.norms import Norms
from mtss_tui.domain.progress import AimLine, Point, baseline_of, median, weeks_between
from mtss_tui.domain.records import Intervention, Measure, StudentRecord
from mtss_tui.domain.trend import ols_line, tukey_line

LOW_CONFIDENCE_POINTS = 8
LOW_CONFIDENCE_WEEKS = 6
DEFAULT_GOAL_WEEKS = 18
"""Without a goal date, a goal is set this many weeks after the start."""


@dataclass
class Phase:
    start: str
    name: str
    tier: int
    points: int


@dataclass
class MeasureAnalysis:
    measure: str
    title: str
    unit: str
    higher_is_better: bool
    points: list[dict]
    """[{date, value}], oldest first, up to the day of the analysis."""
    phases: list[Phase]
    baseline: float | None
    goal: float | None
    goal_date: str | None
    goal_source: str
    aim_slope_per_week: float | None
    ols_slope_per_week: float | None
    tukey_slope_per_week: float | None
    ols_start: float | None
    """The OLS line's value at the first point of the current phase."""
    roi: dict
    """{typical, target, attained} per week; None where there is no norm."""
    gap: float | None
    gap_significant: bool
    roi_needed: float | None
    roi_needed_reasonable: bool | None
    weeks_to_goal: float | None
    rules: list[dict] = field(default_factory=list)
    """[{rule, verdict, reason}] in the order the rules were applied."""
    low_confidence: bool = True
    norms_used: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def verdict(self) -> str:
        """The 4-point rule's verdict, the one the card leads with."""
        return self.rules[0]["verdict"] if self.rules else "insufficient_data"


def season_of(on: date) -> str:
    if on.month in (8, 9, 10, 11):
        return "fall"
    if on.month in (12, 1, 2):
        return "winter"
    return "spring"


def analyse(
    student: StudentRecord, measure: Measure, norms: Norms, as_of: date
) -> MeasureAnalysis:
    points = [
        Point(s.on, s.value)
        for s in student.scores_of(measure.measure)
        if s.on <= as_of
    ]
    plans = sorted(
        (
            i
            for i in student.interventions
            if i.measure == measure.measure and i.start <= as_of
        ),
        key=lambda i: i.start,
    )
    current = plans[-1] if plans else None
    phase = [p for p in points if current is None or p.on >= current.start]
    phases = [
        Phase(
            i.start.isoformat(),
            i.name,
            i.tier,
            sum(
                1
                for p in points
                if p.on >= i.start
                and (n + 1 == len(plans) or p.on < plans[n + 1].start)
            ),
        )
        for n, i in enumerate(plans)
    ]

    start = current.start if current else (points[0].on if points else as_of)
    baseline = (
        current.baseline
        if current and current.baseline is not None
        else baseline_of(points, start)
    )
    goal, goal_date, source, used = _goal(
        student, measure, norms, current, start, baseline, points
    )
    aim = (
        AimLine(start, baseline, goal_date, goal)
        if None not in (baseline, goal, goal_date) and goal_date > start
        else None
    )

    ols = ols_line(phase) if len(phase) >= 2 else None
    tukey = tukey_line(phase) if len(phase) >= 3 else None
    current_level = median(p.value for p in phase[-3:]) if phase else None
    roi, gap, bench_used = _norm_figures(
        student, measure, norms, as_of, baseline, current_level, ols
    )
    used += bench_used
    needed = reasonable = None
    if aim is not None and current_level is not None:
        needed = goals.roi_needed(goal, current_level, weeks_between(as_of, goal_date))
        if needed is not None and roi["typical"]:
            reasonable = goals.is_reasonable(needed, roi["typical"])
    to_goal = (
        goals.weeks_to_goal(goal, current_level, ols[1] if ols else None)
        if goal is not None and current_level is not None
        else None
    )

    weeks = weeks_between(phase[0].on, phase[-1].on) if phase else 0.0
    return MeasureAnalysis(
        measure=measure.measure,
        title=measure.title or measure.measure,
        unit=measure.unit,
        higher_is_better=measure.higher_is_better,
        points=[{"date": p.on.isoformat(), "value": p.value} for p in points],
        phases=phases,
        baseline=baseline,
        goal=goal,
        goal_date=goal_date.isoformat() if goal_date else None,
        goal_source=source,
        aim_slope_per_week=aim.slope_per_week if aim else None,
        ols_slope_per_week=ols[1] if ols else None,
        tukey_slope_per_week=tukey[1] if tukey else None,
        ols_start=ols[0] if ols else None,
        roi=roi,
        gap=gap.ratio if gap else None,
        gap_significant=bool(gap and gap.significant),
        roi_needed=needed,
        roi_needed_reasonable=reasonable,
        weeks_to_goal=to_goal,
        rules=_rules(points, phase, aim, measure, goal),
        low_confidence=len(phase) < LOW_CONFIDENCE_POINTS
        or weeks < LOW_CONFIDENCE_WEEKS,
        norms_used=list(dict.fromkeys(used)),
    )


def _goal(
    student, measure, norms, current: Intervention | None, start, baseline, points
):
    """(goal, goal date, where it came from, norm packs used)."""
    if current and current.goal_value is not None and current.goal_date:
        return current.goal_value, current.goal_date, "intervention", []
    if baseline is None:
        return None, None, "none", []
    pack = norms.benchmarks(measure.measure)
    spring = pack.median(student.grade, "spring") if pack else None
    if spring is not None and measure.higher_is_better and spring > baseline:
        # The end-of-year benchmark: the spring 50th percentile, by June 1.
        year = start.year + (1 if start.month >= 7 else 0)
        goal_date = (
            current.goal_date if current and current.goal_date else date(year, 6, 1)
        )
        return spring, goal_date, f"end-of-year benchmark ({pack.name})", [pack.name]
    goal_date = (
        current.goal_date
        if current and current.goal_date
        else start + timedelta(weeks=DEFAULT_GOAL_WEEKS)
    )
    weeks = weeks_between(start, goal_date)
    growth = norms.growth(student.grade, measure.measure)
    if growth is not None and measure.higher_is_better:
        rate, pack = growth
        goal = goals.goal_from_growth(baseline, rate, weeks)
        return goal, goal_date, f"growth norm {rate:g}/week ({pack.name})", [pack.name]
    before = [p for p in points if p.on < start]
    slope = ols_line(before)[1] if len(before) >= 3 and ols_line(before) else None
    improving = slope is not None and (
        slope > 0 if measure.higher_is_better else slope < 0
    )
    if improving:
        goal = goals.goal_from_own_slope(baseline, slope, weeks)
        if measure.higher_is_better or goal >= 0:
            return goal, goal_date, "1.5 x the baseline slope", []
    # A flat or falling baseline sets no goal of its own: the team sets one.
    return None, None, "none", []


def _norm_figures(student, measure, norms, as_of, baseline, current, ols):
    """ROI figures and the gap, from the measure's benchmark pack if there is one."""
    roi = {"typical": None, "target": None, "attained": ols[1] if ols else None}
    pack = norms.benchmarks(measure.measure)
    if pack is None:
        return roi, None, []
    fall = pack.median(student.grade, "fall")
    spring = pack.median(student.grade, "spring")
    if fall is not None and spring is not None:
        roi["typical"] = goals.typical_roi(fall, spring, pack.weeks)
        if baseline is not None:
            roi["target"] = goals.target_roi(spring, baseline, pack.weeks)
    benchmark = pack.median(student.grade, season_of(as_of))
    gap = None
    if benchmark is not None and current:
        gap = (
            goals.Gap(benchmark, current)
            if measure.higher_is_better
            else goals.Gap(current, benchmark)
        )
    return roi, gap, [pack.name]


def _rules(points, phase, aim, measure: Measure, goal) -> list[dict]:
    higher = measure.higher_is_better
    if aim is None:
        reason = "no goal: the aim line and the rules need a baseline and a goal"
        return [
            {"rule": "four_point", "verdict": "insufficient_data", "reason": reason}
        ]
    results = [
        rules.four_point_rule(points, aim, higher),
        rules.trend_line_rule(points, aim, higher),
        rules.median_of_last_three_rule(points, aim, higher),
    ]
    if measure.kind == "rating" and goal is not None:
        results.append(rules.days_below_goal_rule(phase, rules.DailyGoal(goal), higher))
    return [asdict(r) for r in results]
