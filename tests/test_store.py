"""The store: migrations from empty, the audit trail, decision snapshots."""

import json
import sqlite3
from datetime import date, timedelta

import pytest

from mtss_tui.services.meeting import MeetingSession
from mtss_tui.services.school import School
from mtss_tui.store import NewerSchemaError, StoreError, open_db
from mtss_tui.store.audit import Recorder
from mtss_tui.store.migrations import SCHEMA_VERSION


def test_migrations_from_an_empty_file(tmp_path):
    db = open_db(tmp_path / "new.db")

    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert {"students", "decisions", "action_items", "audit"} <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    with pytest.raises(NewerSchemaError, match="newer mtss_tui"):
        open_db(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is a shopping list, not a database\n" * 20)

    with pytest.raises(StoreError, match="not an mtss_tui database"):
        open_db(path)


def test_readonly_open_cannot_write(sample_path):
    db = open_db(sample_path, readonly=True)

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM students")


def test_every_write_leaves_an_audit_row(sample_db, settings, clock):
    recorder = Recorder(sample_db, "R. Alder", login="ralder")
    before = sample_db.execute("SELECT count(*) FROM audit").fetchone()[0]
    session = MeetingSession.open(recorder, settings, "grade-3", now=clock)
    session.begin()
    due = (date.today() + timedelta(days=7)).isoformat()
    item = session.add_action_item("Call home", "Opal Inkwhistle", due)
    note = session.add_note("Team asked for the spring calendar")

    audit = list(
        sample_db.query(
            "SELECT * FROM audit WHERE audit_id > ? ORDER BY audit_id", [before]
        )
    )
    tables = [a["table_name"] for a in audit]
    assert "meetings" in tables
    assert tables.count("meeting_attendance") == len(session.members())
    assert {"action_items", "notes"} <= set(tables)
    assert {a["actor"] for a in audit} == {"R. Alder"}
    assert {a["login"] for a in audit} == {"ralder"}
    item_rows = [a for a in audit if a["table_name"] == "action_items"]
    assert item_rows[0]["row_key"] == str(item)
    assert [a["row_key"] for a in audit if a["table_name"] == "notes"] == [str(note)]
    # The audit row names the row, never its text.
    assert not any("Call home" in json.dumps(a) for a in audit)


def test_the_audit_log_is_append_only(sample_db):
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        sample_db.execute("DELETE FROM audit")


def test_decision_snapshot_reads_back_the_card(sample_db, settings, clock):
    session = MeetingSession.open(
        Recorder(sample_db, "tester"), settings, "grade-3", now=clock
    )
    session.begin()
    school = School(sample_db, settings)
    entry = next(
        e
        for e in school.queue("grade-3")
        if any(f.rule == "progress_below_aim" for f in e.flags)
    )
    card = school.card(entry.student_id)

    decision_id = session.record_decision(
        entry.student_id, "intensify", "Four points under the aim line", card
    )

    [row] = sample_db.query(
        "SELECT * FROM decisions WHERE decision_id = ?", [decision_id]
    )
    snapshot = json.loads(row["snapshot"])
    assert snapshot == json.loads(json.dumps(card.snapshot()))
    [progress] = [
        a
        for a in snapshot["progress"]
        if a["measure"] == snapshot["charts"][0]["key"].split(":")[1]
    ]
    assert progress["rules"][0]["verdict"] == "change_intervention"
    assert (
        snapshot["charts"][0]["series"][0]["values"] == card.charts[0].series[0].values
    )
    assert [f["rule"] for f in snapshot["flags"]] == [f.rule for f in entry.flags]


def test_a_folder_or_a_foreign_database_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        open_db(tmp_path)

    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE attendance (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="holds other tables, such as 'attendance'"):
        open_db(foreign)
    assert sqlite3.connect(foreign).execute("PRAGMA user_version").fetchone() == (0,)
