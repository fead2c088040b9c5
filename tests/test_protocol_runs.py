"""Each built-in protocol run to its end with Pilot, on the injected clock:
steps in order, time per step stored, an overrun shown, and a meeting closed
halfway through that resumes at the step it was on."""

from datetime import date, timedelta

import pytest
from textual.widgets import Input, Select

from mtss_tui.store import open_db

NEXT = (date.today() + timedelta(days=14)).isoformat()

RUNS = {
    # protocol: (student, step ids in order)
    "tips": (None, ["previous", "students", "new", "admin", "evaluation"]),
    "initial": (
        "S3022",
        [
            "concerns",
            "strengths",
            "data",
            "targets",
            "goals",
            "plan",
            "family",
            "readback",
        ],
    ),
    "pm_review": ("S3022", ["graph", "rule", "decision", "owners"]),
    "sst": ("S3022", ["problem", "questions", "brainstorm", "plan", "close"]),
    "screening": (None, ["status", "core", "groups", "actions"]),
}


def bar_of(app) -> str:
    return str(app.screen.query_one("#clock-bar").render())


@pytest.mark.parametrize("name", list(RUNS))
async def test_a_protocol_runs_to_its_end(name, make_app, sample_path, settings, clock):
    student, step_ids = RUNS[name]
    protocol = settings.protocol(name)
    count = len(protocol.steps)
    halfway = count // 2

    app = make_app(sample_path, protocol=name, student=student)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        for n in range(halfway):
            step = protocol.steps[n]
            assert f"Step {n + 1}/{count} {step.title}" in bar_of(app)
            # The first step runs a minute over its time; the others to the second.
            clock.advance(step.minutes * 60 + (60 if n == 0 else 0))
            app.screen.refresh_clock()
            if n == 0:
                assert app.screen.query_one("#clock-bar").has_class("-overtime")
                assert "01:00 over" in bar_of(app)
            await pilot.press("ctrl+n")
        meeting_id = app.meeting_id

    # Closed mid-meeting: the next start comes back to the same step.
    again = make_app(sample_path, protocol=name, student=student)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.meeting_id == meeting_id
        title = protocol.steps[halfway].title
        assert f"Step {halfway + 1}/{count} {title}" in bar_of(again)
        for n in range(halfway, count):
            assert f"Step {n + 1}/{count}" in bar_of(again)
            clock.advance(protocol.steps[n].minutes * 60)
            if n < count - 1:
                await pilot.press("ctrl+n")
        again.screen.query_one("#next-meeting", Input).value = NEXT
        for n in range(len(settings.vocabulary.evaluation_questions)):
            again.screen.query_one(f"#eval-{n}", Select).value = "yes"
        # With end attendance on the step, the button is below the first screen.
        again.screen.query_one("#close-meeting").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#close-meeting")
        await pilot.pause()
        assert again.minutes_path is not None, str(
            again.screen.query_one("#evaluation-error").render()
        )
        minutes = again.minutes_path.read_text()
        if student:
            assert f"- {protocol.title} about " in minutes and f"({student})" in minutes
        else:
            assert "## Student\n" not in minutes

    db = open_db(sample_path, readonly=True)
    [meeting] = db.query(
        "SELECT protocol, student_id, status FROM meetings WHERE meeting_id = ?",
        [meeting_id],
    )
    assert (meeting["protocol"], meeting["student_id"]) == (name, student)
    assert meeting["status"] == "closed"
    times = list(
        db.query(
            "SELECT step_id, planned_seconds, actual_seconds FROM step_times "
            "WHERE meeting_id = ? ORDER BY position",
            [meeting_id],
        )
    )
    assert [t["step_id"] for t in times] == step_ids
    planned = [s.minutes * 60 for s in protocol.steps]
    assert [t["planned_seconds"] for t in times] == planned
    # Every step took its planned time but the first, a minute longer.
    assert [t["actual_seconds"] for t in times] == [planned[0] + 60, *planned[1:]]
    [quality] = db.query(
        "SELECT ended_on_time, actual_seconds, planned_seconds FROM meeting_quality "
        "WHERE meeting_id = ?",
        [meeting_id],
    )
    # The minute over at the first step makes the meeting a minute over in all.
    assert quality["ended_on_time"] == "no"
    assert quality["actual_seconds"] - quality["planned_seconds"] == 60
