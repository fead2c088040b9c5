"""`mtss progress`: the analysis behind a student's chart, as text or JSON."""

from __future__ import annotations

import json


def as_json(student_id: str, as_of: str, analyses) -> str:
    return (
        json.dumps(
            {
                "student_id": student_id,
                "as_of": as_of,
                "measures": [a.to_json() for a in analyses],
            },
            indent=2,
        )
        + "\n"
    )


def _rate(value) -> str:
    return "-" if value is None else f"{value:+.2f}/week"


def as_text(student_id: str, as_of: str, analyses) -> str:
    if not analyses:
        return f"{student_id}: no progress-monitoring scores as of {as_of}\n"
    out = []
    for a in analyses:
        better = "higher" if a.higher_is_better else "lower"
        out.append(
            f"{a.measure} ({a.unit}), {better} is better: {student_id}, as of {as_of}"
        )
        out.append(f"  points: {len(a.points)}")
        for phase in a.phases:
            out.append(
                f"  phase from {phase.start}: {phase.name}, tier {phase.tier}, "
                f"{phase.points} points"
            )
        goal = "-" if a.goal is None else f"{a.goal:.1f} by {a.goal_date}"
        baseline = "-" if a.baseline is None else f"{a.baseline:g}"
        out.append(f"  baseline {baseline}; goal {goal} ({a.goal_source})")
        out.append(
            f"  aim {_rate(a.aim_slope_per_week)}; trend OLS "
            f"{_rate(a.ols_slope_per_week)}, Tukey "
            f"{_rate(a.tukey_slope_per_week)}"
        )
        out.append(
            f"  ROI typical {_rate(a.roi['typical'])}, target "
            f"{_rate(a.roi['target'])}, attained {_rate(a.roi['attained'])}"
        )
        if a.gap is not None:
            verdict = "significant (over 2.0)" if a.gap_significant else "under 2.0"
            out.append(f"  gap {a.gap:.2f}: {verdict}")
        if a.roi_needed is not None:
            judged = {
                True: "reasonable",
                False: "more than twice typical",
                None: "no typical rate to judge by",
            }[a.roi_needed_reasonable]
            out.append(f"  ROI needed for the goal {_rate(a.roi_needed)}: {judged}")
        to_goal = (
            "not at the current rate"
            if a.weeks_to_goal is None
            else f"{a.weeks_to_goal:.1f}"
        )
        out.append(f"  weeks to goal: {to_goal}")
        if a.low_confidence:
            out.append("  low confidence: fewer than 8 points or 6 weeks in the phase")
        for rule in a.rules:
            out.append(f"  {rule['rule']}: {rule['verdict']}: {rule['reason']}")
        if a.norms_used:
            out.append(f"  norms: {', '.join(a.norms_used)}")
        out.append("")
    return "\n".join(out)
