"""The screening meeting's group assignment: marked students, one plan, own rows."""

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, Select

from mtss_tui.domain.screening import GroupPlan
from mtss_tui.services.groups import assign_group
from mtss_tui.services.meeting import MeetingError, MeetingSession
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder

GOAL_DATE = (date.today() + timedelta(weeks=10)).isoformat()
"""Always ahead of the day the tests run."""


def plan(goal="90", **changes):
    fields = {
        "name": "Fluency group",
        "domain": "academics",
        "tier": 2,
        "measure": "orf_pm",
        "goal": goal,
        "goal_date": GOAL_DATE,
        "interventionist": "Cosmo Fiddlesprout",
        "frequency": "4x/week",
        "minutes": 30,
    }
    return GroupPlan(**{**fields, **changes})


@pytest.fixture
def screening(sample_db, settings, clock):
    session = MeetingSession.open(
        Recorder(sample_db, "R. Alder"), settings, "grade-3", "screening", now=clock
    )
    session.begin()
    return session


def interventions_of(db, meeting_id):
    return {
        r["student_id"]: r
        for r in db.query(
            "SELECT i.*, g.group_no FROM interventions i "
            "JOIN group_assignments g USING (intervention_id) WHERE g.meeting_id = ?",
            [meeting_id],
        )
    }


async def test_the_first_step_shows_the_grade_against_80_percent(make_app, sample_path):
    app = make_app(sample_path, protocol="screening")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(app.screen.query_one(".screening-summary").render())
    # orf: 37 of the 44 grade-3 students at or above 87: 37 / 44 = 84% >= 80%.
    assert "orf         37 of 44 meet the cut (84%; goal 80%): core meets" in (shown)
    # math_comp: 42 of the 44 at or above the winter cut 16: 42 / 44 = 95%.
    assert "math_comp   42 of 44 meet the cut (95%; goal 80%)" in shown


async def test_marked_students_get_one_intervention_each(make_app, sample_path, clock):
    app = make_app(sample_path, protocol="screening")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "ctrl+n", "ctrl+n")
        await pilot.pause()
        table = app.screen.query_one("#screening-table", DataTable)
        # Below the cut first, furthest below on top: orf 51, 56, 72 against 87.
        top = [str(table.get_row_at(n)[2]) for n in range(4)]
        assert top == ["51", "56", "72", "75"]
        await pilot.press("space", "space", "space")
        assert [str(table.get_row_at(n)[0]) for n in range(4)] == ["✓", "✓", "✓", " "]
        # 44 grade-3 students screened on 2026-12-01 (winter cut 87); 37 scored
        # 87 or more: 37 / 44 = 0.84.
        status = str(app.screen.query_one("#screening-status").render())
        assert "37 of 44 meet the cut (84%" in status and "3 marked" in status

        await pilot.press("g")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#group-name", Input).value = "Fluency group"
        dialog.query_one("#group-goal", Input).value = "90"
        dialog.query_one("#group-goal-date", Input).value = GOAL_DATE
        dialog.query_one("#group-frequency", Input).value = "4x/week"
        dialog.query_one("#group-minutes", Input).value = "30"
        who = app.session.members()[0]["name"]
        dialog.query_one("#group-interventionist", Select).value = who
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [str(table.get_row_at(n)[5]) for n in range(4)] == ["G1", "G1", "G1", ""]
        assert [str(table.get_row_at(n)[0]) for n in range(3)] == [" ", " ", " "]

        await pilot.press("n")
        app.screen.query_one("#next-meeting", Input).value = GOAL_DATE
        for n in range(4):
            app.screen.query_one(f"#eval-{n}", Select).value = "yes"
        app.screen.query_one("#close-meeting").scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#close-meeting")
        await pilot.pause()
        assert app.minutes_path is not None

    db = open_db(sample_path, readonly=True)
    rows = interventions_of(db, app.meeting_id)
    assert set(rows) == {"S3022", "S3005", "S3033"}
    # Each baseline is the student's latest orf_pm score (2026-12-02): 49, 56, 69.
    assert {s: r["baseline"] for s, r in rows.items()} == {
        "S3022": 49,
        "S3005": 56,
        "S3033": 69,
    }
    for row in rows.values():
        assert (row["name"], row["tier"], row["measure"]) == (
            "Fluency group",
            2,
            "orf_pm",
        )
        assert (row["goal_value"], row["goal_date"]) == (90, GOAL_DATE)
        assert (row["interventionist"], row["frequency"], row["minutes"]) == (
            who,
            "4x/week",
            30,
        )
        assert row["start_date"] == date.today().isoformat() and row["group_no"] == 1

    audited = [
        (r["table_name"], r["row_key"])
        for r in db.query(
            "SELECT table_name, row_key FROM audit WHERE meeting_id = ? AND "
            "table_name IN ('interventions', 'group_assignments')",
            [app.meeting_id],
        )
    ]
    ids = sorted(r["intervention_id"] for r in rows.values())
    assert sorted(audited) == sorted(
        [("interventions", i) for i in ids] + [("group_assignments", i) for i in ids]
    )

    minutes = app.minutes_path.read_text()
    assert "### Group 1: Fluency group (academics, tier 2)" in minutes
    name = next(
        iter(
            db.query(
                "SELECT given_name || ' ' || family_name AS n FROM "
                "students WHERE student_id = 'S3022'"
            )
        )
    )["n"]
    assert f"| {name} (S3022) | 49 | 90 |" in minutes


