"""`mtss follow`: a second terminal watches the meeting the facilitator runs."""

import sqlite3
import sys
from datetime import date, timedelta

import pytest

from mtss_tui.cli import main
from mtss_tui.services.follow import Follower, FollowError, choose_meeting
from mtss_tui.services.meeting import MeetingSession
from mtss_tui.services.school import School
from mtss_tui.store import live_meeting, open_db
from mtss_tui.store.audit import Recorder
from mtss_tui.tui.follow import FollowApp

DUE = (date.today() + timedelta(days=14)).isoformat()
PAST_MEETING = "M-2026-11-13-grade-3"
"""The sample school's closed grade-3 meeting."""


@pytest.fixture
def reader(sample_path):
    db = open_db(sample_path, readonly=True)
    yield db
    db.close()


def follow_app(reader, settings, meeting_id, **options) -> FollowApp:
    return FollowApp(Follower(reader, settings, meeting_id), **options)


def text_of(app, selector: str) -> str:
    return str(app.query_one(selector).render())


async def shown(pilot, selector: str, text: str, seconds: float = 5) -> str:
    """The widget's text once it holds `text`; the follower's own poll timer
    does the reading, so this waits on it (bounded, never asserting a time)."""
    for _ in range(int(seconds / 0.1)):
        found = text_of(pilot.app, selector)
        if text in found:
            return found
        await pilot.pause(0.1)
    raise AssertionError(f"{text!r} not in {selector}: {text_of(pilot.app, selector)}")


def first_in_queue(session, settings):
    school = School(session.db, settings)
    entry = school.queue("grade-3")[0]
    return entry, school.card(entry.student_id)


def row_counts(path) -> dict[str, int]:
    db = open_db(path, readonly=True)
    counts = {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in db.table_names()
    }
    db.close()
    return counts


async def test_the_follower_shows_each_entry_as_it_is_recorded(
    session, reader, settings
):
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        title = text_of(app, "#follow-title")
        assert session.meeting_id in title and "read-only" in title
        assert "Grade 3 team" in title
        assert "1/5 Review previous items" in text_of(app, "#clock-bar")
        assert "Nothing recorded yet" in text_of(app, "#entries-title")

        session.next_step()
        entry, card = first_in_queue(session, settings)
        session.focus_student(entry.student_id)
        session.record_decision(
            entry.student_id, "intensify", "Four points below the aim line", card
        )
        session.add_action_item(
            "Add a fourth session", "Opal Inkwhistle", DUE, entry.student_id
        )
        session.add_note("Private family matter", restricted=True)
        session.add_note("Bus times change in March")

        bar = await shown(pilot, "#clock-bar", "2/5 Student review")
        assert "student 05:00 left" in bar
        focus = text_of(app, "#focus")
        assert f"On the card: {entry.student_id} {entry.name}" in focus
        assert entry.flags[0].reason in focus
        entries = await shown(pilot, "#entries", "Bus times change in March")
        assert f"Decision · {entry.student_id} {entry.name}: Intensify" in entries
        assert "Four points below the aim line" in entries
        assert "Action item" in entries and "Add a fourth session" in entries
        assert f"owner Opal Inkwhistle, due {DUE}" in entries
        assert "R. Alder" in entries
        assert "Private family matter" not in entries
        assert "Recorded so far (3), newest last" in text_of(app, "#entries-title")
        # Newest last: the order they were recorded in.
        assert entries.index("Intensify") < entries.index("Add a fourth session")
        assert entries.index("Add a fourth session") < entries.index("Bus times")

        session.next_step()
        session.focus_student(None)  # as the meeting screen does off the review
        await shown(pilot, "#clock-bar", "3/5 New concerns")
        await shown(pilot, "#focus", "No student on the card")


