"""Following a meeting from another terminal: what the facilitator's screen
shows, read from the file alone, without ever writing to it.

The facilitator's process stores the clock at every step change and every two
seconds, in the same statement that stamps `held_at`; the follower rebuilds
the clock from that state as of that moment, so its countdown moves every
second between checkpoints, as the facilitator's does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from mtss_tui.config import Settings, protocol_from_plain
from mtss_tui.domain.clock import MeetingClock
from mtss_tui.domain.protocol import Protocol
from mtss_tui.services.teams import SchoolError
from mtss_tui.store import live_meeting, queries
from mtss_tui.store.db import Database

SILENT_SECONDS = 10
"""A facilitator's screen stores the clock (or its hold on the meeting) every
two seconds; after this long without, it is taken to be gone (killed, or its
connection dropped) and the follower's clock stands still."""


class FollowError(SchoolError):
    """There is no meeting to follow as asked; the message says which there are."""


@dataclass(frozen=True)
class Entry:
    """One thing the team recorded, as a follower sees it."""

    kind: str
    """'decision', 'action', 'note' or 'review'."""
    recorded_at: str
    recorded_by: str
    about: str
    """The student (id and name) or 'the team'."""
    headline: str
    detail: str = ""


@dataclass(frozen=True)
class FocusStudent:
    student_id: str
    name: str
    reasons: list[str]


@dataclass(frozen=True)
class MeetingView:
    """A meeting as it stood at one commit: plain data, nothing to write back."""

    meeting_id: str
    team: str
    team_title: str
    protocol: Protocol
    status: str
    clock_state: dict | None
    checkpoint_at: float | None
    """When the clock state was stored by a facilitator still running it;
    None when no one holds the meeting (its clock then stands still)."""
    focus: FocusStudent | None
    entries: list[Entry] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    @property
    def started(self) -> bool:
        return self.status != "setup" and self.clock_state is not None

    def held(self, now: float) -> bool:
        """Is a facilitator's screen running this meeting, as of `now`?"""
        return (
            self.checkpoint_at is not None and now - self.checkpoint_at < SILENT_SECONDS
        )

    def clock(self, now: float) -> MeetingClock:
        """The facilitator's clock as it reads at `now`."""
        if self.clock_state is None:
            return MeetingClock.plan([(s.id, s.minutes) for s in self.protocol.steps])
        if self.closed or not self.held(now):
            state = {**self.clock_state, "running": False}
            return MeetingClock.from_state(state, now)
        return MeetingClock.from_state(self.clock_state, self.checkpoint_at)


def choose_meeting(db: Database, meeting_id: str | None) -> str:
    """The meeting asked for; else the one in progress (the latest started)."""
    if meeting_id is not None:
        if queries.meeting(db, meeting_id) is None:
            raise FollowError(
                f"no meeting {meeting_id!r}; recent meetings: {_recent(db)}"
            )
        return meeting_id

    running = live_meeting.meetings_in_progress(db)
    if not running:
        raise FollowError(
            f"no meeting is in progress; recent meetings: {_recent(db)} "
            "(follow one with --meeting ID)"
        )
    return running[0]["meeting_id"]


def _recent(db: Database) -> str:
    return ", ".join(queries.recent_meetings(db)) or "none yet"


