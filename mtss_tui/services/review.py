"""Reviewing past meetings: what a team member reads between meetings.

A `Reviewer` holds a read-only connection (`open_db(path, readonly=True)`,
SQLite `mode=ro`) and does every read in one deferred read transaction: it
sees each commit whole or not at all, and never asks for the write lock, so
a facilitator recording a meeting is never held back by reviewers, and
reviewers never see "database is locked".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mtss_tui.services.followups import STATUSES, FollowUp, follow_ups
from mtss_tui.store import queries, review_queries
from mtss_tui.store.db import Database
from mtss_tui.store.live_meeting import read_transaction
from mtss_tui.store.search import Hit, search

if TYPE_CHECKING:
    from mtss_tui.domain.protocol import Vocabulary
    from mtss_tui.services.review_history import StudentHistory

FOLLOW_UP_STATUSES = tuple(STATUSES)


@dataclass(frozen=True)
class MeetingSummary:
    meeting_id: str
    team: str
    team_title: str
    date: str
    status: str
    protocol: str
    decisions: int | None = None
    items: int | None = None
    """None until counted: the list shows before its counts (`meeting_counts`)."""


@dataclass(frozen=True)
class StudentChoice:
    student_id: str
    name: str
    grade: str
    active: bool

    def matches(self, text: str) -> bool:
        """Does the filter text appear in the id or the name (any case)?"""
        wanted = text.strip().lower()
        return not wanted or wanted in f"{self.student_id} {self.name}".lower()


@dataclass(frozen=True)
class FollowUpFilter:
    owner: str = ""
    team: str | None = None
    status: str = "open"
    due_before: date | None = None


class Reviewer:
    """Read-only access to every meeting's record, one read transaction a call."""

    def __init__(
        self,
        db: Database,
        vocabulary: Vocabulary | Callable[[], Vocabulary],
        restricted: bool = False,
        today: date | None = None,
    ) -> None:
        self.db = db
        self._vocabulary = vocabulary
        self.restricted = restricted
        self._today = today

    @property
    def vocabulary(self) -> Vocabulary:
        """Loaded when first needed (minutes, a history): the meetings list, the
        first screen, shows no decision words, so it opens without the config."""
        if callable(self._vocabulary):
            self._vocabulary = self._vocabulary()
        return self._vocabulary

    @property
    def today(self) -> date:
        """The day overdue is judged on: given (for tests), else the real day."""
        return self._today or date.today()

    def meetings(self) -> list[MeetingSummary]:
        with read_transaction(self.db):
            found = review_queries.meetings_overview(self.db)
        return [MeetingSummary(**row) for row in found]

    def meeting_counts(self) -> dict[str, tuple[int, int]]:
        """(decisions, action items) per meeting: counting years of entries is
        the slow part of the first screen, so it is read once that is shown."""
        with read_transaction(self.db):
            return review_queries.meeting_counts(self.db)

    def minutes(self, meeting_id: str) -> str:
        """The meeting's minutes as recorded; a restricted note's text only when
        the review was opened with `--restricted`."""
        from mtss_tui.reports.minutes import render_minutes

        with read_transaction(self.db):
            return render_minutes(self.db, meeting_id, self.vocabulary, self.restricted)

    def quality(self) -> list[dict]:
        """Each team's meeting foundations (`mtss quality`), for the review."""
        from mtss_tui.domain.quality import FOUNDATIONS
        from mtss_tui.services.quality import quality_report

        with read_transaction(self.db):
            teams = [t["team"] for t in queries.teams(self.db)]
            reports = [quality_report(self.db, team) for team in teams]
        return [{**r, "foundations": FOUNDATIONS} for r in reports if r["meetings"]]

    def students(self) -> list[StudentChoice]:
        with read_transaction(self.db):
            found = review_queries.students(self.db)
        return [
            StudentChoice(
                r["student_id"],
                f"{r['given_name']} {r['family_name']}",
                r["grade"],
                bool(r["active"]),
            )
            for r in found
        ]

    def history(self, student_id: str) -> StudentHistory | None:
        """Read when a history first opens: the meetings list comes up without
        loading the progress analysis the snapshot's charts are typed with."""
        from mtss_tui.services.review_history import read_history

        with read_transaction(self.db):
            return read_history(self.db, student_id, self.vocabulary, self.restricted)

    def teams(self) -> list[tuple[str, str]]:
        """(team id, title) of every team, for the follow-ups filter."""
        with read_transaction(self.db):
            return [(t["team"], t["title"]) for t in queries.teams(self.db)]

    def follow_ups(self, wanted: FollowUpFilter) -> list[FollowUp]:
        with read_transaction(self.db):
            return follow_ups(
                self.db,
                self.today,
                owner=wanted.owner.strip() or None,
                status=wanted.status,
                team=wanted.team,
                due_before=wanted.due_before,
            )

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        with read_transaction(self.db):
            return search(self.db, text, limit, self.restricted)
