"""Running a meeting well: backups, the end of the meeting, the queue, problems."""

from datetime import date

import pytest

from mtss_tui.domain.timebox import StudentBox, forecast
from mtss_tui.services.meeting import MeetingError, MeetingSession
from mtss_tui.services.school import School
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder

TODAY = date(2026, 12, 4)


def open_session(db, settings, clock, actor="tester"):
    return MeetingSession.open(
        Recorder(db, actor), settings, "grade-3", today=TODAY, now=clock
    )


@pytest.fixture
def session(sample_db, settings, clock):
    return open_session(sample_db, settings, clock)


# Roles: a primary and a backup.


def test_the_backup_takes_the_role_when_the_primary_is_absent(session):
    first, second, third = (m["staff_id"] for m in session.members()[:3])
    session.set_role("facilitator", first)
    session.set_role("facilitator", second, backup=True)
    session.set_role("minute_taker", third)
    assert session.roles() == {"facilitator": first, "minute_taker": third}

    session.set_present(first, False)

    assert session.roles() == {"facilitator": second, "minute_taker": third}
    assert session.backups_acting() == [("facilitator", first, second)]
    stored = session.db.execute(
        "SELECT role, backup, staff_id FROM meeting_roles WHERE meeting_id = ? "
        "ORDER BY role, backup",
        [session.meeting_id],
    ).fetchall()
    # The assignment is kept: the minutes say who was meant to hold the role.
    assert stored == [
        ("facilitator", 0, first),
        ("facilitator", 1, second),
        ("minute_taker", 0, third),
    ]


def test_a_member_is_never_primary_and_backup_of_one_role(session):
    first = session.members()[0]["staff_id"]
    session.set_role("timekeeper", first)
    session.set_role("timekeeper", first, backup=True)
    assert session.role_assignments() == {"timekeeper": {"backup": first}}


def test_an_absent_member_gets_no_role(session):
    first = session.members()[0]["staff_id"]
    session.set_present(first, False)
    with pytest.raises(MeetingError, match="present"):
        session.set_role("facilitator", first, backup=True)


# Attendance at the start and at the end.


def test_the_end_marks_default_to_the_start_and_are_stored_at_close(
    session, sample_path
):
    members = [m["staff_id"] for m in session.members()]
    session.set_present(members[0], False)
    session.begin()
    session.set_present_at_end(members[1], False)  # left before the end

    session.close(sample_path)

    db = open_db(sample_path, readonly=True)
    marks = {
        r["staff_id"]: (r["present"], r["present_at_end"])
        for r in db.query(
            "SELECT * FROM meeting_attendance WHERE meeting_id = ?",
            [session.meeting_id],
        )
    }
    assert marks[members[0]] == (0, 0)
    assert marks[members[1]] == (1, 0)
    assert all(marks[m] == (1, 1) for m in members[2:])


# The queue: time boxes, skip, reorder, projected overrun.


def test_the_projection_of_the_example():
    # 7 students × 5 min = 35 min needed; 22 min left in the step: 13 over.
    result = forecast([StudentBox(300)] * 7, 22 * 60)
    assert result.needed == 2100 and result.over == 780
    assert result.text() == (
        "7 students left × 5 min = 35 min > 22 min left in the step: over by 13 min"
    )


def test_the_projection_counts_what_is_left_of_a_started_box():
    # 3 min left of the first box + 2 untouched 5-min boxes = 13 min, 20 left.
    result = forecast([StudentBox(300, 120), StudentBox(300), StudentBox(300)], 1200)
    assert result.needed == 780 and not result.overrun
    assert result.text() == (
        "3 students left, time boxes 13 min, fits in the 20 min left in the step"
    )


def test_skip_and_reorder_survive_a_resume(sample_db, settings, clock):
    session = open_session(sample_db, settings, clock)
    session.begin()
    school = School(sample_db, settings)
    ranked = [e.student_id for e in school.queue("grade-3")]
    a, b, c = ranked[:3]

    session.skip_student(ranked, a)  # a goes to the end, marked skipped
    session.move_student(ranked, c, -1)  # c moves above b
    session.extend_student(ranked, b)  # b's box: 5 + 1 = 6 minutes
    session.release()

    again = open_session(sample_db, settings, clock, actor="other")
    order = again.review_order(ranked)
    assert [p.student_id for p in order][:2] == [c, b]
    assert order[-1].student_id == a and order[-1].skipped
    assert [p.student_id for p in order if p.skipped] == [a]
    assert again.student_box(b) == 360


