"""Goals and rates of improvement: where a student should get to, and how fast.

Formulas from DOMAIN.md section 2 (IRIS Center after Fuchs et al.; Shapiro's
rate-of-improvement and gap analysis as taught by PaTTAN):

- goal from a weekly growth norm: baseline + growth per week x weeks;
- goal from the student's own baseline slope: baseline + slope x 1.5 x weeks;
- typical ROI = (spring benchmark - fall benchmark) / weeks;
- target ROI = (spring benchmark - the student's start) / weeks;
- gap = benchmark / performance, significant above 2.0;
- ROI needed = (benchmark - current) / weeks left, reasonable up to 2x typical;
- weeks to goal = (goal - current) / current ROI.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHOOL_YEAR_WEEKS = 36
"""The instructional weeks of a school year in Shapiro's ROI arithmetic."""
SIGNIFICANT_GAP = 2.0
REASONABLE_FACTOR = 2.0
OWN_SLOPE_FACTOR = 1.5
"""Intra-individual goals: 1.5 times the student's own baseline slope."""


def goal_from_growth(baseline: float, per_week: float, weeks: float) -> float:
    return baseline + per_week * weeks


def goal_from_own_slope(baseline: float, baseline_slope: float, weeks: float) -> float:
    return baseline + baseline_slope * OWN_SLOPE_FACTOR * weeks


def typical_roi(fall: float, spring: float, weeks: float = SCHOOL_YEAR_WEEKS) -> float:
    return (spring - fall) / weeks


def target_roi(spring: float, start: float, weeks: float = SCHOOL_YEAR_WEEKS) -> float:
    return (spring - start) / weeks


@dataclass(frozen=True)
class Gap:
    benchmark: float
    performance: float

    @property
    def ratio(self) -> float | None:
        """benchmark / performance (a lower-is-better measure turns it round)."""
        if self.performance == 0:
            return None
        return self.benchmark / self.performance

    @property
    def significant(self) -> bool:
        return self.ratio is not None and self.ratio > SIGNIFICANT_GAP


def roi_needed(benchmark: float, current: float, weeks_left: float) -> float | None:
    if weeks_left <= 0:
        return None
    return (benchmark - current) / weeks_left


def is_reasonable(needed: float, typical: float) -> bool:
    """A needed rate is reasonable at most twice the typical peers' rate."""
    return abs(needed) <= REASONABLE_FACTOR * abs(typical)


def weeks_to_goal(goal: float, current: float, roi: float | None) -> float | None:
    """Weeks left at the current rate; None when the rate leads away from the goal."""
    if roi is None:
        return None
    distance = goal - current
    if distance == 0:
        return 0.0
    if roi == 0 or (distance > 0) != (roi > 0):
        return None
    return distance / roi
