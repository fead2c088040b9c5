"""The rules entries follow: what a meeting accepts, corrects and refuses."""

from datetime import date, timedelta

import pytest

from mtss_tui.services.meeting import MeetingError, MeetingSession
from mtss_tui.services.school import School
from mtss_tui.store.audit import Recorder

SOON = (date.today() + timedelta(days=10)).isoformat()


@pytest.fixture
def session(sample_db, settings, clock):
    opened = MeetingSession.open(
        Recorder(sample_db, "tester"), settings, "grade-3", now=clock
    )
    opened.begin()
    return opened


def card_of_first(session, settings):
    school = School(session.db, settings)
    entry = school.queue("grade-3")[0]
    return entry.student_id, school.card(entry.student_id)


def test_a_second_decision_corrects_the_first(session, settings):
    student, card = card_of_first(session, settings)
    first = session.record_decision(student, "continue", "On the aim line", card)
    again = session.record_decision(student, "intensify", "Four points below", card)

    rows = list(
        session.db.query(
            "SELECT decision_id, kind, rationale FROM decisions WHERE meeting_id = ?",
            [session.meeting_id],
        )
    )
    assert first == again
    assert rows == [
        {"decision_id": first, "kind": "intensify", "rationale": "Four points below"}
    ]
    actions = [
        a["action"]
        for a in session.db.query(
            "SELECT action FROM audit WHERE table_name = 'decisions' AND row_key = ?",
            [str(first)],
        )
    ]
    assert actions == ["insert", "update"]
    # The first version is kept, with when it was replaced.
    revisions = list(
        session.db.query(
            "SELECT kind, rationale FROM decision_revisions WHERE decision_id = ?",
            [first],
        )
    )
    assert revisions == [{"kind": "continue", "rationale": "On the aim line"}]


def test_a_decision_needs_a_known_kind_and_a_rationale(session, settings):
    student, card = card_of_first(session, settings)
    with pytest.raises(MeetingError, match="needs its rationale"):
        session.record_decision(student, "continue", "   ", card)
    with pytest.raises(MeetingError, match="unknown decision 'wait'; valid: continue"):
        session.record_decision(student, "wait", "because", card)


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("2020-01-01", "due date 2020-01-01: is in the past"),
        ("2026-02-30", "due date '2026-02-30': there is no such day"),
        ("tomorrow", "due date 'tomorrow': expected a date as YYYY-MM-DD"),
    ],
)
def test_due_dates_are_real_days_ahead(session, due, message):
    with pytest.raises(MeetingError, match=message):
        session.add_action_item("Call home", "Opal Inkwhistle", due)


def test_carry_close_carry_leaves_one_open_copy(session):
    item = session.previous_items()[0]
    session.review_item(
        item["item_id"],
        outcome="carried",
        carry={"what": item["what"], "owner": item["owner"], "due": SOON},
    )
    session.review_item(item["item_id"], outcome="closed")
    assert (
        session.db.execute(
            "SELECT count(*) FROM action_items WHERE carried_from = ?",
            [item["item_id"]],
        ).fetchone()[0]
        == 0
    )

    session.review_item(item["item_id"], outcome="carried")
    copies = list(
        session.db.query(
            "SELECT status, due_date, meeting_id FROM action_items "
            "WHERE carried_from = ?",
            [item["item_id"]],
        )
    )
    assert copies == [
        {"status": "open", "due_date": None, "meeting_id": session.meeting_id}
    ]
    [original] = session.db.query(
        "SELECT status FROM action_items WHERE item_id = ?", [item["item_id"]]
    )
    assert original["status"] == "carried"


def test_roles_go_to_present_members_only(sample_db, settings, clock):
    session = MeetingSession.open(
        Recorder(sample_db, "t"), settings, "grade-3", now=clock
    )
    first, second = session.members()[:2]
    session.set_role("facilitator", first["staff_id"])
    session.set_present(first["staff_id"], False)

    assert session.roles() == {}
    with pytest.raises(MeetingError, match="present"):
        session.set_role("facilitator", first["staff_id"])
    session.set_role("facilitator", second["staff_id"])
    assert session.roles() == {"facilitator": second["staff_id"]}


def test_a_closed_meeting_takes_no_entries(session, tmp_path):
    session.close(tmp_path / "school.db")

    with pytest.raises(MeetingError, match="is closed"):
        session.add_note("after the meeting")
    with pytest.raises(MeetingError, match="is closed"):
        session.add_action_item("Late idea", "Opal Inkwhistle", SOON)
