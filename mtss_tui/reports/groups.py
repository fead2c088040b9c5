"""The minutes' section on the groups a screening meeting formed."""

from __future__ import annotations

from mtss_tui.services.groups import groups_of_meeting
from mtss_tui.store import queries


def _number(value) -> str:
    return "-" if value is None else f"{value:g}"


def group_section(db, meeting_id: str) -> list[str]:
    """Each group's shared plan, then each student's own baseline and goal."""
    rows = groups_of_meeting(db, meeting_id)
    if not rows:
        return []
    names = queries.student_names(db, {r["student_id"] for r in rows})
    lines = ["## Intervention groups"]
    current = None
    for row in rows:
        if row["group_no"] != current:
            current = row["group_no"]
            minutes = f", {row['minutes']} min" if row["minutes"] else ""
            lines += [
                "",
                f"### Group {current}: {row['name']} ({row['domain']}, "
                f"tier {row['tier']})",
                "",
                f"- {row['interventionist'] or 'interventionist not set'}, "
                f"{row['frequency'] or 'frequency not set'}{minutes}; from "
                f"{row['start_date']}, goal by {row['goal_date']} on "
                f"{row['measure']}",
                "",
                "| Student | Baseline | Goal |",
                "|---|---|---|",
            ]
        name = names.get(row["student_id"], row["student_id"])
        lines.append(
            f"| {name} ({row['student_id']}) | {_number(row['baseline'])} | "
            f"{_number(row['goal_value'])} |"
        )
    return lines
