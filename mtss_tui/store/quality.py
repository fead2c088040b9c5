"""SQL for the meeting-quality record: the facts a meeting left, the stored row."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from mtss_tui.domain.quality import MeetingFacts, MeetingQuality
from mtss_tui.store import queries

END_ATTENDANCE_COLUMN = "present_at_end"
"""The attendance column that marks who was there when a meeting ended; a
database without it did not record end attendance."""


def _time(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def scheduled_start(db, meeting: dict[str, Any]) -> datetime | None:
    """The start time the team set for this meeting at its previous meeting."""
    previous = queries.one(
        db,
        "SELECT next_meeting_date, next_meeting_time FROM meetings "
        "WHERE team = ? AND student_id IS ? AND status = 'closed' "
        "AND meeting_id != ? AND next_meeting_date = ? "
        "AND next_meeting_time IS NOT NULL "
        "ORDER BY date DESC, ended_at DESC LIMIT 1",
        [
            meeting["team"],
            meeting["student_id"],
            meeting["meeting_id"],
            meeting["date"],
        ],
    )
    if previous is None:
        return None
    return _time(f"{previous['next_meeting_date']}T{previous['next_meeting_time']}")


def _has_column(db, table: str, column: str) -> bool:
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def facts_of(db, meeting_id: str, roles: tuple[str, ...]) -> MeetingFacts:
    """What the database holds about one meeting's foundations."""
    meeting = queries.meeting(db, meeting_id)
    attendance = queries.rows(
        db, "SELECT * FROM meeting_attendance WHERE meeting_id = ?", [meeting_id]
    )
    at_end = None
    if _has_column(db, "meeting_attendance", END_ATTENDANCE_COLUMN):
        marks = [r[END_ATTENDANCE_COLUMN] for r in attendance]
        if any(mark is not None for mark in marks):
            at_end = sum(1 for mark in marks if mark)

    held = {
        r["role"]
        for r in queries.rows(
            db, "SELECT role FROM meeting_roles WHERE meeting_id = ?", [meeting_id]
        )
    }
    timed = queries.one(
        db,
        "SELECT COUNT(*) AS n, SUM(actual_seconds) AS actual FROM step_times "
        "WHERE meeting_id = ?",
        [meeting_id],
    )
    protocol = json.loads(meeting["protocol_json"]) if meeting["protocol_json"] else {}
    planned = sum(step["minutes"] for step in protocol.get("steps", [])) * 60
    answers = {
        r["question"]: r["answer"]
        for r in queries.rows(
            db,
            "SELECT question, answer FROM evaluations WHERE meeting_id = ? "
            "ORDER BY position",
            [meeting_id],
        )
    }
    return MeetingFacts(
        members=len(attendance),
        present_at_start=sum(1 for r in attendance if r["present"]),
        present_at_end=at_end,
        roles_needed=roles,
        roles_held=frozenset(held),
        planned_seconds=planned,
        actual_seconds=timed["actual"] if timed["n"] else None,
        started_at=_time(meeting["started_at"]),
        scheduled_start=scheduled_start(db, meeting),
        next_meeting_date=meeting["next_meeting_date"],
        evaluation=answers,
    )


def as_row(meeting_id: str, quality: MeetingQuality, at: str) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "started_on_time": quality.started_on_time,
        "start_minutes_late": quality.start_minutes_late,
        "present_at_start": quality.present_at_start,
        "share_present_at_start": quality.share_present_at_start,
        "present_at_end": quality.present_at_end,
        "share_present_at_end": quality.share_present_at_end,
        "roles_filled": quality.roles_filled,
        "roles_missing": ",".join(quality.roles_missing),
        "ended_on_time": quality.ended_on_time,
        "planned_seconds": quality.planned_seconds,
        "actual_seconds": quality.actual_seconds or 0,
        "next_meeting_scheduled": quality.next_meeting_scheduled,
        "evaluation": json.dumps(quality.evaluation),
        "recorded_at": at,
    }


def team_quality(db, team: str) -> list[dict[str, Any]]:
    """The stored quality of each closed meeting of the team, oldest first."""
    return queries.rows(
        db,
        "SELECT q.*, m.date, m.protocol, m.student_id FROM meeting_quality q "
        "JOIN meetings m USING (meeting_id) WHERE m.team = ? "
        "ORDER BY m.date, m.started_at, m.meeting_id",
        [team],
    )