async def test_reviews_of_earlier_items_show_with_their_marks(
    session, reader, settings
):
    item = session.previous_items()[0]
    session.review_item(
        item["item_id"], implementation="partial", effectiveness="goal_met"
    )
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(120, 40)):
        entries = text_of(app, "#entries")
        assert "Item review" in entries
        assert item["what"][:30] in entries
        assert "Partial, Goal met" in entries

    session.review_item(item["item_id"], outcome="closed")
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(120, 40)):
        assert "Partial, Goal met, closed" in text_of(app, "#entries")


def stored_at(sample_db, meeting_id: str) -> float:
    return sample_db.execute(
        "SELECT held_at FROM meetings WHERE meeting_id = ?", [meeting_id]
    ).fetchone()[0]


async def test_the_countdown_moves_every_second_from_the_stored_clock(
    session, reader, settings, sample_db, clock
):
    from tests.conftest import FakeClock

    now = FakeClock(stored_at(sample_db, session.meeting_id))
    app = follow_app(reader, settings, session.meeting_id, now=now, tick=False)
    async with app.run_test(size=(120, 40)):
        bar = app.query_one("#clock-bar")
        assert "10:00 left" in text_of(app, "#clock-bar")

        now.advance(5)
        app.refresh_clock()
        assert "09:55 left" in text_of(app, "#clock-bar")
        assert "meeting 59:55 left" in text_of(app, "#clock-bar")
        assert bar.has_class("-ok")

        # Nine minutes on, the facilitator stores its clock, as it does every
        # two seconds; five seconds after that the follower reads 00:55 left.
        clock.advance(9 * 60)
        session.checkpoint()
        now.now = stored_at(sample_db, session.meeting_id) + 5
        app.poll()
        app.refresh_clock()
        assert "00:55 left" in text_of(app, "#clock-bar")
        assert bar.has_class("-warning")


async def test_pause_overtime_and_a_silent_facilitator(
    session, reader, settings, sample_db, clock
):
    from tests.conftest import FakeClock

    clock.advance(10 * 60 + 30)  # the facilitator's step ran 30 s over
    session.checkpoint()
    now = FakeClock(stored_at(sample_db, session.meeting_id))
    app = follow_app(reader, settings, session.meeting_id, now=now, tick=False)
    async with app.run_test(size=(120, 40)):
        bar = app.query_one("#clock-bar")
        assert "+00:30 over" in text_of(app, "#clock-bar")
        assert bar.has_class("-overtime")

        session.toggle_pause()
        app.poll()
        assert "PAUSED · +00:30 over" in text_of(app, "#clock-bar")
        now.advance(3)
        app.refresh_clock()
        assert "PAUSED · +00:30 over" in text_of(app, "#clock-bar")

        # Running again, then no word from the facilitator's screen: the
        # clock stands where it was last stored.
        session.toggle_pause()
        now.now = stored_at(sample_db, session.meeting_id)
        app.poll()
        now.advance(60)
        app.refresh_clock()
        assert "+00:30 over" in text_of(app, "#clock-bar")
        assert "No word from the facilitator's screen" in text_of(app, "#follow-status")


async def test_a_closed_meeting_shows_its_final_state(reader, settings):
    app = follow_app(reader, settings, PAST_MEETING)
    async with app.run_test(size=(120, 40)):
        assert "CLOSED" in text_of(app, "#clock-bar")
        assert "This meeting is closed" in text_of(app, "#follow-status")
        entries = text_of(app, "#entries")
        assert "Decision" in entries and "Action item" in entries


async def test_closing_the_meeting_shows_on_the_follower(
    session, reader, settings, sample_path
):
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        session.close(sample_path)
        bar = await shown(pilot, "#clock-bar", "CLOSED · ended on step 1/5")
        assert "Review previous items" in bar
        assert "This meeting is closed" in text_of(app, "#follow-status")


