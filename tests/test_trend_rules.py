"""OLS and Tukey slopes and the decision rules, on series worked out by hand."""

from datetime import date, timedelta

import pytest

from mtss_tui.domain.progress import AimLine, Point
from mtss_tui.domain.rules import (
    DailyGoal,
    days_below_goal_rule,
    median_of_last_three_rule,
    trend_line_rule,
)
from mtss_tui.domain.trend import ols_slope, thirds, tukey_slope

START = date(2026, 9, 7)
AIM = AimLine(START, 40, START + timedelta(weeks=16), 64)  # 1.5 a week


def at_weeks(pairs):
    return [Point(START + timedelta(weeks=w), v) for w, v in pairs]


def weekly(values):
    return at_weeks(enumerate(values))


def test_a_missed_week_counts_in_the_ols_slope():
    # y = 10 + week at weeks 0, 1, 2, 4, 5, 6: slope exactly 1 per week
    # (by point number it would be (16 - 10) / 5 = 1.2).
    points = at_weeks([(0, 10), (1, 11), (2, 12), (4, 14), (5, 15), (6, 16)])
    assert ols_slope(points) == pytest.approx(1.0)


def test_ols_with_ties_and_a_flat_series():
    # x 0..3, y 5, 5, 7, 7: deviations x -1.5, -0.5, 0.5, 1.5 and y -1, -1, 1, 1;
    # Sxy = 1.5 + 0.5 + 0.5 + 1.5 = 4; Sxx = 5: slope 0.8.
    assert ols_slope(weekly([5, 5, 7, 7])) == pytest.approx(0.8)
    assert ols_slope(weekly([9, 9, 9])) == pytest.approx(0.0)
    assert ols_slope(weekly([9])) is None


def test_tukey_sections():
    assert thirds(9) == (3, 3, 3)
    assert thirds(7) == (2, 3, 2)
    assert thirds(8) == (3, 2, 3)


@pytest.mark.parametrize(
    ("values", "slope"),
    [
        # 9 points: first third weeks 0-2 (median week 1, median 11), last third
        # weeks 6-8 (median week 7, median 17): (17 - 11) / (7 - 1) = 1.0.
        ([10, 12, 11, 13, 15, 14, 16, 18, 17], 1.0),
        # 8 points, 3 + 2 + 3: (1, 11) and (6, 16): 5 / 5 = 1.0.
        ([10, 12, 11, 13, 15, 14, 16, 18], 1.0),
        # 7 points, 2 + 3 + 2: (0.5, 11) and (5.5, 15): 4 / 5 = 0.8.
        ([10, 12, 11, 13, 15, 14, 16], 0.8),
        # Ties: first third 5, 5, 7 (median 5), last third 9, 9, 9: 4 / 6.
        ([5, 5, 7, 6, 8, 7, 9, 9, 9], 4 / 6),
    ],
)
def test_tukey_split_middle_slope(values, slope):
    assert tukey_slope(weekly(values)) == pytest.approx(slope)


def test_tukey_uses_real_weeks():
    # Weeks 0, 1, 2 | 3, 4, 5 | 10, 11, 12: (1, v) and (11, v): 10 weeks apart.
    points = at_weeks(
        [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (10, 11), (11, 12), (12, 13)]
    )
    assert tukey_slope(points) == pytest.approx((12 - 2) / (11 - 1))


@pytest.mark.parametrize(
    ("per_week", "verdict"),
    [(1.0, "change_intervention"), (1.45, "continue"), (2.0, "raise_goal")],
)
def test_trend_line_rule(per_week, verdict):
    # Aim 1.5 a week; within 10% (1.35 to 1.65) counts as parallel.
    points = weekly([40 + per_week * w for w in range(7)])
    result = trend_line_rule(points, AIM)
    assert result.verdict == verdict
    assert f"trend {per_week:+.2f}/week, aim +1.50/week" in result.reason


def test_trend_line_rule_for_fewer_is_better():
    aim = AimLine(START, 6, START + timedelta(weeks=10), 1)  # -0.5 a week
    slow = weekly([6 - 0.2 * w for w in range(7)])
    fast = weekly([6 - 0.8 * w for w in range(7)])
    assert trend_line_rule(slow, aim, higher_is_better=False).verdict == (
        "change_intervention"
    )
    assert trend_line_rule(fast, aim, higher_is_better=False).verdict == "raise_goal"


def test_median_of_the_last_three_points():
    # Last three at weeks 4-6: 45, 50, 44; median 45; aim at week 5 = 47.5.
    below = median_of_last_three_rule(weekly([40, 41, 43, 44, 45, 50, 44]), AIM)
    assert below.verdict == "change_intervention"
    assert below.reason.startswith("median of the last 3 points 45, aim 47.5")
    on_track = median_of_last_three_rule(weekly([40, 42, 43, 45, 48, 49, 51]), AIM)
    assert on_track.verdict == "continue"


def test_days_below_goal_for_daily_ratings():
    goal = DailyGoal(goal=3, days=10, most_below=3)
    days = [
        Point(START + timedelta(days=n), v)
        for n, v in enumerate([4, 2, 3, 4, 1, 3, 4, 2, 3, 1])
    ]  # 4 days under 3
    result = days_below_goal_rule(days, goal)
    assert result.verdict == "change_intervention"
    assert result.reason.startswith("4 of the last 10 days below the goal 3")

    # Disruptions (fewer is better): none above the goal of 2 in 10 days.
    calm = [Point(START + timedelta(days=n), v) for n, v in enumerate([1] * 10)]
    assert days_below_goal_rule(calm, DailyGoal(goal=2), False).verdict == (
        "raise_goal"
    )
    assert days_below_goal_rule(calm[:5], goal).verdict == "insufficient_data"
