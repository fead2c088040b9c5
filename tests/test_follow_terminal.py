"""A facilitator and a follower in two real terminals (tmux), on one file."""

import shutil
from datetime import date

import pytest

from tests.test_terminal import start_meeting_and_decide

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def test_what_the_facilitator_types_shows_on_the_follower(terminals, sample_path):
    db = str(sample_path)
    meeting_id = f"M-{date.today().isoformat()}-grade-3"
    facilitator = terminals("meet", "--db", db, "--team", "grade-3", "--as", "tmux")
    facilitator.wait_for("ctrl+s start the clock")

    # Followed from set-up on, by id: the meeting is not in progress yet.
    follower = terminals("follow", "--db", db, "--meeting", meeting_id)
    follower.wait_for("read-only")
    follower.wait_for("NOT STARTED")

    start_meeting_and_decide(facilitator, "seen from the follower")
    # It polls four times a second; the slack is for a loaded machine.
    screen = follower.wait_for("seen from the follower", timeout=10)
    assert "2/5 Student review" in screen
    assert "Decision · S" in screen and "Intensify" in screen
    assert "tmux · Decision" in screen
    assert "On the card: S" in screen

    follower.keys("q")
    follower.wait_for("EXITED rc=0")
    facilitator.keys("C-q")
    facilitator.wait_for("EXITED rc=0")
