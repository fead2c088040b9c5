"""Progress-monitoring arithmetic: aim lines, trend lines and the 4-point rule.

Formulas follow the progress-monitoring literature (aim line from baseline to
goal; ordinary least squares slope per week; the 4-point rule of the IRIS
Center and NCII). Everything is pure: dates in, numbers and sentences out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MIN_POINTS_FOR_RULE = 6
"""The 4-point rule is applied once there are this many points after baseline."""
MIN_WEEKS_FOR_RULE = 6


@dataclass(frozen=True)
class Point:
    on: date
    value: float


@dataclass(frozen=True)
class AimLine:
    """The straight line from the baseline point to the goal point."""

    start: date
    baseline: float
    goal_date: date
    goal: float

    @property
    def slope_per_week(self) -> float:
        """The expected rate of improvement, in units per week."""
        weeks = weeks_between(self.start, self.goal_date)
        return (self.goal - self.baseline) / weeks if weeks else 0.0

    def at(self, on: date) -> float:
        """aim(t) = b + (g - b)(t - t0)/(tg - t0)."""
        return self.baseline + self.slope_per_week * weeks_between(self.start, on)


@dataclass(frozen=True)
class RuleResult:
    """A decision-rule verdict and its reason, in numbers and in words."""

    rule: str
    verdict: str
    """One of: raise_goal, change_intervention, continue, insufficient_data."""
    reason: str


def weeks_between(start: date, end: date) -> float:
    return (end - start).days / 7


def ols_slope(points: list[Point]) -> float | None:
    """Least-squares slope per week: sum((x-mx)(y-my)) / sum((x-mx)^2)."""
    if len(points) < 2:
        return None
    origin = points[0].on
    xs = [weeks_between(origin, p.on) for p in points]
    ys = [p.value for p in points]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx


def ols_line(points: list[Point]) -> tuple[float, float] | None:
    """(value at the first point's date, slope per week) of the OLS trend."""
    slope = ols_slope(points)
    if slope is None:
        return None
    origin = points[0].on
    mean_x = sum(weeks_between(origin, p.on) for p in points) / len(points)
    mean_y = sum(p.value for p in points) / len(points)
    return mean_y - slope * mean_x, slope


def median(values) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def baseline_of(points: list[Point], start: date) -> float | None:
    """Median of the points before the start, or of the first three points."""
    before = [p.value for p in points if p.on < start]
    if before:
        return median(before[-3:])
    if points:
        return median(p.value for p in points[:3])
    return None


def side_of_aim(point: Point, aim: AimLine, higher_is_better: bool) -> int:
    """+1 on the good side of the aim line, -1 on the bad side, 0 on it."""
    gap = point.value - aim.at(point.on)
    if abs(gap) < 1e-9:
        return 0
    better = gap > 0 if higher_is_better else gap < 0
    return 1 if better else -1


def four_point_rule(
    points: list[Point], aim: AimLine, higher_is_better: bool = True
) -> RuleResult:
    """Judge the last four points against the aim line.

    All four on the good side: raise the goal. All four on the bad side: change
    the intervention. Mixed: continue. Points before the aim line starts are
    baseline and do not count; the rule needs six points over six weeks.
    """
    phase = [p for p in points if p.on >= aim.start]
    weeks = weeks_between(phase[0].on, phase[-1].on) if phase else 0.0
    if len(phase) < MIN_POINTS_FOR_RULE or weeks < MIN_WEEKS_FOR_RULE - 1e-9:
        return RuleResult(
            "four_point",
            "insufficient_data",
            f"insufficient data: {len(phase)} of {MIN_POINTS_FOR_RULE} points "
            f"over {weeks:.1f} of {MIN_WEEKS_FOR_RULE} weeks",
        )

    last = phase[-4:]
    sides = [side_of_aim(p, aim, higher_is_better) for p in last]
    below_word = "below" if higher_is_better else "above"
    above_word = "above" if higher_is_better else "below"
    bad = sides.count(-1)
    good = sides.count(1)
    if bad == 4:
        return RuleResult(
            "four_point",
            "change_intervention",
            f"4 of the last 4 points {below_word} the aim line: change the "
            "intervention",
        )
    if good == 4:
        return RuleResult(
            "four_point",
            "raise_goal",
            f"4 of the last 4 points {above_word} the aim line: raise the goal",
        )
    return RuleResult(
        "four_point",
        "continue",
        f"last 4 points mixed ({good} {above_word}, {bad} {below_word} the aim "
        "line): continue the intervention",
    )
