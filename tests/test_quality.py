"""Meeting quality over a scripted series of three grade-3 meetings."""

import json
from datetime import date, datetime

import pytest

from mtss_tui.cli import main
from mtss_tui.services.meeting import MeetingSession
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder

ROLES = ["facilitator", "minute_taker", "data_analyst", "timekeeper"]


def hold_meeting(
    db, path, settings, clock, day, start, *, absent, roles, minutes, next_meeting=None
):
    """A TIPS meeting: who is away, the roles, minutes spent per step, closing."""
    session = MeetingSession.open(
        Recorder(db, "R. Alder"),
        settings,
        "grade-3",
        today=date.fromisoformat(day),
        now=clock,
        wall=lambda: datetime.fromisoformat(f"{day}T{start}"),
    )
    session.today = lambda: date.fromisoformat(day)
    members = [m["staff_id"] for m in session.members()]
    for staff_id in members[:absent]:
        session.set_present(staff_id, False)
    for role, staff_id in zip(roles, members[absent:], strict=False):
        session.set_role(role, staff_id)
    session.begin()
    for n, spent in enumerate(minutes):
        clock.advance(spent * 60)
        if n < len(minutes) - 1:
            session.next_step()
    for position, answer in enumerate(["yes", "so_so", "yes", "no"]):
        session.answer_evaluation(position, answer)
    if next_meeting:
        session.set_next_meeting(*next_meeting)
    session.close(path)
    return session.meeting_id


@pytest.fixture
def three_meetings(sample_db, sample_path, settings, clock):
    # TIPS plans 10 + 30 + 10 + 5 + 5 = 60 minutes.
    first = hold_meeting(
        sample_db,
        sample_path,
        settings,
        clock,
        "2026-12-07",
        "07:45:00",
        absent=0,
        roles=ROLES,
        minutes=[10, 30, 10, 5, 5],  # 60: on time
        next_meeting=("2026-12-14", "07:45"),
    )
    second = hold_meeting(
        sample_db,
        sample_path,
        settings,
        clock,
        "2026-12-14",
        "07:52:00",
        absent=2,
        roles=ROLES[:1],
        minutes=[12, 30, 10, 5, 4],  # 61: over
        next_meeting=("2026-12-21", "8:00"),
    )
    third = hold_meeting(
        sample_db,
        sample_path,
        settings,
        clock,
        "2026-12-21",
        "08:04:00",
        absent=1,
        roles=ROLES,
        minutes=[10, 28, 10, 5, 6],  # 59: on time
    )
    return first, second, third


def test_each_meeting_keeps_its_foundations(sample_db, three_meetings):
    rows = {
        r["meeting_id"]: r for r in sample_db.query("SELECT * FROM meeting_quality")
    }
    first, second, third = (rows[m] for m in three_meetings)

    # No earlier meeting set a start time for the first: unknown, not guessed.
    assert first["started_on_time"] == "unknown"
    assert first["start_minutes_late"] is None
    # 07:52 against 07:45 is 7 minutes late, over the 5 allowed.
    assert (second["started_on_time"], second["start_minutes_late"]) == ("no", 7)
    # 08:04 against 08:00 (typed "8:00") is 4 minutes late.
    assert (third["started_on_time"], third["start_minutes_late"]) == ("yes", 4)

    # Six members: 6/6 = 1.0, 4/6 = 0.667 (under 0.75), 5/6 = 0.833.
    assert [r["present_at_start"] for r in (first, second, third)] == [
        "yes",
        "no",
        "yes",
    ]
    assert second["share_present_at_start"] == pytest.approx(4 / 6)
    # Nobody marked a member leaving: each end mark is the start mark.
    assert [r["present_at_end"] for r in (first, second, third)] == [
        "yes",
        "no",
        "yes",
    ]

    assert second["roles_filled"] == "no"
    assert second["roles_missing"] == "minute_taker,data_analyst,timekeeper"
    # 60 of 60 planned minutes is on time; 61 is over; 59 is on time.
    assert [r["actual_seconds"] for r in (first, second, third)] == [3600, 3660, 3540]
    assert [r["ended_on_time"] for r in (first, second, third)] == ["yes", "no", "yes"]
    assert [r["next_meeting_scheduled"] for r in (first, second, third)] == [
        "yes",
        "yes",
        "no",
    ]
    assert json.loads(first["evaluation"]) == {
        "Was today's meeting a good use of our time?": "yes",
        "Did we track whether we completed the tasks we agreed on?": "so_so",
        "Did we actually complete those tasks?": "yes",
        "Are the completed tasks having the desired effect on students?": "no",
    }
    audited = sample_db.query(
        "SELECT row_key FROM audit WHERE table_name = 'meeting_quality'"
    )
    assert sorted(r["row_key"] for r in audited) == sorted(three_meetings)


