"""Review over SSH for real: OpenSSH on 127.0.0.1 with a forced, read-only command.

The key's `authorized_keys` line is the one the README gives. The client's own
command is ignored, nothing listens beyond loopback, and no row changes.
"""

import shlex
import shutil
import subprocess
import sys
import time

import pytest

from tests import sshd
from tests.terminal import Terminal

pytestmark = pytest.mark.skipif(
    not (sshd.available() and shutil.which("tmux")), reason="needs sshd, ssh and tmux"
)

CLOSED = "M-2026-11-13-grade-3"


def row_counts(path) -> dict[str, int]:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    ]
    counts = {
        t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0] for t in tables
    }
    conn.close()
    return counts


def forced(command: str, sample_path) -> str:
    """The README's forced command: one read-only mtss command on one file."""
    return (
        f"exec {shlex.quote(sys.executable)} -m mtss_tui.cli {command} "
        f"--db {shlex.quote(str(sample_path))}"
    )


@pytest.fixture
def server(sample_path, tmp_path):
    running = sshd.ReviewServer(tmp_path / "ssh", forced("review", sample_path))
    yield running
    running.stop()


def test_review_over_ssh_a_meeting_and_a_search(server, sample_path, tmp_path):
    before = row_counts(sample_path)
    assert server.listening_addresses() == {"0100007F"}  # 127.0.0.1 only

    # The client asks for a command of its own: the forced one runs instead.
    marker = tmp_path / "client-ran-this"
    terminal = Terminal(server.ssh("-t", command=f"touch {marker}"), tmp_path, 120, 40)
    try:
        terminal.wait_for("read-only")
        terminal.wait_for("2 meetings")
        terminal.keys("Enter")  # the first meeting's minutes, as recorded
        terminal.wait_for("Minutes: Grade")
        terminal.keys("Escape")
        terminal.wait_for("2 meetings")
        terminal.keys("/")
        terminal.wait_for("Search")
        time.sleep(0.5)  # no mark on a plain screen says the field has focus
        terminal.type("repeated reading")
        screen = terminal.wait_for("Add repeated reading passages")
        assert CLOSED in screen
        terminal.keys("Escape")  # leave the field; alone, or it reads as alt+q
        terminal.wait_for("q Quit")
        terminal.keys("q")
        terminal.wait_for("EXITED rc=0")
    finally:
        terminal.close()

    assert not marker.exists()
    assert row_counts(sample_path) == before


def test_follow_over_ssh(sample_path, tmp_path):
    command = forced(f"follow --meeting {CLOSED}", sample_path)
    running = sshd.ReviewServer(tmp_path / "ssh", command)
    terminal = Terminal(running.ssh("-t"), tmp_path)
    try:
        terminal.wait_for("read-only")
        terminal.wait_for(CLOSED)
        terminal.keys("q")
        terminal.wait_for("EXITED rc=0")
    finally:
        terminal.close()
        running.stop()


def test_without_a_terminal_the_forced_command_refuses_in_one_line(server):
    result = subprocess.run(
        server.ssh("-T"), shell=True, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr
    assert result.stdout == ""
