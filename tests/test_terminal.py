"""End to end in a real terminal (tmux): keys in, screen and database out."""

import os
import shutil
import signal
import subprocess
import time

import pytest

from mtss_tui.store import open_db
from tests.terminal import Terminal, mtss_command

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def start_meeting_and_decide(term, rationale: str) -> None:
    term.wait_for("ctrl+s start the clock")
    term.keys("C-s")
    term.wait_for("1/5 Review previous items")
    term.wait_for("Carry forward")  # the step's keys: its pane is up
    term.keys("n")
    term.wait_for("2/5 Student review")
    term.wait_for("student 0")
    term.keys("d")
    term.wait_for("Decision for")
    term.keys("Enter")
    term.wait_for("Refer for evaluation")
    term.keys("Down", "Down", "Enter")  # the second choice: Intensify
    term.wait_gone("Refer for evaluation")
    term.keys("Tab")
    time.sleep(0.5)  # no mark on a plain screen says focus has moved: let it
    term.type(rationale)
    term.wait_for(rationale)
    term.keys("Enter")
    term.wait_for("Decision saved")


def test_record_a_decision_with_keys_then_quit(tmp_path):
    # The README's first run: no --db, so the per-user database (here under a
    # data folder of the test's own) is created from the sample school.
    data = tmp_path / "data"
    path = data / "mtss_tui" / "mtss.db"
    command = f"env -u MTSS_DB XDG_DATA_HOME={data} " + mtss_command(
        "meet", "--team", "grade-3", "--as", "tmux"
    )
    term = Terminal(command, os.getcwd())
    try:
        _decide_and_quit(term)
    finally:
        term.close()
    _check_the_decision(path)


def _decide_and_quit(term) -> None:
    term.wait_for("Created the sample school database at")
    start_meeting_and_decide(term, "four points under the aim line")
    term.keys("C-q")
    screen = term.wait_for("EXITED rc=0")
    assert "is saved; run `mtss meet --team grade-3` to resume it" in screen


def _check_the_decision(path) -> None:
    db = open_db(path, readonly=True)
    rows = db.execute(
        "SELECT decision_id, kind, rationale, recorded_by FROM decisions "
        "WHERE meeting_id LIKE 'M-%-grade-3' AND meeting_id != ?",
        ["M-2026-11-13-grade-3"],
    ).fetchall()
    assert [row[1:] for row in rows] == [
        ("intensify", "four points under the aim line", "tmux")
    ]
    audit = db.execute(
        "SELECT actor, action FROM audit WHERE table_name = 'decisions' "
        "AND row_key = ?",
        [str(rows[0][0])],
    ).fetchall()
    assert audit == [("tmux", "insert")]


def _app_pid(term) -> int:
    shell = term.pane_pid()
    out = subprocess.run(["pgrep", "-P", str(shell)], capture_output=True, text=True)
    return int(out.stdout.split()[0])


def test_sigkill_mid_meeting_resumes_with_every_entry(terminals, sample_path):
    path = sample_path
    term = terminals("meet", "--db", str(path), "--team", "grade-3")
    start_meeting_and_decide(term, "kill test")
    term.keys("a")
    term.wait_for("Action item ·")
    time.sleep(0.5)  # the dialog focuses its first field once it is shown
    term.type("Send the reading log home")
    term.wait_for("Send the reading log home")
    term.keys("Tab", "Enter")  # open the owner list
    term.wait_for("Saffron Teaspoonly")
    term.keys("Down", "Enter")  # the first owner
    term.wait_gone("Saffron Teaspoonly")
    term.keys("Tab", "Enter")  # the due date as offered
    term.wait_for("Action item saved")
    time.sleep(2.5)  # let the running clock reach a checkpoint

    os.kill(_app_pid(term), signal.SIGKILL)
    term.wait_for("EXITED rc=137")

    db = open_db(path, readonly=True)
    meeting = db.execute(
        "SELECT meeting_id, status FROM meetings WHERE status != 'closed'"
    ).fetchall()
    assert len(meeting) == 1 and meeting[0][1] == "in_progress"
    meeting_id = meeting[0][0]
    spent_before = db.execute(
        "SELECT actual_seconds FROM step_times WHERE meeting_id = ? AND position = 1",
        [meeting_id],
    ).fetchone()[0]
    db.close()

    again = terminals("meet", "--db", str(path), "--team", "grade-3")
    screen = again.wait_for("2/5 Student review")
    assert "Resumed meeting" in again.wait_for("Resumed meeting")
    again.keys("C-q")
    again.wait_for("EXITED rc=0")

    db = open_db(path, readonly=True)
    decisions = db.execute(
        "SELECT kind, rationale FROM decisions WHERE meeting_id = ?", [meeting_id]
    ).fetchall()
    items = db.execute(
        "SELECT what FROM action_items WHERE meeting_id = ?", [meeting_id]
    ).fetchall()
    present = db.execute(
        "SELECT count(*) FROM meeting_attendance WHERE meeting_id = ? AND present = 1",
        [meeting_id],
    ).fetchone()[0]
    spent_after = db.execute(
        "SELECT actual_seconds FROM step_times WHERE meeting_id = ? AND position = 1",
        [meeting_id],
    ).fetchone()[0]
    assert decisions == [("intensify", "kill test")]
    assert items == [("Send the reading log home",)]
    assert present == 6
    assert spent_after >= spent_before > 0
    assert "student 0" in screen
