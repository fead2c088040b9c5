"""A whole meeting through every step with Pilot, then the database and minutes."""

import json
from datetime import date, timedelta

import pytest
from textual.widgets import Input, OptionList, Select

from mtss_tui.store import open_db
from mtss_tui.tui.screens.meeting import MeetingScreen

DUE = (date.today() + timedelta(days=14)).isoformat()
"""A due date that is always two weeks ahead, whenever the tests run."""


async def test_a_whole_meeting(make_app, sample_path, settings, clock):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        # Setup: one member is away; roles are handed out; the clock starts.
        members = app.session.members()
        absent = members[0]["staff_id"]
        await pilot.press("space", "down", "1", "down", "2", "3", "3")
        table = app.screen.query_one("#members")
        assert str(table.get_row_at(0)[0]) == "absent"
        assert str(table.get_row_at(1)[3]) == "Facilitator"
        assert str(table.get_row_at(2)[3]) == "Minute taker"  # 3 twice: analyst undone
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "Step 1/5" in str(app.screen.query_one("#clock-bar").render())

        # Previous items: mark the first, close it; carry the second forward
        # (the dialog offers the same words, owner and a due date in 14 days).
        await pilot.press("i", "i", "e", "e", "e", "c", "down", "i", "f")
        assert app.screen.query_one("#item-what", Input).value
        await pilot.press("ctrl+s")
        clock.advance(11 * 60)  # one minute over the 10 planned
        app.screen.refresh_clock()
        assert app.screen.query_one("#clock-bar").has_class("-overtime")
        await pilot.press("n")

        # Student review: decide for the first two students in the queue.
        queue = app.screen.query_one("#queue", OptionList)
        first = queue.get_option_at_index(0).id
        second = queue.get_option_at_index(1).id
        clock.advance(240)
        await pilot.press("d")
        app.screen.query_one("#decision-kind", Select).value = "intensify"
        app.screen.query_one("#decision-rationale", Input).value = "Below aim line"
        await pilot.press("ctrl+s")
        await pilot.press("a")
        app.screen.query_one("#item-what", Input).value = "Add a fourth session"
        app.screen.query_one("#item-owner", Select).value = members[3]["name"]
        app.screen.query_one("#item-due", Input).value = DUE
        await pilot.press("ctrl+s")
        await pilot.press("down")
        clock.advance(120)
        await pilot.press("d")
        app.screen.query_one("#decision-kind", Select).value = "continue"
        await pilot.press("ctrl+s")
        assert "Give the rationale" in str(
            app.screen.query_one(".dialog-error").render()
        )
        app.screen.query_one("#decision-rationale", Input).value = "On track"
        await pilot.press("ctrl+s")
        await pilot.press("n")

        # New concerns: a note. Admin: a team action item.
        app.screen.query_one("#note-new", Input).value = "Lunch duty rota changes"
        await pilot.press("enter")
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+a")
        app.screen.query_one("#item-what", Input).value = "Share the calendar"
        app.screen.query_one("#item-owner", Select).value = members[1]["name"]
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+n")

        # Evaluation and closing.
        for n, answer in enumerate(["yes", "so_so", "yes", "no"]):
            app.screen.query_one(f"#eval-{n}", Select).value = answer
        app.screen.query_one("#next-meeting", Input).value = DUE
        await pilot.click("#close-meeting")
        await pilot.pause()
        closed_text = str(app.screen.query_one("#closed-message").render())
        assert "Minutes written to" in closed_text

        # A closed meeting takes no more entries and keeps its last step.
        await pilot.press("p", "a")
        bar = str(app.screen.query_one("#clock-bar").render())
        assert bar.startswith(" CLOSED · ") and "Step 5/5" in bar

    db = open_db(sample_path, readonly=True)
    [meeting] = db.query(
        "SELECT * FROM meetings WHERE meeting_id = ?", [app.meeting_id]
    )
    assert meeting["status"] == "closed"
    assert meeting["next_meeting_date"] == DUE
    assert meeting["protocol"] == "tips"

    attendance = {
        r["staff_id"]: r["present"]
        for r in db.query(
            "SELECT * FROM meeting_attendance WHERE meeting_id = ?", [app.meeting_id]
        )
    }
    assert attendance[absent] == 0 and sum(attendance.values()) == len(members) - 1
    roles = {
        r["role"]: r["staff_id"]
        for r in db.query(
            "SELECT * FROM meeting_roles WHERE meeting_id = ?", [app.meeting_id]
        )
    }
    assert roles == {
        "facilitator": members[1]["staff_id"],
        "minute_taker": members[2]["staff_id"],
    }

    steps = list(
        db.query(
            "SELECT step_id, planned_seconds, actual_seconds FROM step_times "
            "WHERE meeting_id = ? ORDER BY position",
            [app.meeting_id],
        )
    )
    assert [s["step_id"] for s in steps] == [
        "previous",
        "students",
        "new",
        "admin",
        "evaluation",
    ]
    assert steps[0]["actual_seconds"] == 660 and steps[0]["planned_seconds"] == 600
    assert steps[1]["actual_seconds"] == 360
    times = {
        r["student_id"]: r["actual_seconds"]
        for r in db.query(
            "SELECT * FROM student_times WHERE meeting_id = ?", [app.meeting_id]
        )
    }
    assert times == {first: 240, second: 120}

    decisions = list(
        db.query(
            "SELECT * FROM decisions WHERE meeting_id = ? ORDER BY decision_id",
            [app.meeting_id],
        )
    )
    assert [(d["student_id"], d["kind"]) for d in decisions] == [
        (first, "intensify"),
        (second, "continue"),
    ]
    assert decisions[0]["rationale"] == "Below aim line"
    assert decisions[0]["recorded_by"] == "R. Alder"
    snapshot = json.loads(decisions[0]["snapshot"])
    assert snapshot["student_id"] == first and len(snapshot["panels"]) == 4

    items = list(
        db.query(
            "SELECT * FROM action_items WHERE meeting_id = ? ORDER BY item_id",
            [app.meeting_id],
        )
    )
    made = [
        (i["what"], i["student_id"], i["decision_id"] is not None)
        for i in items
        if i["carried_from"] is None
    ]
    assert made == [
        ("Add a fourth session", first, True),
        ("Share the calendar", None, False),
    ]
    reviews = list(
        db.query(
            "SELECT r.*, a.status FROM item_reviews r "
            "JOIN action_items a USING (item_id) "
            "WHERE r.meeting_id = ? ORDER BY a.due_date, a.item_id",
            [app.meeting_id],
        )
    )
    assert [
        (r["implementation"], r["effectiveness"], r["outcome"], r["status"])
        for r in reviews
    ] == [
        ("partial", "improved", "closed", "closed"),
        ("not_started", None, "carried", "carried"),
    ]
    carried = [i for i in items if i["carried_from"] is not None]
    assert [i["carried_from"] for i in carried] == [reviews[1]["item_id"]]

    answers = [
        r["answer"]
        for r in db.query(
            "SELECT answer FROM evaluations WHERE meeting_id = ? ORDER BY position",
            [app.meeting_id],
        )
    ]
    assert answers == ["yes", "so_so", "yes", "no"]
    note = db.execute(
        "SELECT text, step_id FROM notes WHERE meeting_id = ?", [app.meeting_id]
    ).fetchall()
    assert note == [("Lunch duty rota changes", "new")]

    minutes = app.minutes_path.read_text()
    assert meeting["minutes_path"] == str(app.minutes_path)
    assert "| Review previous items | 10:00 | 11:00 (+01:00 over) |" in minutes
    assert "- Decision: Intensify (recorded by R. Alder" in minutes
    assert "  - Rationale: Below aim line" in minutes
    assert f"| {members[3]['name']} | Add a fourth session |" in minutes
    assert "| Share the calendar | the team | " in minutes.replace(
        f"| {members[1]['name']} ", ""
    )
    assert "implementation Partial; effectiveness Improved, not to goal; closed" in (
        minutes
    )
    assert "- Was today's meeting a good use of our time? Yes" in minutes
    assert f"Next meeting: {DUE}" in minutes


