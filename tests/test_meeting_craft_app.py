"""Running a meeting well, in Pilot: backups, the queue, notes, problems, the end."""

from datetime import date, timedelta

from textual.widgets import Checkbox, Input, OptionList, Select

from mtss_tui.store import open_db

DUE = (date.today() + timedelta(days=14)).isoformat()


def bar_text(app) -> str:
    return str(app.screen.query_one("#clock-bar").render())


async def test_a_backup_holds_the_role_of_an_absent_primary(make_app, sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        names = [m["name"] for m in app.session.members()]
        # Row 0 facilitator, row 1 its backup (b then 1); then row 0 is away.
        await pilot.press("1", "down", "b", "1", "up", "space")
        await pilot.pause()
        table = app.screen.query_one("#members")
        assert str(table.get_row_at(0)[3]) == "Facilitator"
        assert str(table.get_row_at(1)[3]) == "Facilitator (backup, acting)"
        said = str(app.screen.query_one("#setup-roles").render())
        assert said == (
            f"Facilitator: {names[0]} is absent, so the backup {names[1]} takes "
            "the role."
        )

    db = open_db(sample_path, readonly=True)
    stored = db.execute(
        "SELECT backup, staff_id FROM meeting_roles WHERE meeting_id = ? "
        "ORDER BY backup",
        [app.meeting_id],
    ).fetchall()
    ids = [m["staff_id"] for m in app.session.members()]
    assert stored == [(0, ids[0]), (1, ids[1])]


async def test_skip_reorder_and_the_projection_survive_a_resume(
    make_app, sample_path, clock
):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        queue = app.screen.query_one("#queue", OptionList)
        ids = [queue.get_option_at_index(n).id for n in range(queue.option_count)]
        assert len(ids) == 18
        forecast = app.screen.query_one("#queue-forecast")
        # 18 students × 5 min = 90 min against the step's 30: 60 over.
        assert str(forecast.render()) == (
            "18 students left × 5 min = 90 min > 30 min left in the step: "
            "over by 60 min"
        )
        assert forecast.has_class("-overrun")

        # Skip the first; the second is now under the cursor: move it down one.
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        clock.advance(120)
        await pilot.press("plus")
        await pilot.pause()
        # The second student's box is 5 + 1 = 6 min, 2 used: 4 left; the other
        # 17 need 5 each, 85; 89 in all. The step: 30 + 1 - 2 = 29 min left.
        assert str(forecast.render()) == (
            "18 students left, time boxes 89 min > 29 min left in the step: "
            "over by 60 min"
        )
        assert "student 04:00 left" in bar_text(app)

    again = make_app(sample_path)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        queue = again.screen.query_one("#queue", OptionList)
        order = [queue.get_option_at_index(n).id for n in range(queue.option_count)]
        assert order[:2] == [ids[2], ids[1]]
        assert order[-1] == ids[0]
        assert str(queue.get_option_at_index(17).prompt).startswith("↷18.")


async def test_notes_problems_and_the_end_of_the_meeting(make_app, sample_path):
    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        members = app.session.members()
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        student = app.screen.query_one("#queue", OptionList).get_option_at_index(0).id

        # A restricted note about the student on the card, from the review.
        await pilot.press("m")
        app.screen.query_one("#note-text", Input).value = "Family matter"
        app.screen.query_one("#note-restricted", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.press("n")

        # New concerns: a restricted note typed in the step, then a problem.
        app.screen.query_one("#note-new", Input).value = "Custody question"
        await pilot.press("ctrl+r", "enter")
        await pilot.pause()
        shown = str(app.screen.query_one("#notes-new").render())
        assert "• (restricted) Custody question" in shown

        await pilot.press("ctrl+o")
        await pilot.pause()
        values = {
            "what": "Pushing in line",
            "who": "Six students",
            "location": "Hall to the cafeteria",
            "timing": "11:40 to 11:50",
            "how_often": "4 times a week",
            "why": "To reach the front of the line",
            "goal": "At most 1 a week",
            "goal_date": DUE,
            "fidelity_measure": "Duty checklist, weekly",
            "effectiveness_measure": "Incidents per week",
        }
        for field, value in values.items():
            app.screen.query_one(f"#problem-{field}", Input).value = value
        app.screen.query_one("#action-0-category", Select).value = "teach"
        app.screen.query_one("#action-0-owner", Select).value = members[1]["name"]
        app.screen.query_one("#action-0-what", Input).value = "Teach lining up"
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(app.screen.query_one("#notes-new").render())
        assert "Problem: Pushing in line" in shown
        assert f"teach: Teach lining up ({members[1]['name']}, by {DUE})" in shown

        # Closing: the second member left early.
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        app.screen.query_one("#end-attendance").focus()
        await pilot.press("down", "space")
        for n in range(4):
            app.screen.query_one(f"#eval-{n}", Select).value = "yes"
        app.screen.query_one("#next-meeting", Input).value = DUE
        await pilot.click("#close-meeting")
        await pilot.pause()

    db = open_db(sample_path, readonly=True)
    notes = db.execute(
        "SELECT step_id, student_id, text, restricted FROM notes "
        "WHERE meeting_id = ? ORDER BY note_id",
        [app.meeting_id],
    ).fetchall()
    assert notes == [
        ("students", student, "Family matter", 1),
        ("new", None, "Custody question", 1),
    ]
    [problem] = db.execute(
        "SELECT what, location, goal_date FROM problems WHERE meeting_id = ?",
        [app.meeting_id],
    ).fetchall()
    assert problem == ("Pushing in line", "Hall to the cafeteria", DUE)
    [action] = db.execute(
        "SELECT pa.category, a.what, a.owner, a.due_date FROM problem_actions pa "
        "JOIN action_items a USING (item_id)"
    ).fetchall()
    assert action == ("teach", "Teach lining up", members[1]["name"], DUE)
    ends = [
        r[0]
        for r in db.execute(
            "SELECT present_at_end FROM meeting_attendance a JOIN staff s "
            "USING (staff_id) WHERE meeting_id = ? ORDER BY s.name",
            [app.meeting_id],
        )
    ]
    assert ends == [1, 0, 1, 1, 1, 1]

    minutes = app.minutes_path.read_text()
    assert "Family matter" not in minutes and "Custody question" not in minutes
    assert minutes.count("(restricted note, not shown)") == 2
    assert "Present at the start: 6 of 6 (100%); at the end: 5 of 6 (83%)." in minutes


async def test_a_problem_is_reviewed_first_at_the_next_meeting(
    make_app, sample_path, settings, clock
):
    from mtss_tui.services.meeting import MeetingSession
    from mtss_tui.store.audit import Recorder

    db = open_db(sample_path)
    earlier = MeetingSession.open(Recorder(db, "a"), settings, "grade-3", now=clock)
    earlier.begin()
    owner = earlier.members()[0]["name"]
    earlier.record_problem(
        {
            "what": "Pushing in line",
            "who": "Six students",
            "location": "Hall",
            "timing": "Before lunch",
            "how_often": "4 a week",
            "why": "To be first",
            "goal": "At most 1 a week",
            "goal_date": DUE,
        },
        [{"category": "teach", "what": "Teach lining up", "owner": owner, "due": DUE}],
    )
    earlier.close(sample_path)
    earlier.release()

    app = make_app(sample_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        detail = str(app.screen.query_one("#problem-detail").render())
        assert "goal At most 1 a week by " + DUE in detail
        assert f"teach: Teach lining up ({owner}, by {DUE}) open" in detail
        await pilot.press("i", "i", "e")  # not started, then partial; worse
        await pilot.pause()
        row = app.screen.query_one("#problems").get_row_at(0)
        assert [str(c) for c in row[:2]] == ["Partial", "Worse"]

    marks = (
        open_db(sample_path, readonly=True)
        .execute(
            "SELECT implementation, effectiveness FROM problem_reviews "
            "WHERE meeting_id = ?",
            [app.meeting_id],
        )
        .fetchall()
    )
    assert marks == [("partial", "worse")]