def test_the_forecast_of_the_queue_in_a_meeting(sample_db, settings, clock):
    session = open_session(sample_db, settings, clock)
    session.begin()
    session.next_step()  # student review, 30 min
    ranked = [e.student_id for e in School(sample_db, settings).queue("grade-3")]
    session.focus_student(ranked[0])
    clock.advance(20 * 60)

    result = session.queue_forecast(ranked)

    # The first student has used all of their 5 min (20 min on the card), so
    # the others need 5 min each: (n - 1) × 300 s, against 10 min left.
    assert result.students == len(ranked)
    assert result.needed == (len(ranked) - 1) * 300
    assert result.step_left == 600
    assert result.over == max(0, (len(ranked) - 1) * 300 - 600)


# TIPS problems.

PROBLEM = {
    "what": "Pushing in line",
    "who": "Six second graders",
    "location": "Hall to the cafeteria",
    "timing": "11:40 to 11:50",
    "how_often": "4 times a week",
    "why": "To get to the front of the lunch line (gain access)",
    "goal": "At most 1 a week",
    "goal_date": "2027-01-29",
    "fidelity_measure": "Duty teacher checklist, weekly, R. Alder",
    "effectiveness_measure": "Referrals for pushing per week, monthly",
}


def test_a_problem_is_stored_with_its_actions_and_reviewed_next_time(
    sample_db, settings, clock, sample_path
):
    session = open_session(sample_db, settings, clock)
    session.begin()
    owner = session.members()[0]["name"]
    problem_id = session.record_problem(
        PROBLEM,
        [
            {
                "category": "teach",
                "what": "Teach lining up",
                "owner": owner,
                "due": "2026-12-11",
            },
            {
                "category": "reward",
                "what": "Points for a calm line",
                "owner": owner,
                "due": "2026-12-18",
            },
        ],
    )
    stored = session.db.execute(
        "SELECT what, location, goal_date FROM problems WHERE problem_id = ?",
        [problem_id],
    ).fetchone()
    assert stored == ("Pushing in line", "Hall to the cafeteria", "2027-01-29")
    actions = session.new_problems()[0]["actions"]
    assert [(a["category"], a["what"], a["due_date"]) for a in actions] == [
        ("teach", "Teach lining up", "2026-12-11"),
        ("reward", "Points for a calm line", "2026-12-18"),
    ]
    audited = {
        r[0]
        for r in session.db.execute(
            "SELECT table_name FROM audit WHERE meeting_id = ?", [session.meeting_id]
        )
    }
    assert {"problems", "problem_actions", "action_items"} <= audited
    session.close(sample_path)

    later = MeetingSession.open(
        Recorder(sample_db, "tester"),
        settings,
        "grade-3",
        today=date(2026, 12, 18),
        now=clock,
    )
    [review] = later.problems_to_review()
    assert review["goal"] == "At most 1 a week"
    assert [a["status"] for a in review["actions"]] == ["open", "open"]
    later.review_problem(problem_id, implementation="partial")
    later.review_problem(problem_id, effectiveness="improved")
    [review] = later.problems_to_review()
    assert (review["implementation"], review["effectiveness"]) == (
        "partial",
        "improved",
    )


def test_a_problem_needs_a_precise_statement(session):
    session.begin()
    with pytest.raises(MeetingError, match="needs: location, timing"):
        session.record_problem(
            {**PROBLEM, "location": "", "timing": " "},
            [{"category": "teach", "what": "x", "owner": "y", "due": "2026-12-11"}],
        )
    with pytest.raises(MeetingError, match="unknown category"):
        session.record_problem(
            PROBLEM, [{"category": "punish", "what": "x", "owner": "y"}]
        )
