"""Progress-monitoring series: dated points, the baseline and the aim line.

The aim line runs from the baseline point (t0, b) to the goal point (tg, g):
aim(t) = b + (g - b)(t - t0)/(tg - t0); its slope is the expected rate of
improvement. Everything is pure: dates in, numbers out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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


def weeks_between(start: date, end: date) -> float:
    return (end - start).days / 7


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
