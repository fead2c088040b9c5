"""Running one meeting: attendance, roles, the clock, and every entry recorded.

Each entry is committed the moment it is made, with its audit row; the clock's
state is stored at every step change and every few seconds, so a killed
process resumes the same meeting at the same step.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path

from mtss_tui.config import Settings, protocol_from_plain
from mtss_tui.domain.clock import MeetingClock
from mtss_tui.domain.protocol import Protocol
from mtss_tui.paths import minutes_dir
from mtss_tui.services.attendance import MeetingAttendance
from mtss_tui.services.entries import MeetingEntries, MeetingError
from mtss_tui.services.opening import MeetingOpening
from mtss_tui.services.problems import MeetingProblems
from mtss_tui.services.queue import MeetingQueue
from mtss_tui.store import queries
from mtss_tui.store.audit import Recorder

HOLD_SECONDS = 30
"""A meeting held by a process on another machine is free after this silence."""


def this_holder() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"


def _holder_alive(holder: str | None, held_at: float | None) -> bool:
    """Is another mtss process still running this meeting?"""
    if not holder or holder == this_holder():
        return False
    host, _, pid = holder.rpartition(":")
    if host == os.uname().nodename and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    return held_at is not None and time.time() - held_at < HOLD_SECONDS


def _check_scope(db, protocol: Protocol, student: str | None) -> None:
    """A one-student protocol needs its student; a team protocol takes none."""
    if protocol.scope == "student" and student is None:
        raise MeetingError(
            f"protocol {protocol.name!r} is about one student: give --student ID"
        )
    if protocol.scope == "team" and student is not None:
        raise MeetingError(
            f"protocol {protocol.name!r} is a team meeting; it takes no --student"
        )
    if student is not None and not queries.student_names(db, {student}):
        raise MeetingError(f"no student {student!r}")


class MeetingSession(
    MeetingAttendance, MeetingQueue, MeetingProblems, MeetingEntries, MeetingOpening
):
    """One team meeting, from attendance to minutes."""

    def __init__(
        self,
        recorder: Recorder,
        settings: Settings,
        meeting: dict,
        now: Callable[[], float] = time.time,
        today: Callable[[], date] = date.today,
        wall: Callable[[], datetime] | None = None,
    ) -> None:
        self.recorder = recorder
        self.today = today
        self.wall = wall or (lambda: datetime.fromisoformat(recorder.now()))
        """The time of day the meeting starts and ends, for its quality record."""
        self.db = recorder.db
        self.settings = settings
        self.meeting_id: str = meeting["meeting_id"]
        self.team: str = meeting["team"]
        self.student_id: str | None = meeting["student_id"]
        """The student a one-student protocol is about; None in a team meeting."""
        # A meeting runs the protocol it started with, even if the file changes.
        self.protocol: Protocol = (
            protocol_from_plain(json.loads(meeting["protocol_json"]))
            if meeting["protocol_json"]
            else settings.protocol(meeting["protocol"])
        )
        self.now = now
        self.resumed = meeting["status"] == "in_progress"
        state = json.loads(meeting["clock_state"]) if meeting["clock_state"] else None
        self.clock = (
            MeetingClock.from_state(state, now())
            if state
            else MeetingClock.plan([(s.id, s.minutes) for s in self.protocol.steps])
        )

    @classmethod
    def open(
        cls,
        recorder: Recorder,
        settings: Settings,
        team: str,
        protocol: str | None = None,
        today: date | None = None,
        now: Callable[[], float] = time.time,
        student: str | None = None,
        wall: Callable[[], datetime] | None = None,
    ) -> MeetingSession:
        """Resume the team's unfinished meeting, or set up a new one.

        A protocol of `student` scope runs on one student, given as `student`;
        the team's meeting about that student is resumed, not its team meeting.
        """
        days = [] if today is None else [lambda: today]
        existing = queries.open_meeting(recorder.db, team, student)
        if existing is not None:
            if _holder_alive(existing["holder"], existing["held_at"]):
                raise MeetingError(
                    f"meeting {existing['meeting_id']} is open in another mtss "
                    f"({existing['holder']}); finish or quit it there first"
                )
            session = cls(recorder, settings, existing, now, *days, wall=wall)
            session.hold()
            return session

        chosen = settings.protocol(protocol or "tips")
        _check_scope(recorder.db, chosen, student)
        day = (today or date.today()).isoformat()
        meeting_id = f"M-{day}-{team}" + (f"-{student}" if student else "")
        taken = queries.meeting(recorder.db, meeting_id)
        suffix = 2
        while taken is not None:
            candidate = f"M-{day}-{team}-{suffix}"
            taken = queries.meeting(recorder.db, candidate)
            meeting_id, suffix = candidate, suffix + 1

        try:
            with recorder.db.atomic():
                recorder.insert(
                    "meetings",
                    {
                        "meeting_id": meeting_id,
                        "team": team,
                        "protocol": chosen.name,
                        "protocol_json": json.dumps(asdict(chosen)),
                        "student_id": student,
                        "date": day,
                        "status": "setup",
                        "recorded_by": recorder.actor,
                        "holder": this_holder(),
                        "held_at": time.time(),
                    },
                    meeting_id,
                )
                for member in queries.team_members(recorder.db, team):
                    recorder.insert(
                        "meeting_attendance",
                        {
                            "meeting_id": meeting_id,
                            "staff_id": member["staff_id"],
                            "present": 1,
                        },
                        meeting_id,
                    )
        except sqlite3.IntegrityError:
            # Another `mtss meet` set up the same meeting a moment ago: join it
            # (or be told it is held) as if it had been there first.
            return cls.open(
                recorder, settings, team, protocol, today, now, student, wall
            )
        return cls(
            recorder,
            settings,
            queries.meeting(recorder.db, meeting_id),
            now,
            *days,
            wall=wall,
        )

    def hold(self) -> None:
        """Mark the meeting as run by this process (refreshed with each checkpoint)."""
        self.db.execute(
            "UPDATE meetings SET holder = ?, held_at = ? WHERE meeting_id = ?",
            [this_holder(), time.time(), self.meeting_id],
        )

    def release(self) -> None:
        """Let another `mtss meet` take the meeting over at once."""
        self.db.execute(
            "UPDATE meetings SET holder = NULL, held_at = NULL "
            "WHERE meeting_id = ? AND holder = ?",
            [self.meeting_id, this_holder()],
        )

    # Setup: who is here and who holds which role.

    @property
    def record(self) -> dict:
        return queries.meeting(self.db, self.meeting_id)

    @property
    def started(self) -> bool:
        return self.record["status"] != "setup"

    def begin(self) -> None:
        """Start the clock on the first step."""
        self.clock.start(self.now())
        self.recorder.update(
            "meetings",
            {"meeting_id": self.meeting_id},
            {
                "status": "in_progress",
                "started_at": self.wall().isoformat(timespec="seconds"),
            },
            self.meeting_id,
        )
        self.checkpoint()

    def review_queue(self, school) -> list:
        """The students a review step works through: the team's flagged
        students, most urgent first, or the one student the meeting is about."""
        if self.student_id is None:
            return school.queue(self.team)
        from mtss_tui.services.school import QueueEntry

        record = school.records([self.student_id])[self.student_id]
        flags = school.flags_of(self.student_id)
        return [QueueEntry(self.student_id, record.name, record.grade, flags)]

    def decision_choices(self) -> list[tuple[str, str]]:
        """(label, id) of the decisions the current step offers."""
        offered = self.step.decisions
        return [
            (c.label, c.id)
            for c in self.settings.vocabulary.decisions
            if not offered or c.id in offered
        ]

    # The clock.

    @property
    def step(self):
        return self.protocol.steps[self.clock.current]

    def next_step(self) -> bool:
        leaving_first = self.clock.current == 0
        moved = self.clock.next_step(self.now())
        self.checkpoint()
        if moved and leaving_first and self.norms_review() is None:
            self.record_norms_review()
        return moved

    def previous_step(self) -> bool:
        moved = self.clock.previous_step(self.now())
        self.checkpoint()
        return moved

    def toggle_pause(self) -> None:
        self.clock.toggle(self.now())
        self.checkpoint()

    def extend(self, minutes: float = 1) -> None:
        self.clock.extend(minutes * 60)
        self.checkpoint()

    def focus_student(self, student_id: str | None) -> None:
        """Count the time of the student now on the card."""
        self.clock.focus(student_id, self.now())
        self.checkpoint()

    def checkpoint(self) -> None:
        """Store the clock, the time per step and the time per student."""
        now = self.now()
        state = self.clock.to_state(now)
        with self.db.atomic():
            self.db.execute(
                "UPDATE meetings SET clock_state = ?, focus_student = ?, "
                "holder = ?, held_at = ? WHERE meeting_id = ?",
                [
                    json.dumps(state),
                    self.clock.subject,
                    this_holder(),
                    time.time(),
                    self.meeting_id,
                ],
            )
            self.db.conn.executemany(
                "INSERT INTO step_times VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (meeting_id, position) DO UPDATE SET "
                "planned_seconds = excluded.planned_seconds, "
                "actual_seconds = excluded.actual_seconds",
                [
                    (
                        self.meeting_id,
                        n,
                        step.id,
                        step.title,
                        self.clock.steps[n].planned,
                        self.clock.spent(now, n),
                    )
                    for n, step in enumerate(self.protocol.steps)
                ],
            )
            self.db.conn.executemany(
                "INSERT INTO student_times VALUES (?, ?, ?, ?) "
                "ON CONFLICT (meeting_id, student_id) DO UPDATE SET "
                "planned_seconds = excluded.planned_seconds, "
                "actual_seconds = excluded.actual_seconds",
                [
                    (
                        self.meeting_id,
                        student,
                        self.student_box(student),
                        self.clock.subject_seconds(student, now),
                    )
                    for student in self.clock.subject_spent
                ],
            )

    def close(self, db_path: Path) -> Path:
        """End the meeting, write the minutes beside the database; returns the file."""
        self.clock.pause(self.now())
        self.checkpoint()
        self.record_wins()
        self.confirm_end_attendance()
        self.recorder.update(
            "meetings",
            {"meeting_id": self.meeting_id},
            {
                "status": "closed",
                "ended_at": self.wall().isoformat(timespec="seconds"),
            },
            self.meeting_id,
        )
        from mtss_tui.services.quality import record_quality

        roles = tuple(c.id for c in self.settings.vocabulary.roles)
        record_quality(self.recorder, self.meeting_id, roles)
        from mtss_tui.reports.minutes import render_minutes

        text = render_minutes(self.db, self.meeting_id, self.settings.vocabulary)
        folder = minutes_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{self.meeting_id}.md"
        temporary = path.with_suffix(".md.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
        self.recorder.update(
            "meetings",
            {"meeting_id": self.meeting_id},
            {"minutes_path": str(path)},
            self.meeting_id,
        )
        return path
