"""What a team member reviewing past meetings reads: every query is a SELECT.

The review app holds a `mode=ro` connection and reads through these inside a
read transaction (`live_meeting.read_transaction`); nothing here could write.
A student's restricted notes are left out in SQL unless the reviewer asked for
them, so the history screen never holds their text.
"""

from __future__ import annotations

from typing import Any

from mtss_tui.store.db import Database
from mtss_tui.store.queries import one, rows


def meetings_overview(db: Database) -> list[dict[str, Any]]:
    """Every meeting by team, newest first (what it recorded: `meeting_counts`)."""
    return rows(
        db,
        "SELECT m.meeting_id, m.team, coalesce(t.title, m.team) AS team_title, "
        "m.date, m.status, m.protocol "
        "FROM meetings m LEFT JOIN teams t ON t.team = m.team "
        "ORDER BY m.team, m.date DESC, m.meeting_id DESC",
    )


def meeting_counts(db: Database) -> dict[str, tuple[int, int]]:
    """Decisions and action items per meeting."""
    counts: dict[str, list[int]] = {}
    for position, table in enumerate(("decisions", "action_items")):
        for meeting_id, n in db.execute(
            f"SELECT meeting_id, count(*) FROM {table} GROUP BY meeting_id"
        ):
            counts.setdefault(meeting_id, [0, 0])[position] = n
    return {m: (d, i) for m, (d, i) in counts.items()}


def students(db: Database) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT student_id, given_name, family_name, grade, active FROM students "
        "ORDER BY student_id",
    )


def student(db: Database, student_id: str) -> dict[str, Any] | None:
    return one(
        db,
        "SELECT student_id, given_name, family_name, grade, active FROM students "
        "WHERE student_id = ?",
        [student_id],
    )


def decisions_of_student(db: Database, student_id: str) -> list[dict[str, Any]]:
    """The student's decisions in meeting order, each with its meeting."""
    return rows(
        db,
        "SELECT d.decision_id, d.meeting_id, m.team, m.date AS meeting_date, "
        "d.kind, d.rationale, d.snapshot, d.recorded_by, d.recorded_at "
        "FROM decisions d JOIN meetings m USING (meeting_id) "
        "WHERE d.student_id = ? ORDER BY m.date, d.decision_id",
        [student_id],
    )


def revisions_of(db: Database, decision_ids: list[int]) -> list[dict[str, Any]]:
    """Earlier versions of these decisions, oldest first."""
    if not decision_ids:
        return []
    marks = ", ".join("?" for _ in decision_ids)
    return rows(
        db,
        "SELECT decision_id, kind, rationale, recorded_by, recorded_at, replaced_at "
        f"FROM decision_revisions WHERE decision_id IN ({marks}) "
        "ORDER BY decision_id, replaced_at, revision_id",
        decision_ids,
    )


def interventions_of(db: Database, student_id: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT * FROM interventions WHERE student_id = ? "
        "ORDER BY measure, start_date, intervention_id",
        [student_id],
    )


def items_of_student(db: Database, student_id: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT a.item_id, a.meeting_id, m.date AS meeting_date, a.what, a.owner, "
        "a.due_date, a.status, a.recorded_by, a.recorded_at "
        "FROM action_items a JOIN meetings m USING (meeting_id) "
        "WHERE a.student_id = ? ORDER BY m.date, a.item_id",
        [student_id],
    )


def notes_of_student(
    db: Database, student_id: str, restricted: bool
) -> list[dict[str, Any]]:
    """The student's notes; restricted ones only when the reviewer may see them."""
    where = "" if restricted else "AND n.restricted = 0"
    return rows(
        db,
        "SELECT n.note_id, n.meeting_id, m.date AS meeting_date, n.text, "
        "n.restricted, n.recorded_by, n.recorded_at "
        "FROM notes n JOIN meetings m USING (meeting_id) "
        f"WHERE n.student_id = ? {where} ORDER BY m.date, n.note_id",
        [student_id],
    )


def restricted_note_count(
    db: Database, student_id: str | None = None, meeting_id: str | None = None
) -> int:
    """How many restricted notes there are, so the screen can say some are hidden."""
    where, params = ["restricted = 1"], []
    if student_id is not None:
        where.append("student_id = ?")
        params.append(student_id)
    if meeting_id is not None:
        where.append("meeting_id = ?")
        params.append(meeting_id)
    return db.execute(
        f"SELECT count(*) FROM notes WHERE {' AND '.join(where)}", params
    ).fetchone()[0]
