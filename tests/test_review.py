"""`mtss review`: past meetings, students, follow-ups and search, read-only."""

import sqlite3
import subprocess
import sys
import threading
from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, OptionList
from textual.widgets._markdown import MarkdownBlock

from mtss_tui.cli import main
from mtss_tui.services.review import FollowUpFilter, Reviewer
from mtss_tui.services.school import School
from mtss_tui.store import open_db
from mtss_tui.tui.review.app import ReviewApp

GRADE_3 = "M-2026-11-13-grade-3"
GRADE_2 = "M-2026-11-13-grade-2"
"""The sample school's two closed meetings."""
AS_OF = date(2026, 12, 4)
"""Overdue is judged on this day, not the real one: six of the sample's seven
open items were due before it."""
DUE = (date.today() + timedelta(days=14)).isoformat()


def review_app(path, settings, restricted=False) -> ReviewApp:
    db = open_db(path, readonly=True)
    return ReviewApp(Reviewer(db, settings.vocabulary, restricted, today=AS_OF))


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def table_rows(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [
        [getattr(cell, "plain", str(cell)) for cell in table.get_row_at(n)]
        for n in range(table.row_count)
    ]


def minutes_text(app) -> str:
    return "\n".join(str(b.render()) for b in app.screen.query(MarkdownBlock))


def row_counts(path) -> dict[str, int]:
    db = open_db(path, readonly=True)
    counts = {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in db.table_names()
    }
    db.close()
    return counts


async def test_the_meetings_list_and_a_meetings_minutes(sample_path, settings):
    app = review_app(sample_path, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "read-only" in app.screen.title
        rows = table_rows(app, "#meetings")
        assert [(r[0], r[1], r[2], r[6]) for r in rows] == [
            ("Grade 2 team", "2026-11-13", "closed", GRADE_2),
            ("Grade 3 team", "2026-11-13", "closed", GRADE_3),
        ]
        assert [(r[3], r[4]) for r in rows] == [("4", "4"), ("3", "5")]

        await pilot.press("down", "enter")
        await pilot.pause()
        assert "read-only" in app.screen.title and GRADE_3 in app.screen.title
        shown = minutes_text(app)
        assert "Minutes: Grade 3 team, 2026-11-13" in shown
        assert "Decision: Modify (recorded by Opal Inkwhistle" in shown
        assert "Still below the aim line" in shown

        await pilot.press("escape")
        assert app.screen.query_one("#meetings", DataTable).row_count == 2


def first_with_progress_chart(session, settings):
    """A flagged student whose card leads with a progress chart."""
    school = School(session.db, settings)
    for entry in school.queue("grade-3"):
        card = school.card(entry.student_id)
        if card.charts and card.charts[0].key.startswith("progress:"):
            return entry.student_id, card
    raise AssertionError("the sample has no student with a progress chart")


@pytest.fixture
def decided(session, settings, sample_db):
    """A decision recorded, then corrected; a restricted and an open note; and
    today's scores changed after the decision."""
    student_id, card = first_with_progress_chart(session, settings)
    session.next_step()
    session.record_decision(student_id, "continue", "On the aim line", card)
    session.record_decision(student_id, "intensify", "Four points below", card)
    session.add_note("Private family matter", student_id, restricted=True)
    session.add_note("Bus times change in March", student_id)

    chart = card.charts[0]
    measure = chart.key.split(":", 1)[1]
    sample_db.execute(
        "UPDATE scores SET value = value + 500 WHERE student_id = ? AND measure = ?",
        [student_id, measure],
    )
    return student_id, chart.series[0]


async def open_history(pilot, student_id: str) -> None:
    await pilot.press("2")
    pilot.app.screen.query_one("#student-filter", Input).value = student_id
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_a_students_history_as_the_team_recorded_and_saw_it(
    sample_path, settings, decided
):
    student_id, scores = decided
    app = review_app(sample_path, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(pilot, student_id)
        assert student_id in app.screen.title and "read-only" in app.screen.title

        decisions = text_of(app, "#decisions")
        assert "Intensify (corrected 1×)" in decisions
        assert "Rationale: Four points below" in decisions
        assert "recorded by R. Alder at " in decisions
        assert "corrected: was Continue: On the aim line" in decisions
        assert "The chart as the team saw it" in text_of(app, "#chart-title")

        # The numbers behind the chart are the snapshot's, not today's.
        await pilot.press("t")
        table = text_of(app, "#snapshot-chart")
        assert scores.values
        assert scores.label in table
        for day, value in zip(scores.dates, scores.values, strict=True):
            assert f"{day}  {round(value, 2):g}" in table
            assert f"{round(value + 500, 2):g}" not in table

        notes = text_of(app, "#notes")
        assert "Bus times change in March" in notes
        assert "Private family matter" not in notes
        assert "1 restricted note is hidden" in notes


async def test_restricted_notes_show_marked_with_restricted(
    sample_path, settings, decided
):
    student_id, _scores = decided
    app = review_app(sample_path, settings, restricted=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_history(pilot, student_id)
        notes = text_of(app, "#notes")
        assert "[RESTRICTED] Private family matter" in notes
        assert "Bus times change in March" in notes
        assert "hidden" not in notes


async def test_a_snapshot_without_chart_data_says_so(sample_path, settings):
    app = review_app(sample_path, settings)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_history(pilot, "S3005")
        assert "Rationale: Still below the aim line" in text_of(app, "#decisions")
        assert "recorded by Opal Inkwhistle" in text_of(app, "#decisions")
        assert "snapshot holds no chart data" in text_of(app, "#chart-title")
        assert not app.screen.query_one("#snapshot-chart").display
        assert "Tier 2 Repeated reading with feedback" in text_of(app, "#plans")
        assert "orf_pm phase 1" in text_of(app, "#plans")


async def test_minutes_hide_restricted_notes_unless_asked(
    session, sample_path, settings
):
    session.add_note("Private family matter", restricted=True)
    session.add_note("Bus times change in March")
    for restricted, seen in ((False, False), (True, True)):
        app = review_app(sample_path, settings, restricted)
        async with app.run_test(size=(100, 30)) as pilot:
            app.open_minutes(session.meeting_id)
            await pilot.pause()
            shown = minutes_text(app)
            assert "Bus times change in March" in shown
            assert ("Private family matter" in shown) is seen
            assert ("(restricted note, not shown)" in shown) is not seen


async def test_follow_ups_mark_overdue_items_and_filter_by_owner(sample_path, settings):
    app = review_app(sample_path, settings)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        rows = table_rows(app, "#follow-ups")
        assert len(rows) == 7
        overdue = [r for r in rows if r[1] == "OVERDUE"]
        assert [r[0] for r in overdue] == [
            "2026-11-24",
            "2026-11-24",
            "2026-12-01",
            "2026-12-01",
            "2026-12-03",
            "2026-12-03",
        ]
        assert rows[-1][:3] == ["2026-12-11", "open", "Rupert Lanternfield"]
        # Recorded by each earlier meeting's minute taker, on its day.
        takers = ("Opal Inkwhistle 2026-11-13 ", "Ada Buttonwhistle 2026-11-13 ")
        assert all(r[6].startswith(takers) for r in rows)
        assert "7 items, 6 overdue as of 2026-12-04" in text_of(
            app, "#follow-ups-status"
        )
        cell = app.screen.query_one("#follow-ups", DataTable).get_row_at(0)[1]
        assert "bold" in str(cell.style)
        assert "OVERDUE" in text_of(app, "#follow-up-detail")

        app.screen.query_one("#owner-filter", Input).value = "dahlia"
        await pilot.pause()
        rows = table_rows(app, "#follow-ups")
        assert [(r[2], r[3][:8]) for r in rows] == [("Dahlia Mossbottom", "Call the")]

        app.screen.query_one("#owner-filter", Input).value = ""
        app.screen.query_one("#due-filter", Input).value = "2026-12-01"
        await pilot.pause()
        assert [r[0] for r in table_rows(app, "#follow-ups")] == ["2026-11-24"] * 2


async def test_search_highlights_the_matched_words_and_opens_the_meeting(
    sample_path, settings
):
    app = review_app(sample_path, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        app.screen.query_one("#query", Input).value = "reading"
        await pilot.pause()
        results = app.screen.query_one("#hits", OptionList)
        prompts = [results.get_option_at_index(n).prompt for n in range(3)]
        assert results.option_count == 3
        assert all(GRADE_3 in p.plain for p in prompts)
        assert "Add repeated reading passages" in prompts[0].plain
        marked = {
            p.plain[span.start : span.end].lower()
            for p in prompts
            for span in p.spans
            if "reverse" in str(span.style)
        }
        assert marked == {"reading"}

        await pilot.press("enter", "enter")
        await pilot.pause()
        assert GRADE_3 in app.screen.title
        assert "Add repeated reading passages" in minutes_text(app)


async def test_the_review_cannot_write_and_changes_nothing(sample_path, settings):
    before = row_counts(sample_path)
    content = sample_path.read_bytes()
    app = review_app(sample_path, settings)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("enter", "escape", "2", "3", "4"):
            await pilot.press(key)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            app.reviewer.db.execute(
                "INSERT INTO notes (meeting_id, step_id, text, recorded_at) "
                "VALUES (?, 'x', 'x', 'x')",
                [GRADE_3],
            )
        await pilot.press("q")
    app.reviewer.db.close()

    assert row_counts(sample_path) == before
    assert sample_path.read_bytes() == content


def test_review_without_a_terminal_refuses(sample_path, capsys):
    assert main(["review", "--db", str(sample_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mtss review: needs a terminal")
    assert err.count("\n") == 1


def read_in_a_loop(path, settings, stop: threading.Event, faults: list) -> None:
    """One reviewer's reads, over and over, as a screen refreshing would."""
    db = open_db(path, readonly=True)
    reviewer = Reviewer(db, settings.vocabulary, today=AS_OF)
    try:
        while not stop.is_set():
            reviewer.meetings()
            reviewer.follow_ups(FollowUpFilter(status="all"))
            reviewer.search("concurrent")
            reviewer.history("S3005")
            reviewer.minutes(GRADE_3)
    except sqlite3.Error as error:
        faults.append(type(error).__name__)
    finally:
        db.close()


def test_five_reviewers_read_while_the_facilitator_records(
    session, sample_path, settings, sample_db
):
    sample_db.execute("PRAGMA busy_timeout = 0")  # a sample_db held back would fail
    stop, faults = threading.Event(), []
    readers = [
        threading.Thread(
            target=read_in_a_loop, args=(sample_path, settings, stop, faults)
        )
        for _ in range(5)
    ]
    for reader in readers:
        reader.start()
    try:
        for n in range(10):
            session.add_note(f"concurrent note {n}")
            session.add_action_item(f"concurrent task {n}", "Opal Inkwhistle", DUE)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    assert faults == []

    db = open_db(sample_path, readonly=True)
    later = Reviewer(db, settings.vocabulary, today=AS_OF)
    found = later.search("concurrent")
    items = later.follow_ups(FollowUpFilter(owner="Opal"))
    db.close()
    assert sorted(h.plain() for h in found if h.kind == "note") == sorted(
        f"concurrent note {n}" for n in range(10)
    )
    assert sum(1 for i in items if i.what.startswith("concurrent task")) == 10


def test_the_first_screen_loads_no_plotting_code():
    """Cold start stays low: plotext comes in with the student history only."""
    code = (
        "import asyncio, sys, tempfile\n"
        "from pathlib import Path\n"
        "from mtss_tui.config import load_settings\n"
        "from mtss_tui.paths import bundled\n"
        "from mtss_tui.services.review import Reviewer\n"
        "from mtss_tui.services.school import write_sample\n"
        "from mtss_tui.store import open_db\n"
        "from mtss_tui.tui.review.app import ReviewApp\n"
        "path = Path(tempfile.mkdtemp()) / 's.db'\n"
        "write_sample(path, 'test')\n"
        "vocabulary = load_settings(bundled('config')).vocabulary\n"
        "app = ReviewApp(Reviewer(open_db(path, readonly=True), vocabulary))\n"
        "async def run():\n"
        "    async with app.run_test() as pilot:\n"
        "        print('before', 'plotext' in sys.modules)\n"
        "        app.open_student('S3005')\n"
        "        await pilot.pause()\n"
        "        print('after', 'plotext' in sys.modules)\n"
        "asyncio.run(run())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["before", "False", "after", "True"]


def test_the_readme_documents_the_review():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "## Reviewing past meetings" in readme
    assert "| `mtss review [--restricted]" in readme
