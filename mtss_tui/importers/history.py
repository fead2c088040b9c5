"""Earlier meetings recorded on paper or in another tool, as CSV files.

`history/meetings.csv`, `history/decisions.csv` and `history/action_items.csv`
bring a team's past meetings in, so that the first meeting in mtss_tui can
review last meeting's open items. Writes go through the audit log like any
other entry.
"""

from __future__ import annotations

import csv
from pathlib import Path

from mtss_tui.importers import ImportFailed
from mtss_tui.store.audit import Recorder

ROLE_COLUMNS = ("facilitator", "minute_taker", "data_analyst", "timekeeper")


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


def load_history(recorder: Recorder, folder: Path) -> int:
    """Record the past meetings in `folder`; returns how many were loaded."""
    meetings = _rows(folder / "meetings.csv")
    decisions = _rows(folder / "decisions.csv")
    items = _rows(folder / "action_items.csv")
    known = {row["meeting_id"] for _, row in meetings}
    faults = [
        f"{folder / name}:{line}: meeting_id: {row.get('meeting_id')!r}: "
        "expected a meeting listed in meetings.csv"
        for name, rows in (("decisions.csv", decisions), ("action_items.csv", items))
        for line, row in rows
        if row.get("meeting_id") not in known
    ]
    if faults:
        raise ImportFailed(faults, len(faults))

    db = recorder.db
    staff = dict(db.execute("SELECT staff_id, name FROM staff").fetchall())
    # What an earlier meeting recorded was entered by its minute taker.
    takers = {
        row["meeting_id"]: staff.get(row.get("minute_taker") or "", recorder.actor)
        for _, row in meetings
    }
    with db.atomic():
        for _, row in meetings:
            meeting_id = row["meeting_id"]
            recorder.insert(
                "meetings",
                {
                    "meeting_id": meeting_id,
                    "team": row["team"],
                    "protocol": row["protocol"],
                    "date": row["date"],
                    "status": "closed",
                    "started_at": row["started_at"],
                    "ended_at": row["ended_at"],
                    "recorded_by": takers[meeting_id],
                    "next_meeting_date": row.get("next_meeting_date") or None,
                },
                meeting_id,
            )
            present = set(filter(None, row.get("present", "").split(";")))
            team = db.execute(
                "SELECT staff_id FROM team_members WHERE team = ?", [row["team"]]
            ).fetchall()
            for (staff_id,) in team:
                recorder.insert(
                    "meeting_attendance",
                    {
                        "meeting_id": meeting_id,
                        "staff_id": staff_id,
                        "present": int(staff_id in present),
                    },
                    meeting_id,
                )
            for role in ROLE_COLUMNS:
                if row.get(role):
                    recorder.insert(
                        "meeting_roles",
                        {
                            "meeting_id": meeting_id,
                            "role": role,
                            "staff_id": row[role],
                        },
                        meeting_id,
                    )

        for _, row in decisions:
            recorder.insert(
                "decisions",
                {
                    "meeting_id": row["meeting_id"],
                    "student_id": row["student_id"],
                    "kind": row["kind"],
                    "rationale": row.get("rationale", ""),
                    "recorded_by": row.get("recorded_by") or takers[row["meeting_id"]],
                    "recorded_at": _meeting_time(meetings, row["meeting_id"]),
                },
                row["meeting_id"],
            )

        for _, row in items:
            recorder.insert(
                "action_items",
                {
                    "meeting_id": row["meeting_id"],
                    "student_id": row.get("student_id") or None,
                    "what": row["what"],
                    "owner": row["owner"],
                    "due_date": row.get("due_date") or None,
                    "status": row.get("status") or "open",
                    "recorded_by": row.get("recorded_by")
                    or takers.get(row["meeting_id"], recorder.actor),
                    "recorded_at": _meeting_time(meetings, row["meeting_id"]),
                },
                row["meeting_id"],
            )
    return len(meetings)


def _meeting_time(meetings, meeting_id: str) -> str:
    for _, row in meetings:
        if row["meeting_id"] == meeting_id:
            return row.get("ended_at") or row["date"]
    return ""