class Follower:
    """Watches one meeting through a read-only connection.

    `changed()` is cheap (one pragma) and is asked several times a second;
    `view()` reads the whole meeting in one read transaction and is asked
    only when something was committed.
    """

    def __init__(
        self,
        db: Database,
        settings: Settings,
        meeting_id: str,
    ) -> None:
        self.db = db
        self.settings = settings
        self.meeting_id = meeting_id
        self._version: int | None = None
        self._reasons: dict[str, list[str]] = {}
        self._school = None

    def changed(self) -> bool:
        """Has anyone committed to the file since the last `view()`?"""
        return live_meeting.data_version(self.db) != self._version

    def view(self) -> MeetingView:
        with live_meeting.read_transaction(self.db):
            version = live_meeting.data_version(self.db)
            meeting = queries.meeting(self.db, self.meeting_id)
            if meeting is None:
                raise FollowError(f"meeting {self.meeting_id!r} is gone")
            entries = self._entries()
            title = live_meeting.team_title(self.db, meeting["team"])
            focus_id = meeting["focus_student"]
            focus_name = queries.student_names(self.db, [focus_id] if focus_id else [])
        # Only a read that got through counts: a failed one is tried again.
        self._version = version

        protocol = (
            protocol_from_plain(json.loads(meeting["protocol_json"]))
            if meeting["protocol_json"]
            else self.settings.protocol(meeting["protocol"])
        )
        focus = None
        if focus_id:
            focus = FocusStudent(
                focus_id, focus_name.get(focus_id, ""), self._reasons_of(focus_id)
            )
        return MeetingView(
            meeting_id=meeting["meeting_id"],
            team=meeting["team"],
            team_title=title,
            protocol=protocol,
            status=meeting["status"],
            clock_state=(
                json.loads(meeting["clock_state"]) if meeting["clock_state"] else None
            ),
            checkpoint_at=meeting["held_at"] if meeting["holder"] else None,
            focus=focus,
            entries=entries,
        )

    def _reasons_of(self, student_id: str) -> list[str]:
        """The reasons the student is flagged; the school's data does not change
        during a meeting, so they are worked out once per student."""
        if student_id not in self._reasons:
            from mtss_tui.services.school import School

            if self._school is None:
                self._school = School(self.db, self.settings)
            school = self._school
            known = bool(school.records([student_id]))
            flags = school.flags_of(student_id) if known else []
            self._reasons[student_id] = [flag.reason for flag in flags]
        return self._reasons[student_id]

    def _entries(self) -> list[Entry]:
        """Everything recorded in the meeting, in the order it was recorded."""
        vocabulary = self.settings.vocabulary
        decisions = live_meeting.decisions(self.db, self.meeting_id)
        items = live_meeting.action_items(self.db, self.meeting_id)
        notes = live_meeting.open_notes(self.db, self.meeting_id)
        reviews = live_meeting.item_reviews(self.db, self.meeting_id)
        students = {r["student_id"] for r in [*decisions, *items, *notes, *reviews]} - {
            None
        }
        names = queries.student_names(self.db, students)

        def about(student_id: str | None) -> str:
            if not student_id:
                return "the team"
            return f"{student_id} {names.get(student_id, '')}".rstrip()

        found: list[tuple[tuple, Entry]] = []
        for d in decisions:
            corrected = " (corrected)" if d["corrections"] else ""
            entry = Entry(
                "decision",
                d["recorded_at"],
                d["recorded_by"],
                about(d["student_id"]),
                vocabulary.label("decisions", d["kind"]) + corrected,
                d["rationale"],
            )
            found.append(((d["recorded_at"], 0, d["decision_id"]), entry))
        for i in items:
            carried = " (carried forward)" if i["carried_from"] else ""
            due = f"due {i['due_date']}" if i["due_date"] else "no due date"
            entry = Entry(
                "action",
                i["recorded_at"],
                i["recorded_by"],
                about(i["student_id"]),
                i["what"] + carried,
                f"owner {i['owner']}, {due}",
            )
            found.append(((i["recorded_at"], 1, i["item_id"]), entry))
        for n in notes:
            entry = Entry(
                "note",
                n["recorded_at"],
                n["recorded_by"],
                about(n["student_id"]),
                n["text"],
            )
            found.append(((n["recorded_at"], 2, n["note_id"]), entry))
        for r in reviews:
            marks = [
                vocabulary.label("implementation", r["implementation"]),
                vocabulary.label("effectiveness", r["effectiveness"]),
                r["outcome"] or "",
            ]
            entry = Entry(
                "review",
                r["recorded_at"],
                r["recorded_by"],
                about(r["student_id"]),
                f"{r['what']} (owner {r['owner']})",
                ", ".join(m for m in marks if m) or "not marked yet",
            )
            found.append(((r["recorded_at"], 3, r["item_id"]), entry))
        found.sort(key=lambda pair: pair[0])
        return [entry for _key, entry in found]
