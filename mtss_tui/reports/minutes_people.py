"""The minutes' people: each role's primary and backup, and who was there.

TIPS asks for the roles defined, with a backup for each, and for the share of
members present at the start and at the end of the meeting.
"""

from __future__ import annotations

from mtss_tui.reports.markdown import cell as _cell
from mtss_tui.store import queries


def roles(db, meeting_id: str, vocabulary, staff: dict[str, str]) -> list[str]:
    """Each role's primary and backup, and who held it when the primary was away."""
    assigned: dict[str, dict[int, str]] = {}
    for r in queries.rows(
        db, "SELECT * FROM meeting_roles WHERE meeting_id = ?", [meeting_id]
    ):
        assigned.setdefault(r["role"], {})[r["backup"]] = r["staff_id"]
    present = {
        r["staff_id"]
        for r in queries.rows(
            db,
            "SELECT staff_id FROM meeting_attendance WHERE meeting_id = ? AND present",
            [meeting_id],
        )
    }
    lines = [
        "## Roles",
        "",
        "| Role | Primary | Backup | Held by |",
        "|---|---|---|---|",
    ]
    for role in vocabulary.roles:
        pair = assigned.get(role.id, {})
        primary, backup = pair.get(0), pair.get(1)
        if primary in present:
            held = _cell(staff[primary])
        elif backup in present:
            held = _cell(staff[backup]) + (
                " (backup; primary absent)" if primary else " (backup)"
            )
        else:
            held = "nobody"
        lines.append(
            f"| {role.label} | {_cell(staff.get(primary, '-'))} | "
            f"{_cell(staff.get(backup, '-'))} | {held} |"
        )
    return lines


def attendance(db, meeting_id: str) -> list[str]:
    """Present at the start and at the end, as the TIPS foundations ask."""
    marks = queries.rows(
        db,
        "SELECT a.present, a.present_at_end, s.name FROM meeting_attendance a "
        "JOIN staff s USING (staff_id) WHERE meeting_id = ? ORDER BY s.name",
        [meeting_id],
    )
    lines = ["## Attendance", ""]
    if not marks:
        return lines + ["No members on record."]

    def at_end(row) -> bool:
        end = row["present_at_end"]
        return bool(row["present"] if end is None else end)

    total = len(marks)
    start = sum(bool(r["present"]) for r in marks)
    end = sum(at_end(r) for r in marks)
    lines += [
        f"Present at the start: {start} of {total} ({start / total:.0%}); "
        f"at the end: {end} of {total} ({end / total:.0%}).",
        "",
        "| Member | Start | End |",
        "|---|---|---|",
    ]
    for row in marks:
        lines.append(
            f"| {_cell(row['name'])} | {'X' if row['present'] else ''} | "
            f"{'X' if at_end(row) else ''} |"
        )
    return lines
