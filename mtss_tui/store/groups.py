"""SQL for the groups a screening meeting forms."""

from __future__ import annotations

from typing import Any

from mtss_tui.store import queries


def group_of(db, meeting_id: str) -> dict[str, int]:
    """Each student this meeting put in a group, and the group's number."""
    return {
        r["student_id"]: r["group_no"]
        for r in queries.rows(
            db,
            "SELECT student_id, group_no FROM group_assignments WHERE meeting_id = ?",
            [meeting_id],
        )
    }


def next_group_no(db, meeting_id: str) -> int:
    taken = queries.one(
        db,
        "SELECT MAX(group_no) AS n FROM group_assignments WHERE meeting_id = ?",
        [meeting_id],
    )
    return (taken["n"] or 0) + 1


def latest_score(db, student_id: str, measure: str) -> float | None:
    """The student's latest score on a measure: a new plan's baseline."""
    row = queries.one(
        db,
        "SELECT value FROM scores WHERE student_id = ? AND measure = ? "
        "ORDER BY date DESC LIMIT 1",
        [student_id, measure],
    )
    return row["value"] if row else None


def measure_exists(db, measure: str) -> bool:
    return (
        queries.one(db, "SELECT 1 FROM measures WHERE measure = ?", [measure])
        is not None
    )


def groups_of_meeting(db, meeting_id: str) -> list[dict[str, Any]]:
    """The groups a meeting made, for the minutes: one row per student."""
    return queries.rows(
        db,
        "SELECT g.group_no, g.student_id, i.* FROM group_assignments g "
        "JOIN interventions i USING (intervention_id) WHERE g.meeting_id = ? "
        "ORDER BY g.group_no, g.student_id",
        [meeting_id],
    )
