"""A scripted TIPS meeting, and its minutes compared line by line.

A small team of four, no student data: the minutes hold only what the script
records, so `fixtures/minutes_tips_expected.md` is written from the script.
The first meeting (2026-11-20) defines a problem; the second (2026-12-04,
the one compared) reviews it, defines another and closes.
"""

from datetime import date, datetime, timedelta
from pathlib import Path

from mtss_tui.reports.minutes import render_minutes
from mtss_tui.services.meeting import MeetingSession
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder

EXPECTED = Path(__file__).parent / "fixtures" / "minutes_tips_expected.md"

STAFF = [
    ("T1", "Ada Ash"),
    ("T2", "Ben Birch"),
    ("T3", "Cora Cedar"),
    ("T4", "Dev Dune"),
]


def small_school(path):
    db = open_db(path)
    with db.atomic():
        db.execute(
            "INSERT INTO teams (team, title, grades) "
            "VALUES ('tier2', 'Tier 2 team', '4')"
        )
        for staff_id, name in STAFF:
            db.execute("INSERT INTO staff VALUES (?, ?, '')", [staff_id, name])
            db.execute("INSERT INTO team_members VALUES ('tier2', ?)", [staff_id])
    return db


def fake_time(clock, start: datetime):
    """The recorder's timestamps follow the fake clock (it starts at 1000 s)."""
    return lambda: (start + timedelta(seconds=clock.now - 1000)).isoformat()


def first_meeting(db, settings, clock, path):
    recorder = Recorder(
        db, "M. Minutes", now=fake_time(clock, datetime(2026, 11, 20, 15))
    )
    session = MeetingSession.open(
        recorder, settings, "tier2", today=date(2026, 11, 20), now=clock
    )
    session.begin()
    session.next_step()
    session.next_step()  # New concerns
    session.record_problem(
        {
            "what": "Running in the hall",
            "who": "Grade 4 students",
            "location": "Main hall",
            "timing": "After lunch recess",
            "how_often": "About 6 times a week",
            "why": "To get back to class first (peer attention)",
            "goal": "At most 2 a week",
            "goal_date": "2027-01-15",
            "fidelity_measure": "Hall monitor checklist, weekly, Ben Birch",
            "effectiveness_measure": "Hall referrals per week, at each meeting",
        },
        [
            {
                "category": "teach",
                "what": "Teach walking in the hall",
                "owner": "Ada Ash",
                "due": "2026-11-27",
            },
            {
                "category": "reward",
                "what": "Tickets for walking",
                "owner": "Ben Birch",
                "due": "2026-12-04",
            },
        ],
    )
    session.close(path)


def test_the_minutes_of_a_scripted_tips_meeting(tmp_path, settings, clock):
    path = tmp_path / "school.db"
    db = small_school(path)
    first_meeting(db, settings, clock, path)
    clock.now = 1000.0

    recorder = Recorder(
        db, "M. Minutes", now=fake_time(clock, datetime(2026, 12, 4, 15))
    )
    session = MeetingSession.open(
        recorder, settings, "tier2", today=date(2026, 12, 4), now=clock
    )
    # Set-up: Ada is away, so Ben, her backup, facilitates.
    session.set_role("facilitator", "T1")
    session.set_role("facilitator", "T2", backup=True)
    session.set_role("minute_taker", "T3")
    session.set_role("data_analyst", "T4")
    session.set_role("data_analyst", "T3", backup=True)
    session.set_present("T1", False)
    session.begin()

    # Previous items, 9 of 10 minutes: the problem, then its two actions.
    [problem] = session.problems_to_review()
    session.review_problem(problem["problem_id"], implementation="partial")
    session.review_problem(problem["problem_id"], effectiveness="improved")
    teach, reward = (a["item_id"] for a in problem["actions"])
    session.review_item(teach, implementation="fidelity", effectiveness="improved")
    session.review_item(teach, outcome="closed")
    session.review_item(reward, implementation="partial")
    session.review_item(reward, outcome="carried", carry={"due": "2026-12-18"})
    clock.advance(9 * 60)
    session.next_step()

    # Student review, 1 of 30 minutes: nobody flagged in this school.
    clock.advance(60)
    session.next_step()

    # New concerns, 8 of 10 minutes.
    session.record_problem(
        {
            "what": "Late to class after lunch",
            "who": "Six grade 4 students",
            "location": "Cafeteria to classrooms",
            "timing": "12:30 to 12:40",
            "how_often": "3 days a week",
            "why": "Avoiding the start of maths (escape)",
            "goal": "Late at most 1 day a week",
            "goal_date": "2027-01-29",
            "fidelity_measure": "Teacher log of the warm-up, daily, Cora Cedar",
            "effectiveness_measure": "Late arrivals per week, monthly",
        },
        [
            {
                "category": "prompt",
                "what": "Two-minute bell in the cafeteria",
                "owner": "Cora Cedar",
                "due": "2026-12-11",
            }
        ],
    )
    session.add_note("The bus line at 3:05 is crowded")
    session.add_note("A family matter at home", restricted=True)
    clock.advance(8 * 60)
    session.next_step()

    # Administrative items, 4 of 5 minutes.
    session.add_action_item("Share the duty rota", "Dev Dune", "2026-12-11")
    clock.advance(4 * 60)
    session.next_step()

    # Evaluation, 3 of 5 minutes; Cora left before the end.
    for position, answer in enumerate(["yes", "so_so", "yes", "no"]):
        session.answer_evaluation(position, answer)
    session.set_next_meeting("2026-12-18")
    session.set_present_at_end("T3", False)
    clock.advance(3 * 60)
    session.close(path)

    got = render_minutes(db, session.meeting_id, settings.vocabulary).splitlines()
    expected = EXPECTED.read_text(encoding="utf-8").splitlines()
    for number, (line, want) in enumerate(zip(got, expected, strict=False), 1):
        assert line == want, f"line {number}"
    assert len(got) == len(expected)


def test_the_team_copy_shows_restricted_notes(tmp_path, settings, clock):
    path = tmp_path / "school.db"
    db = small_school(path)
    session = MeetingSession.open(
        Recorder(db, "M. Minutes"),
        settings,
        "tier2",
        today=date(2026, 12, 4),
        now=clock,
    )
    session.begin()
    session.add_note("A family matter at home", restricted=True)

    shared = render_minutes(db, session.meeting_id, settings.vocabulary)
    team = render_minutes(db, session.meeting_id, settings.vocabulary, True)

    assert "- [previous] (restricted note, not shown)" in shared.splitlines()
    assert "A family matter" not in shared
    assert "- [previous] (restricted) A family matter at home" in team.splitlines()
