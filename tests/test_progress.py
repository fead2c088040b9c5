"""Aim line, OLS slope and the 4-point rule against numbers worked out by hand."""

from datetime import date, timedelta

import pytest

from mtss_tui.domain.progress import AimLine, Point
from mtss_tui.domain.rules import four_point_rule
from mtss_tui.domain.trend import ols_slope

START = date(2026, 9, 7)


def weekly(values, start=START):
    return [Point(start + timedelta(weeks=n), v) for n, v in enumerate(values)]


def test_ols_slope_by_hand():
    # x = 0,1,2,3 weeks; y = 10,12,13,17; mean x 1.5, mean y 13.
    # Sxy = (-1.5)(-3) + (-0.5)(-1) + (0.5)(0) + (1.5)(4) = 11; Sxx = 5.
    assert ols_slope(weekly([10, 12, 13, 17])) == pytest.approx(11 / 5)


def test_ols_slope_uses_real_dates_not_point_numbers():
    # Points two weeks apart: 10 then 14 is 2 per week, not 4.
    points = [Point(START, 10), Point(START + timedelta(weeks=2), 14)]
    assert ols_slope(points) == pytest.approx(2.0)


def test_aim_line_from_baseline_to_goal():
    # Baseline 40 on 7 Sep, goal 64 sixteen weeks later: 24 / 16 = 1.5 per week.
    aim = AimLine(START, 40, START + timedelta(weeks=16), 64)

    assert aim.slope_per_week == pytest.approx(1.5)
    assert aim.at(START + timedelta(weeks=6)) == pytest.approx(49.0)


def test_four_points_below_the_aim_line_change_the_intervention():
    aim = AimLine(START, 40, START + timedelta(weeks=16), 64)
    # Aim at weeks 3-6: 44.5, 46, 47.5, 49; the scores are all lower.
    result = four_point_rule(weekly([40, 42, 41, 43, 44, 45, 46]), aim)

    assert result.verdict == "change_intervention"
    assert result.reason.startswith("4 of the last 4 points below the aim line")


def test_four_points_above_raise_the_goal_and_mixed_continue():
    aim = AimLine(START, 40, START + timedelta(weeks=16), 64)

    above = four_point_rule(weekly([40, 42, 44, 46, 48, 50, 52]), aim)
    mixed = four_point_rule(weekly([40, 42, 44, 46, 45, 50, 47]), aim)

    assert above.verdict == "raise_goal"
    assert mixed.verdict == "continue"
    assert "2 above, 2 below" in mixed.reason


def test_descending_goal_reverses_the_rule():
    # Disruptions: baseline 6 a day, goal 1 in 10 weeks (-0.5 a week).
    aim = AimLine(START, 6, START + timedelta(weeks=10), 1)
    # Aim at weeks 3-6: 4.5, 4, 3.5, 3; the counts stay higher: not improving.
    result = four_point_rule(weekly([6, 6, 5, 5, 5, 4, 4]), aim, higher_is_better=False)

    assert result.verdict == "change_intervention"
    assert "above the aim line" in result.reason


def test_too_few_points_say_so():
    aim = AimLine(START, 40, START + timedelta(weeks=16), 64)
    result = four_point_rule(weekly([40, 41, 42, 43]), aim)

    assert result.verdict == "insufficient_data"
    assert result.reason.startswith("insufficient data: 4 of the 6 points needed")
