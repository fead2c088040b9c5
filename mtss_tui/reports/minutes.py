"""The minutes of a meeting as Markdown, from what the database holds.

Each section is its own function over one `Record` of the meeting, so the
layout reads top to bottom as the minutes do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from mtss_tui.domain.clock import mmss
from mtss_tui.domain.protocol import Vocabulary
from mtss_tui.reports.groups import group_section
from mtss_tui.reports.student_meeting import subject_section
from mtss_tui.store import queries


class MinutesError(Exception):
    pass


GLANCE_SECONDS = 10
"""A student on the card for less than this was passed over, not discussed."""


@dataclass
class Record:
    """Everything the minutes show, read once."""

    meeting: dict
    team_title: str
    staff: dict[str, str]
    decisions: list[dict]
    items: list[dict]
    reviewed: list[dict]
    notes: list[dict]
    names: dict[str, str]
    vocabulary: Vocabulary

    def who(self, student_id: str | None) -> str:
        return self.names.get(student_id, student_id) if student_id else "the team"


def render_minutes(db, meeting_id: str, vocabulary: Vocabulary) -> str:
    record = load_record(db, meeting_id, vocabulary)
    sections = [
        _header(record),
        subject_section(db, record.meeting),
        _attendance(db, record),
        _times(db, record),
        _norms(db, record),
        _wins(db, record),
        _previous(record),
        _students(record),
        group_section(db, meeting_id),
        _team_items(record),
        _notes(record),
        _evaluation(db, record),
        _recap(record),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def load_record(db, meeting_id: str, vocabulary: Vocabulary) -> Record:
    """The meeting's entries; an unknown id is answered with the recent ones."""
    meeting = queries.meeting(db, meeting_id)
    if meeting is None:
        recent = [
            r["meeting_id"]
            for r in queries.rows(
                db,
                "SELECT meeting_id FROM meetings ORDER BY date DESC, meeting_id DESC "
                "LIMIT 10",
            )
        ]
        raise MinutesError(
            f"no meeting {meeting_id!r}; recent meetings: "
            + (", ".join(recent) or "none yet")
        )

    team = queries.one(db, "SELECT title FROM teams WHERE team = ?", [meeting["team"]])
    decisions = queries.decisions_of(db, meeting_id)
    items = queries.items_of(db, meeting_id)
    reviewed = queries.previous_items(db, meeting["team"], meeting_id)
    student_ids = {d["student_id"] for d in decisions} | {
        i["student_id"] for i in items + reviewed if i["student_id"]
    }
    return Record(
        meeting=meeting,
        team_title=team["title"] if team else meeting["team"],
        staff={
            r["staff_id"]: r["name"] for r in queries.rows(db, "SELECT * FROM staff")
        },
        decisions=decisions,
        items=items,
        reviewed=reviewed,
        notes=queries.notes_of(db, meeting_id),
        names=queries.student_names(db, student_ids),
        vocabulary=vocabulary,
    )


