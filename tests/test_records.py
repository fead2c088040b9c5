"""Reading the record from the command line: search, action items, minutes CSV."""

import csv
import io
import json

import icalendar
import pytest

from mtss_tui.cli import main
from mtss_tui.services.meeting import MeetingSession
from mtss_tui.services.school import School
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder

EARLIER = "M-2026-11-13-grade-3"


def run(capsys, *args) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.fixture
def meeting(sample_path, settings, clock):
    """A grade-3 meeting with a decision, an item and two notes, one restricted."""
    db = open_db(sample_path)
    session = MeetingSession.open(
        Recorder(db, "Opal Inkwhistle"), settings, "grade-3", now=clock
    )
    session.begin()
    school = School(db, settings)
    student = school.queue("grade-3")[0].student_id
    session.record_decision(
        student,
        "intensify",
        "Decoding errors persist; add phonics drill",
        school.card(student),
    )
    session.add_action_item(
        "Phonics drill, 10 minutes daily", "Rupert Lanternfield", "2026-12-18", student
    )
    session.add_note("Family asked about the decoding assessment", student)
    session.add_note(
        "Custody question, decoding not discussed", student, restricted=True
    )
    yield session, student
    db.close()


def test_search_finds_new_entries_by_prefix_best_first(meeting, sample_path, capsys):
    session, student = meeting

    out = json.loads(
        run(capsys, "search", "decod", "--db", str(sample_path), "--format", "json")
    )
    # The decision, the item does not say it, the open note does; the restricted
    # note is left out unless asked for.
    assert {(h["kind"], h["student_id"]) for h in out} == {
        ("decision", student),
        ("note", student),
    }
    decision = next(h for h in out if h["kind"] == "decision")
    assert (
        decision["highlighted"]
        == "intensify: [Decoding] errors persist; add phonics drill"
    )
    assert decision["recorded_by"] == "Opal Inkwhistle"
    assert decision["meeting_id"] == session.meeting_id

    both = json.loads(
        run(
            capsys,
            "search",
            "decoding",
            "--restricted",
            "--db",
            str(sample_path),
            "--format",
            "json",
        )
    )
    assert len(both) == 3

    # All words must appear; punctuation is not query syntax.
    table = run(capsys, "search", 'phonics "drill" -( *', "--db", str(sample_path))
    assert table.splitlines()[-1] == "2 matches"  # the decision and the item
    assert (
        run(capsys, "search", "zebra", "--db", str(sample_path)) == "Nothing matches.\n"
    )


def test_a_corrected_decision_is_found_by_its_new_words_only(
    meeting, sample_path, settings, capsys
):
    session, student = meeting
    card = School(session.db, settings).card(student)
    session.record_decision(student, "continue", "Growth is on the aim line", card)

    assert "Nothing matches" in run(
        capsys, "search", "decoding errors", "--db", str(sample_path)
    )
    assert "[Growth]" in run(capsys, "search", "growth", "--db", str(sample_path))


def test_actions_overdue_owner_and_status(sample_path, capsys):
    # The sample school's earlier meetings (2026-11-13) left seven open items; as
    # of 2026-12-04, six are past their due dates (11-24, 11-24, 12-01, 12-01,
    # 12-03, 12-03) and one is due 12-11.
    base = ["actions", "--db", str(sample_path), "--as-of", "2026-12-04"]
    rows = json.loads(run(capsys, *base, "--format", "json"))
    assert len(rows) == 7
    assert sum(r["overdue"] for r in rows) == 6

    overdue = run(capsys, *base, "--overdue")
    assert overdue.splitlines()[-1] == "6 action items, 6 overdue"
    assert all(line.startswith("OVERDUE") for line in overdue.splitlines()[:-1])

    # Recorded by each earlier meeting's minute taker (T03 and T01 in
    # sample_data/history/meetings.csv).
    takers = {r["meeting_id"]: r["recorded_by"] for r in rows}
    assert takers == {
        "M-2026-11-13-grade-3": "Opal Inkwhistle",
        "M-2026-11-13-grade-2": "Ada Buttonwhistle",
    }

    mine = json.loads(run(capsys, *base, "--owner", "lanternfield", "--format", "json"))
    assert [(r["due_date"], r["overdue"]) for r in mine] == [("2026-12-11", False)]

    done = json.loads(run(capsys, *base, "--status", "done", "--format", "json"))
    assert done and {r["status"] for r in done} <= {"done", "closed"}


def test_the_calendar_file_reads_in_a_calendar_parser(meeting, sample_path, capsys):
    text = run(
        capsys,
        "actions",
        "--db",
        str(sample_path),
        "--as-of",
        "2026-12-04",
        "--format",
        "ics",
    )
    calendar = icalendar.Calendar.from_ical(text)
    todos = [c for c in calendar.walk("VTODO")]

    assert len(todos) == 8  # the sample's seven open items and the new one
    drill = next(t for t in todos if "Phonics" in str(t["SUMMARY"]))
    assert str(drill["SUMMARY"]) == "Phonics drill, 10 minutes daily"  # comma kept
    assert drill.decoded("DUE").isoformat() == "2026-12-18"
    assert str(drill["CONTACT"]) == "Rupert Lanternfield"
    assert str(drill["STATUS"]) == "NEEDS-ACTION"
    assert len({str(t["UID"]) for t in todos}) == 8
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_minutes_as_csv(meeting, sample_path, capsys):
    session, student = meeting
    rows = list(
        csv.DictReader(
            io.StringIO(
                run(
                    capsys,
                    "minutes",
                    session.meeting_id,
                    "--db",
                    str(sample_path),
                    "--format",
                    "csv",
                )
            )
        )
    )

    entries = [
        (r["entry"], r["student_id"]) for r in rows if r["section"] != "previous items"
    ]
    # One decision, one item and the open note; the restricted note stays out.
    assert entries == [
        ("decision: Intensify", student),
        ("action item", student),
        ("note", student),
    ]
    reviews = [r for r in rows if r["section"] == "previous items"]
    assert len(reviews) == 4  # the grade-3 items left open on 2026-11-13

    earlier = list(
        csv.DictReader(
            io.StringIO(
                run(
                    capsys,
                    "minutes",
                    EARLIER,
                    "--db",
                    str(sample_path),
                    "--format",
                    "csv",
                )
            )
        )
    )
    assert {r["meeting_id"] for r in earlier} == {EARLIER}


def test_a_stemmed_match_is_highlighted_too():
    from mtss_tui.store.search import MARK_END, MARK_START, mark

    marked = mark("Decoding improved; decodes CVC words; code review", ["decode"])
    shown = marked.replace(MARK_START, "[").replace(MARK_END, "]")
    # "decode" stems to "decod", which begins both forms; "code" is not a match.
    assert shown == "[Decoding] improved; [decodes] CVC words; code review"


def test_a_student_is_found_by_id_or_name(sample_path, capsys):
    # S3005 had a decision and two action items at the grade-3 meeting of
    # 2026-11-13 (sample_data/history/).
    hits = json.loads(
        run(capsys, "search", "S3005", "--db", str(sample_path), "--format", "json")
    )
    assert {(h["kind"], h["student_id"]) for h in hits} == {
        ("decision", "S3005"),
        ("action_item", "S3005"),
    }
    assert len(hits) == 3

    db = open_db(sample_path, readonly=True)
    [(family,)] = db.execute(
        "SELECT family_name FROM students WHERE student_id = 'S3005'"
    )
    db.close()
    by_name = json.loads(
        run(capsys, "search", family, "--db", str(sample_path), "--format", "json")
    )
    assert {h["student_id"] for h in by_name} == {"S3005"}
