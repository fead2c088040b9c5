"""Protocols about one student: opened on the student, resumed on the student."""

import pytest

from mtss_tui.services.meeting import MeetingError, MeetingSession
from mtss_tui.services.school import School
from mtss_tui.services.teams import team_of_student
from mtss_tui.store.audit import Recorder


def open_on(db, settings, clock, protocol, student=None):
    return MeetingSession.open(
        Recorder(db, "R. Alder"),
        settings,
        "grade-3",
        protocol,
        now=clock,
        student=student,
    )


def test_a_student_protocol_needs_its_student(sample_db, settings, clock):
    with pytest.raises(MeetingError, match="about one student: give --student"):
        open_on(sample_db, settings, clock, "initial")
    with pytest.raises(MeetingError, match="team meeting; it takes no --student"):
        open_on(sample_db, settings, clock, "tips", "S3022")
    with pytest.raises(MeetingError, match="no student 'S9999'"):
        open_on(sample_db, settings, clock, "sst", "S9999")
    assert (
        list(sample_db.query("SELECT * FROM meetings WHERE status != 'closed'")) == []
    )


def test_a_student_meeting_is_about_that_student_only(sample_db, settings, clock):
    session = open_on(sample_db, settings, clock, "initial", "S3022")
    session.begin()

    [record] = list(
        sample_db.query(
            "SELECT meeting_id, student_id, protocol FROM meetings WHERE status = "
            "'in_progress'"
        )
    )
    assert record["student_id"] == "S3022" and record["protocol"] == "initial"
    assert record["meeting_id"].endswith("-grade-3-S3022")
    queue = session.review_queue(School(sample_db, settings))
    assert [entry.student_id for entry in queue] == ["S3022"]

    session.add_note("Reads slowly aloud")
    [note] = list(sample_db.query("SELECT student_id, step_id FROM notes"))
    assert (note["student_id"], note["step_id"]) == ("S3022", "concerns")


def test_the_team_meeting_and_a_student_meeting_resume_apart(
    sample_db, settings, clock
):
    team = open_on(sample_db, settings, clock, "tips")
    team.begin()
    student = open_on(sample_db, settings, clock, "sst", "S3022")
    student.begin()
    student.release()
    team.release()

    assert open_on(sample_db, settings, clock, None).meeting_id == team.meeting_id
    again = open_on(sample_db, settings, clock, None, "S3022")
    assert again.meeting_id == student.meeting_id
    assert again.protocol.name == "sst"


def test_a_step_offers_only_its_decisions(sample_db, settings, clock):
    session = open_on(sample_db, settings, clock, "sst", "S3022")
    session.begin()
    for _ in range(3):
        session.next_step()
    assert session.step.id == "plan"
    assert [choice for _, choice in session.decision_choices()] == [
        "continue",
        "intensify",
        "modify",
        "move_tier",
        "refer_evaluation",
    ]
    card = School(sample_db, settings).card("S3022")
    with pytest.raises(MeetingError, match="unknown decision 'exit'"):
        session.record_decision("S3022", "exit", "Goal met", card)


def test_the_team_of_a_student_is_the_one_holding_their_grade(sample_db):
    assert team_of_student(sample_db, "S3022") == "grade-3"
    assert team_of_student(sample_db, "S2001") == "grade-2"


def test_a_student_meeting_reviews_and_prints_that_students_items_only(
    sample_db, sample_path, settings, clock
):
    # The grade-3 meeting of 2026-11-13 left four open items, one of them for
    # S3018 (sample_data/history/action_items.csv); the others are another
    # student's or the team's.
    session = open_on(sample_db, settings, clock, "sst", "S3018")
    assert {i["student_id"] for i in session.previous_items()} == {"S3018"}

    session.begin()
    path = session.close(sample_path)
    minutes = path.read_text()
    others = sample_db.execute(
        "SELECT what FROM action_items WHERE meeting_id = 'M-2026-11-13-grade-3' "
        "AND status = 'open' AND coalesce(student_id, '') != 'S3018'"
    ).fetchall()
    assert others and not any(what in minutes for (what,) in others)