def _cell(text: str) -> str:
    """Text as one Markdown table cell: a `|` or a line break would end it."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _clock(seconds: float) -> str:
    return mmss(seconds).lstrip("+")


def _header(record: Record) -> list[str]:
    m = record.meeting
    return [
        f"# Minutes: {record.team_title}, {m['date']}",
        "",
        f"- Meeting: {m['meeting_id']} ({m['protocol']}), status {m['status']}",
        f"- Started {m['started_at'] or '-'}, ended {m['ended_at'] or '-'}",
        f"- Recorded by {m['recorded_by']}",
        f"- Next meeting: {m['next_meeting_date'] or 'not set'}",
    ]


def _attendance(db, record: Record) -> list[str]:
    meeting_id = record.meeting["meeting_id"]
    lines = ["## Attendance and roles", ""]
    for row in queries.rows(
        db,
        "SELECT a.present, s.name FROM meeting_attendance a JOIN staff s "
        "USING (staff_id) WHERE meeting_id = ? ORDER BY s.name",
        [meeting_id],
    ):
        lines.append(f"- [{'x' if row['present'] else ' '}] {row['name']}")
    roles = {
        r["role"]: r["staff_id"]
        for r in queries.rows(
            db, "SELECT * FROM meeting_roles WHERE meeting_id = ?", [meeting_id]
        )
    }
    lines.append("")
    for role in record.vocabulary.roles:
        holder = record.staff.get(roles.get(role.id, ""), "not assigned")
        lines.append(f"- {role.label}: {holder}")
    return lines


def _times(db, record: Record) -> list[str]:
    meeting_id = record.meeting["meeting_id"]
    steps = queries.rows(
        db,
        "SELECT * FROM step_times WHERE meeting_id = ? ORDER BY position",
        [meeting_id],
    )
    lines = ["## Time per step", ""]
    if not steps:
        return lines + ["Not recorded."]

    lines += ["| Step | Planned | Actual |", "|---|---|---|"]
    for row in steps:
        over = row["actual_seconds"] - row["planned_seconds"]
        note = f" (+{_clock(over)} over)" if over >= 1 else ""
        lines.append(
            f"| {_cell(row['title'])} | {_clock(row['planned_seconds'])} | "
            f"{_clock(row['actual_seconds'])}{note} |"
        )

    students = queries.rows(
        db,
        "SELECT * FROM student_times WHERE meeting_id = ? ORDER BY rowid",
        [meeting_id],
    )
    if students:
        names = queries.student_names(db, [r["student_id"] for r in students])
        lines += ["", "| Student | Time box | Actual |", "|---|---|---|"]
        for row in students:
            lines.append(
                f"| {_cell(names.get(row['student_id'], row['student_id']))} | "
                f"{_clock(row['planned_seconds'])} | {_clock(row['actual_seconds'])} |"
            )
    return lines


def _norms(db, record: Record) -> list[str]:
    """The norms as the team read them when it left the first step."""
    review = queries.one(
        db,
        "SELECT norms FROM norms_reviews WHERE meeting_id = ?",
        [record.meeting["meeting_id"]],
    )
    if review is None:
        return ["## Team norms", "", "Team norms not reviewed."]
    norms = [norm for _category, norm in json.loads(review["norms"])]
    return ["## Team norms", "", "Team norms reviewed: " + " · ".join(norms)]


def _wins(db, record: Record) -> list[str]:
    wins = queries.rows(
        db,
        "SELECT text FROM meeting_wins WHERE meeting_id = ? ORDER BY position",
        [record.meeting["meeting_id"]],
    )
    lines = ["## Wins since the last meeting", ""]
    if not wins:
        return lines + ["None recorded."]
    return lines + [f"- {w['text']}" for w in wins]


def _previous(record: Record) -> list[str]:
    lines = ["## Previous items", ""]
    if not record.reviewed:
        return lines + ["No open items from earlier meetings."]

    label = record.vocabulary.label
    outcomes = {"closed": "closed", "carried": "carried forward"}
    for item in record.reviewed:
        whom = f" ({record.who(item['student_id'])})" if item["student_id"] else ""
        lines.append(
            f"- {item['what']}{whom}: owner {item['owner']}, due "
            f"{item['due_date'] or '-'}; implementation "
            f"{label('implementation', item['implementation']) or '-'}; "
            f"effectiveness {label('effectiveness', item['effectiveness']) or '-'}; "
            f"{outcomes.get(item['outcome'], 'not reviewed')}"
        )
    return lines


def _students(record: Record) -> list[str]:
    """Each student with a decision or an action item from this meeting."""
    order: list[str] = []
    for student_id in [d["student_id"] for d in record.decisions] + [
        i["student_id"] for i in record.items if i["student_id"]
    ]:
        if student_id not in order:
            order.append(student_id)
    lines = ["## Students", ""]
    if not order:
        return lines + ["No decisions recorded."]

    for student_id in order:
        lines += [f"### {record.who(student_id)} ({student_id})", ""]
        for decision in record.decisions:
            if decision["student_id"] != student_id:
                continue
            lines.append(
                f"- Decision: {record.vocabulary.label('decisions', decision['kind'])}"
                f" (recorded by {decision['recorded_by']} at "
                f"{decision['recorded_at']})"
            )
            if decision["rationale"]:
                lines.append(f"  - Rationale: {decision['rationale']}")
        for item in record.items:
            if item["student_id"] == student_id and item["status"] != "closed":
                lines.append(
                    f"- Action: {item['what']}: {item['owner']}, by "
                    f"{item['due_date'] or 'no date'}"
                )
        lines.append("")
    return lines[:-1]


def _team_items(record: Record) -> list[str]:
    team = [i for i in record.items if not i["student_id"] and i["status"] != "closed"]
    if not team:
        return []
    return ["## Team action items", ""] + [
        f"- {i['what']}: {i['owner']}, by {i['due_date'] or 'no date'}" for i in team
    ]


def _notes(record: Record) -> list[str]:
    if not record.notes:
        return []
    lines = ["## Notes", ""]
    for note in record.notes:
        restricted = " (restricted)" if note["restricted"] else ""
        lines.append(f"- [{note['step_id']}]{restricted} {note['text']}")
    return lines


def _evaluation(db, record: Record) -> list[str]:
    answers = queries.rows(
        db,
        "SELECT * FROM evaluations WHERE meeting_id = ? ORDER BY position",
        [record.meeting["meeting_id"]],
    )
    lines = ["## Meeting evaluation", ""]
    if not answers:
        return lines + ["Not answered."]
    for row in answers:
        answer = record.vocabulary.label("evaluation_answers", row["answer"])
        lines.append(f"- {row['question']} {answer}")
    return lines


def _recap(record: Record) -> list[str]:
    lines = ["## Recap: who does what for whom, by when", ""]
    live = [i for i in record.items if i["status"] != "closed"]
    if not live:
        return lines + ["No action items."]

    lines += ["| Who | What | For whom | By when |", "|---|---|---|---|"]
    for item in sorted(live, key=lambda i: (i["owner"], i["due_date"] or "")):
        lines.append(
            f"| {_cell(item['owner'])} | {_cell(item['what'])} | "
            f"{_cell(record.who(item['student_id']))} | {item['due_date'] or '-'} |"
        )
    return lines
