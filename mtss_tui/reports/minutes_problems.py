"""The minutes' TIPS problem sections: problems reviewed, and problems defined.

A problem prints as the TIPS form lays it out: the precise statement, the
goal and timeline, each solution action with its category, who and by when;
a reviewed problem adds the fidelity and effectiveness the team marked, a new
one how the team will measure both.
"""

from __future__ import annotations

from mtss_tui.store import queries

STATUS_WORDS = {"carried": "carried forward"}


def previous_problems(db, meeting: dict, vocabulary) -> list[str]:
    """The team's open problems from earlier meetings, with today's marks."""
    found = queries.problems_to_review(db, meeting["team"], meeting["meeting_id"])
    lines = ["## Previously defined problems", ""]
    if not found:
        return lines + ["No problems from earlier meetings."]

    label = vocabulary.label
    for problem in found:
        lines += _record(db, problem, f"defined {problem['meeting_date']}")
        lines += [
            "- Fidelity of implementation: "
            + (label("implementation", problem["implementation"]) or "not marked"),
            "- Effectiveness of solution: "
            + (label("effectiveness", problem["effectiveness"]) or "not marked"),
            "",
        ]
    return lines[:-1]


def new_problems(db, meeting: dict) -> list[str]:
    """Problems defined in this meeting, each with how it will be measured."""
    found = queries.rows(
        db,
        "SELECT * FROM problems WHERE meeting_id = ? ORDER BY problem_id",
        [meeting["meeting_id"]],
    )
    lines = ["## New problems", ""]
    if not found:
        return lines + ["No new problems defined."]

    for problem in found:
        lines += _record(db, problem, None)
        lines += [
            f"- Fidelity measure: {problem['fidelity_measure'] or 'not set'}",
            f"- Effectiveness measure: {problem['effectiveness_measure'] or 'not set'}",
            "",
        ]
    return lines[:-1]


def _record(db, problem: dict, when: str | None) -> list[str]:
    title = f"### {problem['what']}" + (f" ({when})" if when else "")
    lines = [
        title,
        "",
        "- Precise problem statement: "
        f"what {problem['what']}; who {problem['who']}; "
        f"where {problem['location']}; when {problem['timing']}; "
        f"how often {problem['how_often']}; why (hypothesis) {problem['why']}",
        f"- Goal and timeline: {problem['goal']}, by {problem['goal_date']}",
        "- Solution actions:",
    ]
    for action in queries.problem_actions(db, problem["problem_id"]):
        lines.append(
            f"  - {action['category'].capitalize()}: {action['what']}; "
            f"who {action['owner']}; by {action['due_date'] or '-'}; "
            f"{STATUS_WORDS.get(action['status'], action['status'])}"
        )
    return lines
