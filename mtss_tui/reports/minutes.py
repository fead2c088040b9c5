"""The minutes of a meeting as Markdown, from what the database holds.

Each section is its own function over one `Record` of the meeting, so the
layout reads top to bottom as the minutes do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from mtss_tui.domain.clock import mmss
from mtss_tui.domain.protocol import Vocabulary
from mtss_tui.errors import UserError
from mtss_tui.reports.groups import group_section
from mtss_tui.reports.markdown import cell as _cell
from mtss_tui.reports.minutes_people import attendance, roles
from mtss_tui.reports.minutes_problems import new_problems, previous_problems
from mtss_tui.reports.student_meeting import subject_section
from mtss_tui.store import queries

RESTRICTED_NOTE = "(restricted note, not shown)"
"""What the shared minutes print in place of a restricted note's text."""


class MinutesError(UserError):
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
    problem_items: set[int]
    """Action items that are a problem's solution actions."""
    show_restricted: bool = False

    def who(self, student_id: str | None) -> str:
        return self.names.get(student_id, student_id) if student_id else "the team"


def render_minutes(
    db, meeting_id: str, vocabulary: Vocabulary, show_restricted: bool = False
) -> str:
    """The minutes in the TIPS layout.

    The file written at close is the shared one: a restricted note shows as
    `(restricted note, not shown)`. `show_restricted` prints its text, for
    the team's own copy (`mtss minutes --restricted`).
    """
    record = load_record(db, meeting_id, vocabulary)
    record.show_restricted = show_restricted
    meeting = record.meeting
    sections = [
        _header(db, record),
        subject_section(db, record.meeting),
        roles(db, meeting_id, vocabulary, record.staff),
        attendance(db, meeting_id),
        _times(db, record),
        _norms(db, record),
        _wins(db, record),
        previous_problems(db, meeting, vocabulary),
        _previous(record),
        _students(record),
        new_problems(db, meeting),
        group_section(db, meeting_id),
        _admin(record),
        _notes(record),
        _evaluation(db, record),
        _recap(record),
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"


def load_record(db, meeting_id: str, vocabulary: Vocabulary) -> Record:
    """The meeting's entries; an unknown id is answered with the recent ones."""
    meeting = queries.meeting(db, meeting_id)
    if meeting is None:
        recent = queries.recent_meetings(db)
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
        problem_items={
            r["item_id"]
            for r in queries.rows(
                db,
                "SELECT pa.item_id FROM problem_actions pa JOIN problems p "
                "USING (problem_id) WHERE p.meeting_id = ?",
                [meeting_id],
            )
        },
    )


def _clock(seconds: float) -> str:
    return mmss(seconds).lstrip("+")


def _header(db, record: Record) -> list[str]:
    m = record.meeting
    steps = queries.rows(
        db,
        "SELECT planned_seconds, actual_seconds FROM step_times WHERE meeting_id = ?",
        [m["meeting_id"]],
    )
    planned = sum(r["planned_seconds"] for r in steps)
    actual = sum(r["actual_seconds"] for r in steps)
    return [
        f"# Minutes: {record.team_title}, {m['date']}",
        "",
        f"- Meeting: {m['meeting_id']} ({m['protocol']}), status {m['status']}",
        f"- Started {m['started_at'] or '-'}, ended {m['ended_at'] or '-'}",
        (
            f"- Planned {_clock(planned)}, actual {_clock(actual)}"
            if steps
            else "- Time per step not recorded"
        ),
        f"- Recorded by {m['recorded_by']}",
        f"- Next meeting: {m['next_meeting_date'] or 'not set'}",
    ]


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
    decided = {d["student_id"] for d in record.decisions}
    students = [
        r
        for r in students
        if r["actual_seconds"] >= GLANCE_SECONDS or r["student_id"] in decided
    ]  # a student passed over on the way to the next was not discussed
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


def _admin(record: Record) -> list[str]:
    """Administrative and general items: the team's own new action items (a
    carried item shows under the previous items, a solution action under its
    problem)."""
    team = [
        i
        for i in record.items
        if not i["student_id"]
        and i["carried_from"] is None
        and i["status"] != "closed"
        and i["item_id"] not in record.problem_items
    ]
    lines = ["## Administrative items", ""]
    if not team:
        return lines + ["No administrative items."]
    return lines + [
        f"- {i['what']}: {i['owner']}, by {i['due_date'] or 'no date'}" for i in team
    ]


def _notes(record: Record) -> list[str]:
    """Each note under its step; a restricted one only marked, unless asked for."""
    if not record.notes:
        return []
    lines = ["## Notes", ""]
    for note in record.notes:
        if note["restricted"] and not record.show_restricted:
            lines.append(f"- [{note['step_id']}] {RESTRICTED_NOTE}")
            continue
        restricted = " (restricted)" if note["restricted"] else ""
        about = f" ({note['student_id']})" if note["student_id"] else ""
        lines.append(f"- [{note['step_id']}]{restricted}{about} {note['text']}")
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
