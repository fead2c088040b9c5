"""A meeting's entries as CSV: one row per entry, for a spreadsheet or a district."""

from __future__ import annotations

from mtss_tui.reports.minutes import load_record
from mtss_tui.reports.spreadsheet import csv_text

COLUMNS = (
    "meeting_id",
    "date",
    "team",
    "section",
    "student_id",
    "student",
    "entry",
    "text",
    "owner",
    "due_date",
    "status",
    "recorded_by",
    "recorded_at",
)


def minutes_csv(db, meeting_id: str, vocabulary) -> str:
    record = load_record(db, meeting_id, vocabulary)
    meeting = record.meeting
    base = {"meeting_id": meeting_id, "date": meeting["date"], "team": meeting["team"]}
    rows = []

    def who(student_id):
        return record.names.get(student_id, "") if student_id else ""

    for item in record.reviewed:
        rows.append(
            {
                "section": "previous items",
                "student_id": item["student_id"] or "",
                "student": who(item["student_id"]),
                "entry": "review",
                "text": item["what"],
                "owner": item["owner"],
                "due_date": item["due_date"] or "",
                "status": item["outcome"] or "not reviewed",
            }
        )
    for decision in record.decisions:
        rows.append(
            {
                "section": "students",
                "student_id": decision["student_id"],
                "student": who(decision["student_id"]),
                "entry": "decision: " + vocabulary.label("decisions", decision["kind"]),
                "text": decision["rationale"],
                "recorded_by": decision["recorded_by"],
                "recorded_at": decision["recorded_at"],
            }
        )
    for item in record.items:
        rows.append(
            {
                "section": "students" if item["student_id"] else "team",
                "student_id": item["student_id"] or "",
                "student": who(item["student_id"]),
                "entry": "action item",
                "text": item["what"],
                "owner": item["owner"],
                "due_date": item["due_date"] or "",
                "status": item["status"],
                "recorded_by": item["recorded_by"],
                "recorded_at": item["recorded_at"],
            }
        )
    for note in record.notes:
        if note["restricted"]:
            continue  # restricted notes stay out of files that travel
        rows.append(
            {
                "section": note["step_id"],
                "student_id": note["student_id"] or "",
                "student": who(note["student_id"]),
                "entry": "note",
                "text": note["text"],
                "recorded_by": note["recorded_by"],
                "recorded_at": note["recorded_at"],
            }
        )

    return csv_text(COLUMNS, ({**base, **row} for row in rows))