async def test_the_follower_cannot_write_and_changes_nothing(
    session, sample_path, settings
):
    before = row_counts(sample_path)
    reader = open_db(sample_path, readonly=True)
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.6)  # a few polls
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            app.follower.db.execute(
                "INSERT INTO notes (meeting_id, step_id, text, recorded_at) "
                "VALUES (?, 'x', 'x', 'x')",
                [session.meeting_id],
            )
        await pilot.press("q")
    reader.close()

    assert row_counts(sample_path) == before


async def test_the_facilitator_commits_while_a_follower_reads(
    session, reader, settings, sample_db
):
    """A follower never holds the sample_db back: with no busy wait at all, every
    entry commits, even while the follower is inside a read transaction."""
    sample_db.execute("PRAGMA busy_timeout = 0")
    entry, card = first_in_queue(session, settings)
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        with live_meeting.read_transaction(reader):
            reader.execute("SELECT count(*) FROM decisions").fetchone()
            session.record_decision(entry.student_id, "continue", "On track", card)
            for n in range(10):
                session.add_note(f"note {n}")
                session.checkpoint()
        await shown(pilot, "#entries", "note 9")

    notes = sample_db.execute(
        "SELECT count(*) FROM notes WHERE meeting_id = ?", [session.meeting_id]
    ).fetchone()[0]
    assert notes == 10


def test_the_meeting_in_progress_is_chosen(session, reader):
    assert choose_meeting(reader, None) == session.meeting_id
    assert choose_meeting(reader, PAST_MEETING) == PAST_MEETING
    with pytest.raises(FollowError, match="no meeting 'M-nope'; recent meetings: "):
        choose_meeting(reader, "M-nope")


def test_the_latest_started_of_several_meetings_is_chosen(
    sample_db, reader, settings, clock
):
    for team in ("grade-3", "grade-2"):
        MeetingSession.open(
            Recorder(sample_db, "R. Alder"), settings, team, now=clock
        ).begin()
    sample_db.execute(
        "UPDATE meetings SET started_at = '2026-12-04T09:00:00' "
        "WHERE status = 'in_progress' AND team = 'grade-3'"
    )
    chosen = choose_meeting(reader, None)
    assert chosen.endswith("grade-2") and chosen.startswith("M-")


class _Terminal:
    def isatty(self) -> bool:
        return True


class _SysAtATerminal:
    """`sys` as the command sees it at a terminal; errors still go to stderr."""

    stdin = stdout = _Terminal()

    @property
    def stderr(self):
        return sys.stderr


@pytest.fixture
def terminal_present(monkeypatch):
    """Pretend stdin and stdout are a terminal, to get past the TTY check."""
    monkeypatch.setattr("mtss_tui.cli.commands.sys", _SysAtATerminal())


def test_with_no_meeting_in_progress_the_recent_ones_are_listed(
    sample_path, capsys, terminal_present
):
    assert main(["follow", "--db", str(sample_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mtss follow: no meeting is in progress; recent meetings: ")
    assert PAST_MEETING in err and err.count("\n") == 1


def test_follow_without_a_terminal_refuses(sample_path, capsys):
    before = row_counts(sample_path)

    assert main(["follow", "--db", str(sample_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mtss follow: needs a terminal")
    assert err.count("\n") == 1
    assert row_counts(sample_path) == before


def test_follow_has_help_with_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["follow", "--help"])
    out = capsys.readouterr().out
    assert "--meeting" in out and "--db" in out
    assert "example:\n  mtss follow" in out


async def test_the_newest_entry_stays_in_view_on_a_small_terminal(
    session, reader, settings
):
    app = follow_app(reader, settings, session.meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        for n in range(20):
            session.add_note(f"Concern number {n}")
        await shown(pilot, "#entries", "Concern number 19")
        await pilot.pause()
        scroll = app.query_one("#entries-scroll")
        assert scroll.max_scroll_y > 0
        assert scroll.scroll_y == scroll.max_scroll_y


def test_the_follow_service_and_its_queries_load_no_textual():
    import subprocess

    code = (
        "import sys\n"
        "import mtss_tui.services.follow, mtss_tui.store.live_meeting\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
