"""Reading the school's data and the meeting record back out."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from mtss_tui.store.db import Database

if TYPE_CHECKING:
    from mtss_tui.domain.flags import CutScore
    from mtss_tui.domain.records import Intervention, Measure, StudentRecord

# The record types are imported where records are built, not with this module:
# the review's first screen and the batch commands read rows only.


def rows(db: Database, sql: str, params=()) -> list[dict[str, Any]]:
    return list(db.query(sql, params))


def recent_meetings(db: Database, limit: int = 10) -> list[str]:
    """The latest meetings' ids, newest first: the answer to an unknown id."""
    return [
        r[0]
        for r in db.execute(
            "SELECT meeting_id FROM meetings ORDER BY date DESC, meeting_id DESC "
            "LIMIT ?",
            [limit],
        )
    ]


def one(db: Database, sql: str, params=()) -> dict[str, Any] | None:
    found = rows(db, sql, params)
    return found[0] if found else None


def teams(db) -> list[dict[str, Any]]:
    return rows(db, "SELECT team, title, grades FROM teams ORDER BY team")


def team_members(db, team: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT s.staff_id, s.name, s.role FROM team_members m "
        "JOIN staff s USING (staff_id) WHERE m.team = ? ORDER BY s.name",
        [team],
    )


def team_student_ids(db, team: str) -> list[str]:
    """Active students in the team's grades and schools.

    A team's `grades` is `2` or `2;3`, its `schools` likewise; an empty one
    does not narrow the team, but a team with neither has no students.
    """
    found = one(db, "SELECT grades, schools FROM teams WHERE team = ?", [team]) or {}
    where, params = [], []
    for column, field in (("grade", "grades"), ("school", "schools")):
        values = [v.strip() for v in found.get(field, "").split(";") if v.strip()]
        if values:
            where.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params += values
    if not where:
        return []
    return [
        r["student_id"]
        for r in rows(
            db,
            f"SELECT student_id FROM students WHERE active AND {' AND '.join(where)} "
            "ORDER BY student_id",
            params,
        )
    ]


def cut_scores(db) -> list[CutScore]:
    """Cut scores imported with a school's files."""
    from mtss_tui.domain.flags import CutScore  # not needed to open a meeting

    return [
        CutScore(r["measure"], r["grade"], r["window"], r["cut"])
        for r in rows(db, "SELECT measure, grade, window, cut FROM cut_scores")
    ]


def measures(db) -> dict[str, Measure]:
    from mtss_tui.domain.records import Measure

    return {r["measure"]: Measure(**r) for r in rows(db, "SELECT * FROM measures")}


def as_of(db) -> date:
    """The last school day in the data: flags are judged as of that day.

    Files without attendance (an assessment export alone) are judged as of
    their last score, so their figures do not age by the years since.
    """
    for table in ("attendance", "scores"):
        found = db.execute(f"SELECT max(date) FROM {table}").fetchone()[0]
        if found:
            return date.fromisoformat(found)
    return date.today()


def school_days(db, until: date) -> list[date]:
    return [
        date.fromisoformat(r[0])
        for r in db.execute(
            "SELECT DISTINCT date FROM attendance WHERE date <= ? ORDER BY date",
            [until.isoformat()],
        )
    ]


def student_records(db, student_ids: list[str]) -> dict[str, StudentRecord]:
    """Full records for many students, with one query per table."""
    from mtss_tui.domain.records import (
        AttendanceDay,
        Incident,
        PeriodMark,
        Score,
        StudentRecord,
    )

    if not student_ids:
        return {}
    marks = ", ".join("?" for _ in student_ids)
    where = f"student_id IN ({marks})"
    records = {
        r["student_id"]: StudentRecord(
            r["student_id"], r["given_name"], r["family_name"], r["grade"]
        )
        for r in rows(db, f"SELECT * FROM students WHERE {where}", student_ids)
    }

    grouped: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in db.execute(
        f"SELECT student_id, date, status, fraction FROM attendance WHERE {where} "
        "ORDER BY date",
        student_ids,
    ):
        grouped[r[0]]["attendance"].append(
            AttendanceDay(date.fromisoformat(r[1]), r[2], r[3])
        )
    for r in rows(
        db, f"SELECT * FROM incidents WHERE {where} ORDER BY date, time", student_ids
    ):
        grouped[r["student_id"]]["incidents"].append(
            Incident(
                r["incident_id"],
                date.fromisoformat(r["date"]),
                r["type"],
                r["location"],
                r["severity"],
                r["action"],
                r["time"],
            )
        )
    for r in db.execute(
        f"SELECT student_id, measure, date, value, source FROM scores WHERE {where} "
        "ORDER BY date",
        student_ids,
    ):
        grouped[r[0]]["scores"].append(
            Score(r[1], date.fromisoformat(r[2]), r[3], r[4])
        )
    for r in rows(
        db,
        f"SELECT * FROM interventions WHERE {where} ORDER BY start_date",
        student_ids,
    ):
        grouped[r["student_id"]]["interventions"].append(_intervention(r))
    for r in db.execute(
        f"SELECT student_id, date, period, status FROM period_attendance "
        f"WHERE {where} ORDER BY date, period",
        student_ids,
    ):
        grouped[r[0]]["periods"].append(
            PeriodMark(date.fromisoformat(r[1]), r[2], r[3])
        )

    for student_id, record in records.items():
        for name, values in grouped[student_id].items():
            setattr(record, name, values)
    return records


def _intervention(r: dict[str, Any]) -> Intervention:
    from mtss_tui.domain.records import Intervention

    def day(value):
        return date.fromisoformat(value) if value else None

    return Intervention(
        r["intervention_id"],
        r["name"],
        r["domain"],
        r["tier"],
        date.fromisoformat(r["start_date"]),
        day(r["end_date"]),
        r["measure"],
        r["baseline"],
        r["goal_value"],
        day(r["goal_date"]),
        r["interventionist"],
        r["frequency"],
        r["minutes"],
    )


