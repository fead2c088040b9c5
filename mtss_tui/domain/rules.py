"""Decision rules: what the points of the current phase say the team should do.

Each rule returns a verdict from a fixed vocabulary and its reason in numbers.
The rules and their sources (DOMAIN.md section 2.3): the 4-point rule (IRIS
Center; NCII), the trend-line rule and the median of the last three points
(NCII, "Decision rules for academic progress monitoring data"), and for daily
behaviour ratings the days on the wrong side of the goal in the last N days.
Every rule works for goals where fewer is better (higher_is_better=False).
"""

from __future__ import annotations

from dataclasses import dataclass

from mtss_tui.domain.progress import AimLine, Point, median, side_of_aim, weeks_between

VERDICTS = ("raise_goal", "change_intervention", "continue", "insufficient_data")
"""Every verdict a rule can give, in the order a team would act on them."""

MIN_POINTS_FOR_RULE = 6
"""Rules judge a phase once it has this many points ..."""
MIN_WEEKS_FOR_RULE = 6
"""... spread over at least this many weeks."""
PARALLEL = 0.10
"""Trend and aim slopes within 10% of each other count as parallel."""


@dataclass(frozen=True)
class RuleResult:
    """A decision-rule verdict and its reason, in numbers and in words."""

    rule: str
    verdict: str
    """One of: raise_goal, change_intervention, continue, insufficient_data."""
    reason: str


def enough_data(phase: list[Point], rule: str) -> RuleResult | None:
    """An insufficient-data result when the phase is too short, else None."""
    weeks = weeks_between(phase[0].on, phase[-1].on) if phase else 0.0
    if len(phase) >= MIN_POINTS_FOR_RULE and weeks >= MIN_WEEKS_FOR_RULE - 1e-9:
        return None
    return RuleResult(
        rule,
        "insufficient_data",
        f"insufficient data: {len(phase)} of the {MIN_POINTS_FOR_RULE} points "
        f"needed, over {weeks:.1f} weeks (at least {MIN_WEEKS_FOR_RULE} needed)",
    )


def _words(higher_is_better: bool) -> tuple[str, str]:
    """(good side, bad side) of the aim line, in words."""
    return ("above", "below") if higher_is_better else ("below", "above")


def four_point_rule(
    points: list[Point], aim: AimLine, higher_is_better: bool = True
) -> RuleResult:
    """Judge the last four points against the aim line.

    All four on the good side: raise the goal. All four on the bad side: change
    the intervention. Mixed: continue. Points before the aim line starts are
    baseline and do not count; the rule needs six points over six weeks.
    """
    phase = [p for p in points if p.on >= aim.start]
    short = enough_data(phase, "four_point")
    if short is not None:
        return short

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


def trend_line_rule(
    points: list[Point], aim: AimLine, higher_is_better: bool = True
) -> RuleResult:
    """Compare the OLS trend of the phase with the aim line's slope.

    Flatter than the aim line (in the good direction): change the
    intervention. Steeper: raise the goal. Within 10%: continue.
    """
    from mtss_tui.domain.trend import ols_slope

    phase = [p for p in points if p.on >= aim.start]
    short = enough_data(phase, "trend_line")
    if short is not None:
        return short

    trend = ols_slope(phase) or 0.0
    sign = 1 if higher_is_better else -1
    gain, expected = trend * sign, aim.slope_per_week * sign
    numbers = f"trend {trend:+.2f}/week, aim {aim.slope_per_week:+.2f}/week"
    margin = abs(expected) * PARALLEL
    if gain < expected - margin:
        return RuleResult(
            "trend_line",
            "change_intervention",
            f"{numbers}: flatter than the aim line: change the intervention",
        )
    if gain > expected + margin:
        return RuleResult(
            "trend_line",
            "raise_goal",
            f"{numbers}: steeper than the aim line: raise the goal",
        )
    return RuleResult(
        "trend_line", "continue", f"{numbers}: parallel to the aim line: continue"
    )


def median_of_last_three_rule(
    points: list[Point], aim: AimLine, higher_is_better: bool = True
) -> RuleResult:
    """The median of the last three points against the aim line at the middle one.

    On the aim line or its good side: continue. On the bad side: change.
    """
    phase = [p for p in points if p.on >= aim.start]
    if len(phase) < 3:
        return RuleResult(
            "median_of_last_3",
            "insufficient_data",
            f"insufficient data: {len(phase)} of 3 points",
        )
    last = phase[-3:]
    value = median(p.value for p in last)
    target = aim.at(last[1].on)
    good, bad = _words(higher_is_better)
    on_bad_side = value < target if higher_is_better else value > target
    numbers = f"median of the last 3 points {value:g}, aim {target:.1f}"
    if on_bad_side:
        return RuleResult(
            "median_of_last_3",
            "change_intervention",
            f"{numbers}: {bad} the aim line: change the intervention",
        )
    return RuleResult(
        "median_of_last_3",
        "continue",
        f"{numbers}: on or {good} the aim line: continue",
    )


@dataclass(frozen=True)
class DailyGoal:
    """A daily behaviour goal: the rating to reach, judged over recent days."""

    goal: float
    days: int = 10
    """How many recent rated days the rule looks at."""
    most_below: int = 3
    """More days than this on the wrong side of the goal: change."""


def days_below_goal_rule(
    points: list[Point], daily: DailyGoal, higher_is_better: bool = True
) -> RuleResult:
    """Count the recent days on the wrong side of the goal (missed days skipped).

    None on the wrong side: raise the goal. More than `most_below`: change
    the intervention. Otherwise: continue.
    """
    last = points[-daily.days :]
    if len(last) < daily.days:
        return RuleResult(
            "days_below_goal",
            "insufficient_data",
            f"insufficient data: {len(last)} of {daily.days} rated days",
        )
    wrong = [
        p
        for p in last
        if (p.value < daily.goal if higher_is_better else p.value > daily.goal)
    ]
    side = "below" if higher_is_better else "above"
    numbers = (
        f"{len(wrong)} of the last {daily.days} days {side} the goal {daily.goal:g}"
    )
    if not wrong:
        return RuleResult("days_below_goal", "raise_goal", f"{numbers}: raise the goal")
    if len(wrong) > daily.most_below:
        return RuleResult(
            "days_below_goal",
            "change_intervention",
            f"{numbers} (more than {daily.most_below}): change the intervention",
        )
    return RuleResult("days_below_goal", "continue", f"{numbers}: continue")
