"""Goals, ROI and gap analysis against the worked examples in DOMAIN.md section 2.

Sources: IRIS Center, "Setting goals" (Fuchs et al., 1993 growth norms);
Shapiro's ROI worksheet (sambuz.com "Rate of improvement", DIBELS 6 grade 2);
the gap-analysis worksheet (formsbank.com templates 54674 and 54675).
"""

import pytest

from mtss_tui.domain.goals import (
    Gap,
    goal_from_growth,
    goal_from_own_slope,
    is_reasonable,
    roi_needed,
    target_roi,
    typical_roi,
    weeks_to_goal,
)


def test_goal_from_weekly_growth_norm():
    # Grade 4 passage reading: 0.90 a week for 32 weeks from a baseline of 55.
    assert goal_from_growth(55, 0.90, 32) == pytest.approx(83.8)


def test_goal_from_the_students_own_slope():
    # Baseline 20 growing 0.5 a week: 1.5 x 0.5 x 10 weeks = 7.5 more.
    assert goal_from_own_slope(20, 0.5, 10) == pytest.approx(27.5)


def test_typical_target_and_attained_roi_of_the_worked_example():
    # DIBELS 6 grade 2: fall 44, spring 90, student starts at 20, 36 weeks.
    assert typical_roi(44, 90) == pytest.approx(46 / 36)  # 1.28, printed as 1.3
    assert target_roi(90, 20) == pytest.approx(70 / 36)  # 1.94, printed as 1.9
    assert round(typical_roi(44, 90), 1) == 1.3
    assert round(target_roi(90, 20), 1) == 1.9


def test_gap_analysis():
    # Benchmark 90 against 40: gap 2.25, significant; 90 against 60: 1.5, not.
    assert Gap(90, 40).ratio == pytest.approx(2.25)
    assert Gap(90, 40).significant
    assert not Gap(90, 60).significant
    assert Gap(90, 0).ratio is None


def test_roi_needed_is_judged_against_twice_typical():
    # From 50 to the benchmark 90 in 20 weeks: 2.0 a week.
    needed = roi_needed(90, 50, 20)
    assert needed == pytest.approx(2.0)
    assert is_reasonable(needed, typical=1.28)  # at most 2.56
    assert not is_reasonable(needed, typical=0.9)  # at most 1.8
    assert roi_needed(90, 50, 0) is None


def test_weeks_to_goal():
    assert weeks_to_goal(78, 48, 0.88) == pytest.approx(30 / 0.88)
    assert weeks_to_goal(78, 48, -0.5) is None  # moving away from the goal
    assert weeks_to_goal(1, 5, -0.5) == pytest.approx(8)  # fewer is better