def test_quality_json_gives_the_share_met_oldest_first(
    sample_path, three_meetings, capsys
):
    assert (
        main(
            [
                "quality",
                "--db",
                str(sample_path),
                "--team",
                "grade-3",
                "--format",
                "json",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)

    assert [m["meeting_id"] for m in report["meetings"]] == list(three_meetings)
    shares = {name: (s["met"], s["known"]) for name, s in report["shares"].items()}
    assert shares == {
        "started_on_time": (1, 2),  # second no, third yes; first unknown
        "present_at_start": (2, 3),
        "present_at_end": (2, 3),  # as at the start: nobody left early
        "roles_filled": (2, 3),
        "ended_on_time": (2, 3),
        "next_meeting_scheduled": (2, 3),
    }
    assert report["shares"]["roles_filled"]["share"] == pytest.approx(2 / 3)


def test_quality_table_shows_a_row_per_meeting_and_the_shares(
    sample_path, three_meetings, capsys
):
    assert main(["quality", "--db", str(sample_path), "--team", "grade-3"]) == 0
    lines = capsys.readouterr().out.splitlines()

    assert lines[1].split() == [
        "2026-12-07",
        three_meetings[0],
        "?",
        "yes",
        "yes",
        "yes",
        "yes",
        "yes",
        "yes/so_so/yes/no",
    ]
    assert lines[2].split()[2:8] == ["no", "no", "no", "no", "no", "yes"]
    assert lines[4].split() == [
        "share",
        "met",
        "1/2",
        "2/3",
        "2/3",
        "2/3",
        "2/3",
        "2/3",
    ]


def test_a_start_time_that_is_not_a_time_is_refused(sample_db, settings, clock):
    from mtss_tui.services.meeting import MeetingError

    session = MeetingSession.open(
        Recorder(sample_db, "R. Alder"), settings, "grade-3", now=clock
    )
    with pytest.raises(MeetingError, match="expected HH:MM"):
        session.set_next_meeting("2099-01-05", "quarter to eight")


def facts(**changes):
    from mtss_tui.domain.quality import MeetingFacts

    given = {
        "members": 8,
        "present_at_start": 6,
        "present_at_end": 5,
        "roles_needed": ("facilitator", "minute_taker"),
        "roles_held": frozenset({"facilitator", "minute_taker"}),
        "planned_seconds": 3600,
        "actual_seconds": 3600,
        "started_at": datetime(2026, 12, 7, 7, 50),
        "scheduled_start": datetime(2026, 12, 7, 7, 45),
        "next_meeting_date": "2026-12-14",
    }
    return MeetingFacts(**{**given, **changes})


def test_the_edges_of_each_foundation():
    from mtss_tui.domain.quality import assess

    edge = assess(facts())
    # 07:50 against 07:45 is 5 minutes late: still on time.
    assert (edge.started_on_time, edge.start_minutes_late) == ("yes", 5)
    # 6 of 8 is 75%: met; 5 of 8 at the end is 62.5%: missed.
    assert (edge.present_at_start, edge.share_present_at_start) == ("yes", 0.75)
    assert (edge.present_at_end, edge.share_present_at_end) == ("no", 0.625)
    assert edge.ended_on_time == "yes"  # 3600 of 3600 seconds

    late = assess(
        facts(started_at=datetime(2026, 12, 7, 7, 50, 1), actual_seconds=3601)
    )
    assert (late.started_on_time, late.ended_on_time) == ("no", "no")
    early = assess(facts(started_at=datetime(2026, 12, 7, 7, 40)))
    assert early.started_on_time == "yes"  # starting early is not late
    untimed = assess(facts(actual_seconds=None, present_at_end=None))
    assert (untimed.ended_on_time, untimed.present_at_end) == ("unknown", "unknown")


def test_end_attendance_is_read_when_the_database_records_it(
    sample_db, sample_path, settings, clock
):
    """Once attendance has a present_at_end mark, the end share is judged on it."""
    session = MeetingSession.open(
        Recorder(sample_db, "R. Alder"), settings, "grade-3", now=clock
    )
    session.begin()
    members = [m["staff_id"] for m in session.members()]
    for n, staff_id in enumerate(members):
        sample_db.execute(
            "UPDATE meeting_attendance SET present_at_end = ? "
            "WHERE meeting_id = ? AND staff_id = ?",
            [int(n >= 2), session.meeting_id, staff_id],
        )
    session.close(sample_path)
    [row] = sample_db.query(
        "SELECT present_at_end, share_present_at_end FROM meeting_quality "
        "WHERE meeting_id = ?",
        [session.meeting_id],
    )
    # Two of the six members left early: 4 / 6 = 0.667, under 0.75.
    assert row["present_at_end"] == "no"
    assert row["share_present_at_end"] == pytest.approx(4 / 6)


async def test_the_review_shows_each_meetings_foundations(
    sample_db, sample_path, settings, three_meetings
):
    from textual.widgets import DataTable

    from mtss_tui.services.review import Reviewer
    from mtss_tui.tui.review.app import ReviewApp

    sample_db.conn.commit()
    app = ReviewApp(Reviewer(open_db(sample_path, readonly=True), settings.vocabulary))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one("#quality", DataTable)
        rows = [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]
        # The three scripted meetings, worked out above: the second started 7
        # minutes late, had 4 of 6 at the start and end, one role, ran over.
        assert [r[2] for r in rows] == list(three_meetings)
        assert rows[1][3:] == ["NO", "NO", "NO", "NO", "NO", "yes"]
        assert rows[0][3] == "?"  # no start time was set before the first
        status = str(app.screen.query_one("#quality-status").render())
        assert "grade-3: on time 1/2, 75% start 2/3, 75% end 2/3, roles 2/3" in status
        assert "read-only" in app.screen.title