def open_meeting(db, team: str, student_id: str | None = None) -> dict[str, Any] | None:
    """The team's meeting that was started and not closed, if any: its team
    meeting, or with `student_id` its meeting about that student."""
    return one(
        db,
        "SELECT * FROM meetings WHERE team = ? AND student_id IS ? "
        "AND status != 'closed' ORDER BY date DESC, started_at DESC LIMIT 1",
        [team, student_id],
    )


def meeting(db, meeting_id: str) -> dict[str, Any] | None:
    return one(db, "SELECT * FROM meetings WHERE meeting_id = ?", [meeting_id])


def previous_items(db, team: str, meeting_id: str) -> list[dict[str, Any]]:
    """Open action items from the team's earlier meetings, oldest due first.

    Items reviewed in this meeting stay listed (with their review), so the team
    sees what it marked; items of later meetings never are. A meeting about one
    student sees that student's items only: its minutes may go to a family.
    """
    student = one(
        db, "SELECT student_id FROM meetings WHERE meeting_id = ?", [meeting_id]
    )
    found = rows(
        db,
        "SELECT a.*, m.date AS meeting_date, r.implementation, r.effectiveness, "
        "r.outcome FROM action_items a JOIN meetings m USING (meeting_id) "
        "LEFT JOIN item_reviews r ON r.item_id = a.item_id AND r.meeting_id = ? "
        "WHERE m.team = ? AND a.meeting_id != ? "
        "AND m.date <= (SELECT date FROM meetings WHERE meeting_id = ?) "
        "AND (a.status = 'open' OR r.meeting_id IS NOT NULL) "
        "ORDER BY a.due_date, a.item_id",
        [meeting_id, team, meeting_id, meeting_id],
    )
    about = (student or {}).get("student_id")
    return [r for r in found if r["student_id"] == about] if about else found


def decisions_of(db, meeting_id: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT * FROM decisions WHERE meeting_id = ? ORDER BY decision_id",
        [meeting_id],
    )


def items_of(db, meeting_id: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT * FROM action_items WHERE meeting_id = ? ORDER BY item_id",
        [meeting_id],
    )


def notes_of(db, meeting_id: str) -> list[dict[str, Any]]:
    return rows(
        db, "SELECT * FROM notes WHERE meeting_id = ? ORDER BY note_id", [meeting_id]
    )


def student_names(db, student_ids) -> dict[str, str]:
    ids = list(student_ids)
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    return {
        r["student_id"]: f"{r['given_name']} {r['family_name']}"
        for r in rows(
            db,
            f"SELECT student_id, given_name, family_name FROM students "
            f"WHERE student_id IN ({marks})",
            ids,
        )
    }


def last_closed_meeting(db, team: str, on: date) -> dict[str, Any] | None:
    """The team's latest closed meeting held on or before `on`."""
    return one(
        db,
        "SELECT * FROM meetings WHERE team = ? AND status = 'closed' AND date <= ? "
        "ORDER BY date DESC, ended_at DESC LIMIT 1",
        [team, on.isoformat()],
    )


def open_items_of_team(db, team: str) -> list[dict[str, Any]]:
    """Every open action item of the team's meetings, soonest due first."""
    return rows(
        db,
        "SELECT a.*, m.date AS meeting_date FROM action_items a "
        "JOIN meetings m USING (meeting_id) WHERE m.team = ? AND a.status = 'open' "
        "ORDER BY a.due_date IS NULL, a.due_date, a.item_id",
        [team],
    )


def items_done_since(db, team: str, meeting: dict[str, Any]) -> list[dict[str, Any]]:
    """Items done since `meeting`: its own items now done or closed, and earlier
    items a review closed in a later meeting."""
    return rows(
        db,
        "SELECT a.*, m.date AS meeting_date FROM action_items a "
        "JOIN meetings m USING (meeting_id) WHERE m.team = ? "
        "AND a.status IN ('done', 'closed') AND (a.meeting_id = ? OR EXISTS ("
        "SELECT 1 FROM item_reviews r JOIN meetings rm ON rm.meeting_id = r.meeting_id "
        "WHERE r.item_id = a.item_id AND r.outcome = 'closed' AND rm.date > ?)) "
        "ORDER BY a.due_date, a.item_id",
        [team, meeting["meeting_id"], meeting["date"]],
    )


def problems_to_review(db, team: str, meeting_id: str) -> list[dict[str, Any]]:
    """Open problems from the team's earlier meetings, with this meeting's marks."""
    return rows(
        db,
        "SELECT p.*, m.date AS meeting_date, r.implementation, r.effectiveness "
        "FROM problems p JOIN meetings m USING (meeting_id) "
        "LEFT JOIN problem_reviews r "
        "ON r.problem_id = p.problem_id AND r.meeting_id = ? "
        "WHERE m.team = ? AND p.meeting_id != ? AND p.status = 'open' "
        "AND m.date <= (SELECT date FROM meetings WHERE meeting_id = ?) "
        "ORDER BY p.goal_date, p.problem_id",
        [meeting_id, team, meeting_id, meeting_id],
    )


def problem_actions(db, problem_id: int) -> list[dict[str, Any]]:
    """A problem's solution actions, each with its action item's state."""
    return rows(
        db,
        "SELECT pa.category, a.item_id, a.what, a.owner, a.due_date, a.status "
        "FROM problem_actions pa JOIN action_items a USING (item_id) "
        "WHERE pa.problem_id = ? ORDER BY pa.position",
        [problem_id],
    )
