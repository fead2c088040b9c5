"""One meeting, one recorder: a second `mtss meet` on a running meeting is refused."""

import os
import subprocess
import sys

import pytest

from mtss_tui.services.meeting import MeetingError, MeetingSession
from mtss_tui.store.audit import Recorder


def hand_to(db, meeting_id: str, pid: int) -> None:
    db.execute(
        "UPDATE meetings SET holder = ? WHERE meeting_id = ?",
        [f"{os.uname().nodename}:{pid}", meeting_id],
    )


def test_a_meeting_held_by_a_live_process_is_refused(sample_db, settings, clock):
    first = MeetingSession.open(
        Recorder(sample_db, "a"), settings, "grade-3", now=clock
    )
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        hand_to(sample_db, first.meeting_id, other.pid)
        with pytest.raises(MeetingError, match="is open in another mtss"):
            MeetingSession.open(
                Recorder(sample_db, "b"), settings, "grade-3", now=clock
            )
    finally:
        other.kill()
        other.wait()

    # Its process is gone (as after a crash): the meeting is taken over at once.
    again = MeetingSession.open(
        Recorder(sample_db, "b"), settings, "grade-3", now=clock
    )
    assert again.meeting_id == first.meeting_id


def test_quitting_frees_the_meeting(sample_db, settings, clock):
    session = MeetingSession.open(
        Recorder(sample_db, "a"), settings, "grade-3", now=clock
    )
    session.release()
    holder = sample_db.execute(
        "SELECT holder FROM meetings WHERE meeting_id = ?", [session.meeting_id]
    ).fetchone()[0]
    assert holder is None


def test_a_meeting_keeps_the_protocol_it_started_with(sample_db, tmp_path, clock):
    """Regression: cutting a step from the file crashed the resumed meeting."""
    from mtss_tui.config import load_settings
    from mtss_tui.paths import bundled

    override = tmp_path / "school"
    (override / "protocols").mkdir(parents=True)
    tips = (bundled("config") / "protocols" / "tips.toml").read_text()
    own = override / "protocols" / "short.toml"
    own.write_text(tips.replace('name = "tips"', 'name = "short"'))
    settings = load_settings(bundled("config"), override)
    session = MeetingSession.open(
        Recorder(sample_db, "a"), settings, "grade-3", "short", now=clock
    )
    session.begin()
    for _ in range(4):
        session.next_step()
    session.release()

    cut = own.read_text().split("[[step]]")
    own.write_text("[[step]]".join(cut[:3]))  # two steps left in the file
    changed = load_settings(bundled("config"), override)
    resumed = MeetingSession.open(
        Recorder(sample_db, "b"), changed, "grade-3", now=clock
    )

    assert len(changed.protocol("short").steps) == 2
    assert len(resumed.protocol.steps) == 5
    assert resumed.step.id == "evaluation"