async def test_card_fits_at_80_by_24(make_app, sample_path, settings, clock):
    app = make_app(sample_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        assert not screen.query_one("#agenda").display
        card = screen.query_one("#card")
        assert card.region.right <= 80
        bar = str(screen.query_one("#clock-bar").render())
        assert bar.startswith(" 30:00 left · 2/5 Student review · student 05:00 left")
        rule = str(screen.query_one("#card-rule").render())
        assert rule.startswith("Decision rule:")


async def test_a_crash_reports_no_student_data(
    make_app, sample_path, settings, clock, monkeypatch
):
    """The crash report names the exception type and code locations, no values."""
    from mtss_tui.tui.widgets.student_card import StudentCardView

    def broken(self, card, name):
        secret_note = f"note about {name}"  # a local holding a student's name
        raise ValueError(secret_note)

    monkeypatch.setattr(StudentCardView, "show", broken)
    app = make_app(sample_path)
    reports = []
    monkeypatch.setattr(
        app,
        "_close_messages_no_wait",
        lambda: reports.extend(str(r) for r in app._exit_renderables),
    )
    with pytest.raises(ValueError):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+s", "n")
            await pilot.pause()

    [report] = reports
    assert report.startswith("mtss stopped on an internal error: ValueError")
    assert "in broken" in report  # where it happened is shown
    names = [
        r["given_name"]
        for r in open_db(sample_path).query("SELECT given_name FROM students")
    ]
    assert not any(name in report for name in names)
    assert "note about" not in report


async def test_text_in_brackets_is_shown_as_typed(
    make_app, sample_path, settings, clock
):
    """Regression: `[/b]` in a note was read as markup and crashed the meeting."""
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s", "n", "n")
        app.screen.query_one("#note-new", Input).value = "said [/b] sad [b]x[/b]"
        await pilot.press("enter")
        await pilot.press("ctrl+a")
        app.screen.query_one("#item-what", Input).value = "Order [/] supplies"
        app.screen.query_one("#item-owner", Select).value = app.session.members()[0][
            "name"
        ]
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(app.screen.query_one("#notes-new").render())
        assert "said [/b] sad [b]x[/b]" in shown
        assert "Order [/] supplies" in shown

    # The next start, which draws the same entries, comes up as well.
    again = make_app(sample_path)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "said [/b] sad" in str(again.screen.query_one("#notes-new").render())


async def test_closing_with_a_question_open_asks_twice(
    make_app, sample_path, settings, clock
):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "n", "n")
        # A team item added at New concerns shows at Administrative items too.
        await pilot.press("ctrl+a")
        app.screen.query_one("#item-what", Input).value = "Book the library"
        app.screen.query_one("#item-owner", Select).value = app.session.members()[0][
            "name"
        ]
        await pilot.press("ctrl+s", "ctrl+n")
        assert "Book the library" in str(app.screen.query_one("#notes-admin").render())
        assert not app.screen.check_action("decision", ())  # not offered here

        await pilot.press("ctrl+n")
        for n in range(3):
            app.screen.query_one(f"#eval-{n}", Select).value = "yes"
        await pilot.click("#close-meeting")
        assert "Question 4 not answered" in str(
            app.screen.query_one("#evaluation-error").render()
        )
        assert app.minutes_path is None
        await pilot.pause(0.3)  # a button ignores a second press within 0.2 s
        await pilot.click("#close-meeting")
        await pilot.pause()
        assert app.minutes_path is not None


async def test_a_clock_tick_before_the_meeting_screen_is_composed(
    make_app, sample_path
):
    """On a loaded machine the app's one-second timer can fire between pushing
    the meeting screen and its widgets being mounted: that tick is skipped."""
    app = make_app(sample_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        unmounted = MeetingScreen()
        unmounted.refresh_clock()  # no widgets yet: nothing to update, no error
        assert not unmounted.query("#clock-bar")
        assert isinstance(app.screen, MeetingScreen)


def test_students_who_would_read_alike_in_a_narrow_queue_show_their_ids():
    from types import SimpleNamespace

    from mtss_tui.tui.steps.review import _short_names

    entries = [
        SimpleNamespace(student_id="S1", name="Acorn Nettle"),
        SimpleNamespace(student_id="S2", name="Acorn Nightshade"),
        SimpleNamespace(student_id="S3", name="Basil Gale"),
    ]
    assert _short_names(entries) == {
        "S1": "Acorn S1",
        "S2": "Acorn S2",
        "S3": "Basil G",
    }
