"""Action items as an iCalendar file: one VTODO per item (RFC 5545).

A team member imports it into a calendar or task app and sees each follow-up
with its due date and owner. Written by hand: the format is small and the
tool makes no other use of a calendar library.
"""

from __future__ import annotations

from datetime import UTC, datetime

PRODUCT = "-//mtss_tui//action items//EN"


def _escape(text: str) -> str:
    """TEXT values escape backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next, after one space."""
    data = line.encode()
    pieces, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while end > start and (data[end] & 0xC0) == 0x80:
            end -= 1  # never split a UTF-8 character
        pieces.append(data[start:end].decode())
        start, limit = end, 74
    pieces.append(data[start:].decode())
    return [pieces[0], *(" " + p for p in pieces[1:])]


def action_items_ics(items, stamp: datetime | None = None) -> str:
    stamp = (stamp or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
    ]
    for item in items:
        about = f" for {item.student_name}" if item.student_name else ""
        description = (
            f"Owner: {item.owner}. Team {item.team}, meeting {item.meeting_id} "
            f"({item.meeting_date}){about}. Recorded by {item.recorded_by}."
        )
        lines += [
            "BEGIN:VTODO",
            f"UID:action-item-{item.item_id}-{item.meeting_id}@mtss-tui",
            f"DTSTAMP:{stamp}",
            f"SUMMARY:{_escape(item.what)}",
            f"CONTACT:{_escape(item.owner)}",
            f"DESCRIPTION:{_escape(description)}",
            "STATUS:" + ("NEEDS-ACTION" if item.status == "open" else "COMPLETED"),
        ]
        if item.due_date:
            lines.append(f"DUE;VALUE=DATE:{item.due_date.replace('-', '')}")
        lines.append("END:VTODO")
    lines.append("END:VCALENDAR")
    return "".join(f"{part}\r\n" for line in lines for part in _fold(line))