def test_a_goal_above_each_baseline(sample_db, screening):
    assign_group(screening, ["S3022", "S3044"], plan(goal="+20"))
    rows = interventions_of(sample_db, screening.meeting_id)
    # S3022: 49 + 20 = 69. S3044 has no orf_pm score: no baseline, no goal.
    assert (rows["S3022"]["baseline"], rows["S3022"]["goal_value"]) == (49, 69)
    assert (rows["S3044"]["baseline"], rows["S3044"]["goal_value"]) == (None, None)


def test_a_second_group_gets_the_next_number(sample_db, screening):
    assign_group(screening, ["S3022"], plan())
    assign_group(screening, ["S3005", "S3033"], plan(name="Decoding group"))
    rows = interventions_of(sample_db, screening.meeting_id)
    assert {s: r["group_no"] for s, r in rows.items()} == {
        "S3022": 1,
        "S3005": 2,
        "S3033": 2,
    }


def test_a_group_is_written_whole_or_not_at_all(sample_db, screening, monkeypatch):
    before = sample_db.execute("SELECT COUNT(*) FROM interventions").fetchone()[0]
    insert = screening.recorder.insert
    calls = []

    def failing(table, row, meeting_id=None):
        calls.append(table)
        if len(calls) == 3:  # the second student's intervention
            raise RuntimeError("disk full")
        return insert(table, row, meeting_id)

    monkeypatch.setattr(screening.recorder, "insert", failing)
    with pytest.raises(RuntimeError):
        assign_group(screening, ["S3022", "S3005"], plan())
    after = sample_db.execute("SELECT COUNT(*) FROM interventions").fetchone()[0]
    assert after == before
    assert interventions_of(sample_db, screening.meeting_id) == {}


@pytest.mark.parametrize(
    "students, changes, message",
    [
        ([], {}, "mark the students of the group first"),
        (["S3022"], {"name": " "}, "needs a name"),
        (["S3022"], {"tier": 4}, "tier 4: expected 1, 2 or 3"),
        (["S3022"], {"goal": "ninety"}, "goal 'ninety': expected a number"),
        (["S3022"], {"goal_date": "2020-01-01"}, "is in the past"),
        (["S3022"], {"measure": "orf_xx"}, "unknown measure 'orf_xx'"),
        (["S9999"], {}, "no student 'S9999'"),
    ],
)
def test_a_plan_that_cannot_be_recorded(screening, students, changes, message):
    with pytest.raises(MeetingError, match=message):
        assign_group(screening, students, plan(**changes))


async def test_the_dialog_says_what_is_missing(make_app, sample_path, clock):
    app = make_app(sample_path, protocol="screening")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "ctrl+n", "ctrl+n")
        await pilot.press("g")  # nobody marked: no dialog
        assert not app.screen.query("#group-dialog")
        await pilot.press("space", "g")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#group-dialog").region.bottom <= 24
        dialog.query_one("#group-name", Input).value = "Fluency group"
        await pilot.press("ctrl+s")
        error = dialog.query_one(".dialog-error")
        assert "Give the goal" in str(error.render())
        dialog.query_one("#group-goal", Input).value = "+15"
        dialog.query_one("#group-minutes", Input).value = "half an hour"
        await pilot.press("ctrl+s")
        assert "Minutes a session: a whole number" in str(error.render())
        dialog.query_one("#group-minutes", Input).value = "25"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog

    db = open_db(sample_path, readonly=True)
    [row] = interventions_of(db, app.meeting_id).values()
    # The first student at risk is S3022, latest orf_pm 49: goal 49 + 15 = 64.
    assert (row["student_id"], row["baseline"], row["goal_value"]) == ("S3022", 49, 64)
    assert row["minutes"] == 25 and row["interventionist"] == ""
