"""The minutes' line on whom a one-student meeting was about."""

from __future__ import annotations

import json

from mtss_tui.store import queries


def subject_section(db, meeting: dict) -> list[str]:
    """For a meeting about one student: the student and the protocol run."""
    student_id = meeting.get("student_id")
    if not student_id:
        return []
    name = queries.student_names(db, {student_id}).get(student_id, student_id)
    protocol = json.loads(meeting["protocol_json"]) if meeting["protocol_json"] else {}
    title = protocol.get("title", meeting["protocol"])
    return ["## Student", "", f"- {title} about {name} ({student_id})"]
