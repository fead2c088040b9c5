"""The minutes of a meeting as Markdown, from what the database holds."""

from __future__ import annotations

from mtss_tui.domain.clock import mmss
from mtss_tui.domain.protocol import Vocabulary
from mtss_tui.store import queries


class MinutesError(Exception):
    pass


def _minutes(seconds: float) -> str:
    return mmss(seconds).lstrip("+")


def render_minutes(db, meeting_id: str, vocabulary: Vocabulary) -> str:
    meeting = queries.meeting(db, meeting_id)
    if meeting is None:
        raise MinutesError(f"no meeting {meeting_id!r}")
    team = queries.one(db, "SELECT * FROM teams WHERE team = ?", [meeting["team"]])
    staff = {r["staff_id"]: r["name"] for r in queries.rows(db, "SELECT * FROM staff")}
    decisions = queries.decisions_of(db, meeting_id)
    items = queries.items_of(db, meeting_id)
    notes = queries.notes_of(db, meeting_id)
    reviewed = queries.previous_items(db, meeting["team"], meeting_id)
    names = queries.student_names(
        db,
        {d["student_id"] for d in decisions}
        | {i["student_id"] for i in items + reviewed if i["student_id"]},
    )

    out = [
        f"# Minutes: {team['title'] if team else meeting['team']}, {meeting['date']}",
        "",
        f"- Meeting: {meeting_id} ({meeting['protocol']}), status {meeting['status']}",
        f"- Started {meeting['started_at'] or '-'}, ended {meeting['ended_at'] or '-'}",
        f"- Recorded by {meeting['recorded_by']}",
        f"- Next meeting: {meeting['next_meeting_date'] or 'not set'}",
        "",
        "## Attendance and roles",
        "",
    ]
    for row in queries.rows(
        db,
        "SELECT a.staff_id, a.present, s.name FROM meeting_attendance a "
        "JOIN staff s USING (staff_id) WHERE meeting_id = ? ORDER BY s.name",
        [meeting_id],
    ):
        mark = "x" if row["present"] else " "
        out.append(f"- [{mark}] {row['name']}")
    out.append("")
    roles = {
        r["role"]: r["staff_id"]
        for r in queries.rows(
            db, "SELECT * FROM meeting_roles WHERE meeting_id = ?", [meeting_id]
        )
    }
    for role in vocabulary.roles:
        out.append(f"- {role.label}: {staff.get(roles.get(role.id), 'not assigned')}")

    out += ["", "## Time per step", "", "| Step | Planned | Actual |", "|---|---|---|"]
    for row in queries.rows(
        db,
        "SELECT * FROM step_times WHERE meeting_id = ? ORDER BY position",
        [meeting_id],
    ):
        over = row["actual_seconds"] - row["planned_seconds"]
        note = f" (+{_minutes(over)} over)" if over >= 1 else ""
        out.append(
            f"| {row['title']} | {_minutes(row['planned_seconds'])} | "
            f"{_minutes(row['actual_seconds'])}{note} |"
        )
    student_times = queries.rows(
        db,
        "SELECT * FROM student_times WHERE meeting_id = ? ORDER BY rowid",
        [meeting_id],
    )
    if student_times:
        out += ["", "| Student | Time box | Actual |", "|---|---|---|"]
        for row in student_times:
            who = queries.student_names(db, [row["student_id"]]).get(
                row["student_id"], row["student_id"]
            )
            out.append(
                f"| {who} | {_minutes(row['planned_seconds'])} | "
                f"{_minutes(row['actual_seconds'])} |"
            )

    out += ["", "## Previous items", ""]
    if not reviewed:
        out.append("No open items from earlier meetings.")
    for item in reviewed:
        who = f" ({names[item['student_id']]})" if item["student_id"] else ""
        out.append(
            f"- {item['what']}{who}: owner {item['owner']}, due "
            f"{item['due_date'] or '-'}; implementation "
            f"{vocabulary.label('implementation', item['implementation']) or '-'}; "
            f"effectiveness "
            f"{vocabulary.label('effectiveness', item['effectiveness']) or '-'}; "
            f"{_outcome(item)}"
        )

    out += ["", "## Students", ""]
    by_student: dict[str, list[dict]] = {}
    for decision in decisions:
        by_student.setdefault(decision["student_id"], []).append(decision)
    if not decisions:
        out.append("No decisions recorded.")
    for student_id, student_decisions in by_student.items():
        out.append(f"### {names.get(student_id, student_id)} ({student_id})")
        out.append("")
        for decision in student_decisions:
            out.append(
                f"- Decision: {vocabulary.label('decisions', decision['kind'])}"
                f" (recorded by {decision['recorded_by']} at "
                f"{decision['recorded_at']})"
            )
            if decision["rationale"]:
                out.append(f"  - Rationale: {decision['rationale']}")
        for item in items:
            if item["student_id"] == student_id:
                out.append(
                    f"- Action: {item['what']}: {item['owner']}, by "
                    f"{item['due_date'] or 'no date'}"
                )
        out.append("")

    if notes:
        out += ["## Notes", ""]
        for note in notes:
            restricted = " (restricted)" if note["restricted"] else ""
            out.append(f"- [{note['step_id']}]{restricted} {note['text']}")
        out.append("")

    answers = queries.rows(
        db,
        "SELECT * FROM evaluations WHERE meeting_id = ? ORDER BY position",
        [meeting_id],
    )
    out += ["## Meeting evaluation", ""]
    if not answers:
        out.append("Not answered.")
    for row in answers:
        answer = vocabulary.label("evaluation_answers", row["answer"])
        out.append(f"- {row['question']} {answer}")

    out += ["", "## Recap: who does what for whom, by when", ""]
    live = [i for i in items if i["status"] != "closed"]
    if not live:
        out.append("No action items.")
    else:
        out += ["| Who | What | For whom | By when |", "|---|---|---|---|"]
        for item in sorted(live, key=lambda i: (i["owner"], i["due_date"] or "")):
            whom = (
                names.get(item["student_id"], "the team")
                if item["student_id"]
                else "the team"
            )
            out.append(
                f"| {item['owner']} | {item['what']} | {whom} | "
                f"{item['due_date'] or '-'} |"
            )
    out.append("")
    return "\n".join(out)


def _outcome(item: dict) -> str:
    if item.get("outcome") == "closed":
        return "closed"
    if item.get("outcome") == "carried":
        return "carried forward"
    return "not reviewed"
