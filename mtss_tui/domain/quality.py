"""Meeting foundations, checked from what a meeting recorded.

A team improves its meetings by seeing, meeting after meeting, whether it
started on time with most members there, had every role filled, ended on
time and set the next date. A fact the meeting did not record is judged
"unknown", never guessed: a share is taken over the meetings where it is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

ON_TIME_MINUTES = 5
"""A meeting whose clock starts within this many minutes of its time is on time."""

PRESENT_SHARE = 0.75
"""The share of members present that a meeting needs, at its start and end."""

FOUNDATIONS = (
    "started_on_time",
    "present_at_start",
    "present_at_end",
    "roles_filled",
    "ended_on_time",
    "next_meeting_scheduled",
)
"""The foundations checked, in the order the report shows them."""

YES, NO, UNKNOWN = "yes", "no", "unknown"


@dataclass(frozen=True)
class MeetingFacts:
    """What one meeting recorded that the foundations are judged on."""

    members: int
    present_at_start: int
    present_at_end: int | None
    """None when the meeting did not record who was there at the end."""
    roles_needed: tuple[str, ...]
    roles_held: frozenset[str]
    planned_seconds: float
    actual_seconds: float | None
    """None when no step was timed (a meeting imported from before mtss)."""
    started_at: datetime | None
    scheduled_start: datetime | None
    """From the previous meeting's next date and time; None if not set."""
    next_meeting_date: str | None
    evaluation: dict[str, str] = field(default_factory=dict)
    """Each self-evaluation question and the answer given."""


@dataclass(frozen=True)
class MeetingQuality:
    started_on_time: str
    start_minutes_late: float | None
    present_at_start: str
    share_present_at_start: float | None
    present_at_end: str
    share_present_at_end: float | None
    roles_filled: str
    roles_missing: tuple[str, ...]
    ended_on_time: str
    planned_seconds: float
    actual_seconds: float | None
    next_meeting_scheduled: str
    evaluation: dict[str, str]


def _yes(condition: bool) -> str:
    return YES if condition else NO


def _share(count: int | None, members: int) -> float | None:
    if count is None or members == 0:
        return None
    return count / members


def assess(facts: MeetingFacts) -> MeetingQuality:
    """Each foundation met, missed or unknown, with the figure it was judged on."""
    late = None
    on_time = UNKNOWN
    if facts.started_at is not None and facts.scheduled_start is not None:
        late = (facts.started_at - facts.scheduled_start).total_seconds() / 60
        on_time = _yes(late <= ON_TIME_MINUTES)

    start = _share(facts.present_at_start, facts.members)
    end = _share(facts.present_at_end, facts.members)
    missing = tuple(r for r in facts.roles_needed if r not in facts.roles_held)
    ended = (
        UNKNOWN
        if facts.actual_seconds is None
        else _yes(facts.actual_seconds <= facts.planned_seconds)
    )
    return MeetingQuality(
        started_on_time=on_time,
        start_minutes_late=late,
        present_at_start=UNKNOWN if start is None else _yes(start >= PRESENT_SHARE),
        share_present_at_start=start,
        present_at_end=UNKNOWN if end is None else _yes(end >= PRESENT_SHARE),
        share_present_at_end=end,
        roles_filled=_yes(not missing),
        roles_missing=missing,
        ended_on_time=ended,
        planned_seconds=facts.planned_seconds,
        actual_seconds=facts.actual_seconds,
        next_meeting_scheduled=_yes(facts.next_meeting_date is not None),
        evaluation=dict(facts.evaluation),
    )


@dataclass(frozen=True)
class Share:
    """How many meetings met a foundation, of those where it is known."""

    met: int
    known: int

    @property
    def fraction(self) -> float | None:
        return self.met / self.known if self.known else None


def shares(checks: list[dict[str, str]]) -> dict[str, Share]:
    """Per foundation, the meetings that met it of those where it is known."""
    return {
        name: Share(
            met=sum(1 for c in checks if c[name] == YES),
            known=sum(1 for c in checks if c[name] != UNKNOWN),
        )
        for name in FOUNDATIONS
    }
