"""The screening meeting's group assignment: results by risk, then one plan
given to several students at once, each as their own intervention row."""

from __future__ import annotations

from dataclasses import dataclass

from mtss_tui.domain.dates import DateProblem, parse_day
from mtss_tui.domain.screening import (
    GroupPlan,
    PlanProblem,
    ScreeningRow,
    screening_rows,
)
from mtss_tui.services.entries import MeetingError
from mtss_tui.store import queries
from mtss_tui.store.groups import (
    group_of,
    groups_of_meeting,
    latest_score,
    measure_exists,
    next_group_no,
)

__all__ = ["assign_group", "group_of", "groups_of_meeting", "screening_results"]


@dataclass
class Screening:
    """The grade's results on one screening measure, and the measures to pick."""

    measure: str
    measures: list[str]
    rows: list[ScreeningRow]


def screening_measures(school) -> list[str]:
    return [code for code, m in school.measures.items() if m.kind == "screening"]


def screening_results(school, team: str, measure: str | None = None) -> Screening:
    """The team's students on a screening measure (the first, unless named)."""
    codes = screening_measures(school)
    if not codes:
        return Screening("", [], [])
    code = measure if measure in codes else codes[0]
    ids = queries.team_student_ids(school.db, team)
    records = list(school.records(ids).values())
    rows = screening_rows(
        records,
        school.measures[code],
        school.context.cuts,
        school.context.windows,
        school.as_of,
    )
    return Screening(code, codes, rows)


def assign_group(session, student_ids: list[str], plan: GroupPlan) -> list[str]:
    """Give every student marked the same intervention, all or none; returns
    the new intervention ids, one per student."""
    session._open_for_entries()
    if not student_ids:
        raise MeetingError("mark the students of the group first (space)")
    try:
        plan.check()
        goal_date = parse_day(plan.goal_date, "goal date", session.today())
    except (PlanProblem, DateProblem) as problem:
        raise MeetingError(str(problem)) from None
    db = session.db
    if not measure_exists(db, plan.measure):
        raise MeetingError(f"unknown measure {plan.measure!r}")

    unknown = set(student_ids) - set(queries.student_names(db, student_ids))
    if unknown:
        raise MeetingError(f"no student {sorted(unknown)[0]!r}")

    group_no = next_group_no(db, session.meeting_id)
    made = []
    with db.atomic():
        for student_id in student_ids:
            baseline = latest_score(db, student_id, plan.measure)
            intervention_id = f"{session.meeting_id}-G{group_no}-{student_id}"
            session.recorder.insert(
                "interventions",
                {
                    "intervention_id": intervention_id,
                    "student_id": student_id,
                    "name": plan.name.strip(),
                    "domain": plan.domain,
                    "tier": plan.tier,
                    "start_date": session.today().isoformat(),
                    "measure": plan.measure,
                    "baseline": baseline,
                    "goal_value": plan.goal_for(baseline),
                    "goal_date": goal_date,
                    "interventionist": plan.interventionist.strip(),
                    "frequency": plan.frequency.strip(),
                    "minutes": plan.minutes,
                },
                session.meeting_id,
            )
            session.recorder.insert(
                "group_assignments",
                {
                    "intervention_id": intervention_id,
                    "meeting_id": session.meeting_id,
                    "group_no": group_no,
                    "student_id": student_id,
                },
                session.meeting_id,
            )
            made.append(intervention_id)
    return made
