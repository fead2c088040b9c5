"""Action items across meetings: who owes what, by when, and what is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mtss_tui.store import queries

STATUSES = {
    "open": ("open",),
    "done": ("done", "closed"),
    "all": ("open", "done", "closed", "carried"),
}
"""`carried` items live on as the new item of the meeting that carried them."""


@dataclass(frozen=True)
class FollowUp:
    item_id: int
    what: str
    owner: str
    due_date: str | None
    status: str
    team: str
    meeting_id: str
    meeting_date: str
    student_id: str | None
    student_name: str
    recorded_by: str
    recorded_at: str
    overdue: bool


def follow_ups(
    db,
    today: date,
    owner: str | None = None,
    status: str = "open",
    overdue: bool = False,
    team: str | None = None,
    due_before: date | None = None,
) -> list[FollowUp]:
    """Action items by due date (undated last), then owner."""
    wanted = STATUSES[status]
    where = [f"i.status IN ({', '.join('?' for _ in wanted)})"]
    params: list = list(wanted)
    if owner:
        where.append("instr(lower(i.owner), ?) > 0")  # no LIKE wildcards in names
        params.append(owner.lower())
    if team:
        where.append("m.team = ?")
        params.append(team)
    if due_before:
        where.append("i.due_date < ?")
        params.append(due_before.isoformat())
    if overdue:
        where.append("i.status = 'open' AND i.due_date < ?")
        params.append(today.isoformat())
    found = queries.rows(
        db,
        "SELECT i.*, m.team, m.date AS meeting_date, "
        "coalesce(s.given_name || ' ' || s.family_name, '') AS student_name "
        "FROM action_items i JOIN meetings m USING (meeting_id) "
        "LEFT JOIN students s ON s.student_id = i.student_id "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY i.due_date IS NULL, i.due_date, i.owner, i.item_id",
        params,
    )
    return [
        FollowUp(
            r["item_id"],
            r["what"],
            r["owner"],
            r["due_date"],
            r["status"],
            r["team"],
            r["meeting_id"],
            r["meeting_date"],
            r["student_id"],
            r["student_name"],
            r["recorded_by"],
            r["recorded_at"],
            r["status"] == "open"
            and bool(r["due_date"])
            and r["due_date"] < today.isoformat(),
        )
        for r in found
    ]
