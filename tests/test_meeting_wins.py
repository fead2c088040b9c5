"""Two meetings of one small team, with the data changing between them: the
norms are recorded when the first step is left, and each meeting's minutes
list exactly the wins worked out by hand."""

from datetime import date, timedelta

from mtss_tui.services.meeting import MeetingSession
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder


def _days(recorder, student_id, first, count, absent=0):
    """`count` school days from `first`, the first `absent` of them missed."""
    for n in range(count):
        status = "absent_unexcused" if n < absent else "present"
        recorder.insert(
            "attendance",
            {
                "student_id": student_id,
                "date": (first + timedelta(days=n)).isoformat(),
                "status": status,
            },
        )


def _score(recorder, student_id, measure, on, value):
    recorder.insert(
        "scores",
        {"student_id": student_id, "measure": measure, "date": on, "value": value},
    )


def _school(recorder):
    """Team t (grade 3): S1 in a reading plan with goal 65, S2 in a second plan."""
    rows = {
        "students": [
            {"student_id": s, "given_name": "G", "family_name": s, "grade": "3"}
            for s in ("S1", "S2")
        ],
        "staff": [{"staff_id": "T1", "name": "Ada"}],
        "teams": [{"team": "t", "title": "Team T", "grades": "3"}],
        "team_members": [{"team": "t", "staff_id": "T1"}],
        "measures": [
            {"measure": "pm", "domain": "academics", "direction": "higher"},
            {
                "measure": "scr",
                "domain": "academics",
                "direction": "higher",
                "kind": "screening",
            },
        ],
        "cut_scores": [{"measure": "scr", "grade": "3", "window": "fall", "cut": 70}],
        "interventions": [
            {
                "intervention_id": "N1",
                "student_id": "S1",
                "name": "Repeated reading",
                "domain": "academics",
                "tier": 2,
                "start_date": "2026-10-01",
                "measure": "pm",
                "goal_value": 65,
            },
            {
                "intervention_id": "N2",
                "student_id": "S2",
                "name": "Reading group",
                "domain": "academics",
                "tier": 2,
                "start_date": "2026-09-01",
            },
        ],
    }
    for table, records in rows.items():
        for row in records:
            recorder.insert(table, row)


def _run(recorder, settings, clock, day, path, during=None):
    session = MeetingSession.open(recorder, settings, "t", today=day, now=clock)
    session.begin()
    session.next_step()  # leaves the first step: the norms are recorded
    if during:
        during(session)
    path = session.close(path)
    return session, path.read_text()


def test_two_meetings_each_list_their_own_wins(tmp_path, settings, clock):
    db = open_db(tmp_path / "t.db")
    recorder = Recorder(db, "tester")
    _school(recorder)
    # Before meeting 1: 10 days from 2026-11-03 to 11-12; S1 misses 2 (80.0%).
    _days(recorder, "S1", date(2026, 11, 3), 10, absent=2)
    _days(recorder, "S2", date(2026, 11, 3), 10)
    _score(recorder, "S1", "pm", "2026-10-20", 50)
    _score(recorder, "S1", "pm", "2026-11-10", 60)  # under the goal 65
    _score(recorder, "S2", "scr", "2026-09-15", 60)  # under the fall cut 70
    _score(recorder, "S2", "scr", "2026-10-20", 72)  # over it: crossed

    def meeting_one(session):
        session.record_decision("S2", "exit", "Over the cut", _Card())
        session.add_action_item("Call home", "Ada", None, "S1")

    first, minutes_one = _run(
        recorder, settings, clock, date(2026, 11, 13), tmp_path / "t.db", meeting_one
    )
    # No earlier meeting: the last 30 days, 2026-10-13 to 2026-11-12 (the last
    # day with attendance). Only S2's screening crossed a cut in that time.
    assert _stored(db, first.meeting_id) == [
        (
            "cut_crossed",
            "S2 scr 72 on 2026-10-20, cut 70 reached (was 60 on 2026-09-15, cut 70)",
        ),
    ]
    assert "## Wins since the last meeting\n\n- S2 scr 72 on 2026-10-20" in (
        minutes_one
    )

    # Between the meetings: 10 more days from 11-14 to 11-23, S1 present on all
    # (18 of 20 days = 90.0%, from 8 of 10 = 80.0% on 11-13); S1 reads 66
    # (goal 65); S2's plan ends on 11-20, after the exit decided on 11-13.
    _days(recorder, "S1", date(2026, 11, 14), 10)
    _days(recorder, "S2", date(2026, 11, 14), 10)
    _score(recorder, "S1", "pm", "2026-11-20", 66)
    recorder.update(
        "interventions", {"intervention_id": "N2"}, {"end_date": "2026-11-20"}
    )

    def meeting_two(session):
        [item] = session.previous_items()
        session.review_item(item["item_id"], effectiveness="goal_met", outcome="closed")

    second, minutes_two = _run(
        recorder, settings, clock, date(2026, 11, 24), tmp_path / "t.db", meeting_two
    )
    # Since 2026-11-13 (meeting 1) to 11-23; S2's crossing on 10-20 is older.
    assert _stored(db, second.meeting_id) == [
        ("goal_met", "S1 pm 66 on 2026-11-20, goal 65 met"),
        ("plan_ended", "S2 Reading group ended 2026-11-20 (exit decided 2026-11-13)"),
        ("item_done", "S1: Call home (Ada) closed 2026-11-24, Goal met"),
        ("attendance", "S1 attendance 90.0% (was 80.0% on 2026-11-13)"),
    ]
    assert "- S1 attendance 90.0% (was 80.0% on 2026-11-13)" in minutes_two
    assert "S2 scr 72" not in minutes_two


def test_leaving_the_first_step_records_the_norms_once(sample_db, settings, clock):
    recorder = Recorder(sample_db, "tester")
    session = MeetingSession.open(recorder, settings, "grade-2", now=clock)
    session.begin()
    assert session.norms_review() is None  # on the first step: not yet read

    session.next_step()
    session.previous_step()
    session.next_step()  # leaving the first step again records nothing new

    rows = list(sample_db.query("SELECT * FROM norms_reviews"))
    audit = list(
        sample_db.query(
            "SELECT action, row_key FROM audit WHERE table_name = 'norms_reviews'"
        )
    )
    assert len(rows) == 1 and rows[0]["meeting_id"] == session.meeting_id
    # grade-2 has the default norms: 1 + 1 + 2 + 2 = 6.
    assert len(session.team_norms()) == 6
    assert audit == [{"action": "insert", "row_key": session.meeting_id}]


class _Card:
    """A stand-in card: a decision stores the card's snapshot."""

    def snapshot(self) -> dict:
        return {}


def _stored(db, meeting_id):
    return [
        (r["kind"], r["text"])
        for r in db.query(
            "SELECT kind, text FROM meeting_wins WHERE meeting_id = ? "
            "ORDER BY position",
            [meeting_id],
        )
    ]
