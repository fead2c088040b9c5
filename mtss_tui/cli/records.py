"""Batch commands that read the record: `mtss actions` and `mtss search`.

Both open the database read-only; output is a table for people, or CSV, JSON
or iCalendar for other programs.
"""

from __future__ import annotations

import json
from dataclasses import asdict

from mtss_tui.reports.spreadsheet import csv_text


def actions_text(items, form: str) -> str:
    if form == "ics":
        from mtss_tui.reports.calendar import action_items_ics

        return action_items_ics(items)
    rows = [asdict(i) for i in items]
    if form == "json":
        return json.dumps(rows, indent=2) + "\n"
    if form == "csv":
        return csv_text(list(rows[0]) if rows else ["item_id"], rows)
    if not items:
        return "No action items match.\n"
    lines = []
    for i in items:
        mark = "OVERDUE " if i.overdue else " " * 8
        whom = f" [{i.student_id}]" if i.student_id else ""
        lines.append(
            f"{mark}{i.due_date or 'no date':<10}  {i.status:<7}  {i.owner}: "
            f"{i.what}{whom}  ({i.team}, {i.meeting_id})"
        )
    overdue = sum(1 for i in items if i.overdue)
    lines.append(f"{len(items)} action items, {overdue} overdue")
    return "\n".join(lines) + "\n"


def search_text(hits, form: str) -> str:
    if form == "json":
        rows = [
            {
                "kind": h.kind,
                "ref": h.ref,
                "meeting_id": h.meeting_id,
                "team": h.team,
                "date": h.date,
                "student_id": h.student_id,
                "text": h.plain(),
                "highlighted": h.plain("[", "]"),
                "recorded_by": h.recorded_by,
                "recorded_at": h.recorded_at,
            }
            for h in hits
        ]
        return json.dumps(rows, indent=2) + "\n"
    if not hits:
        return "Nothing matches.\n"
    lines = []
    for h in hits:
        whom = f" {h.student_id}" if h.student_id else ""
        lines.append(
            f"{h.date}  {h.team}  {h.kind.replace('_', ' ')}{whom}: "
            f"{h.plain('[', ']')}  ({h.meeting_id}, by {h.recorded_by})"
        )
    lines.append(f"{len(hits)} match" + ("" if len(hits) == 1 else "es"))
    return "\n".join(lines) + "\n"
