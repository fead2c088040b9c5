"""How a meeting opens: the team's norms read aloud, then its wins.

Both are recorded: the norms when the first step is left (the team has read
them), the wins when the meeting closes (they include the items the team
closed while reviewing), so the minutes list what the team saw.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from mtss_tui.store import queries

if TYPE_CHECKING:
    from mtss_tui.domain.wins import Win


class MeetingOpening:
    """Norms and wins, for `MeetingSession`: it supplies the recorder and meeting."""

    def team_norms(self) -> list[tuple[str, str]]:
        """(category, norm) pairs for this team, from `team_norms.toml`."""
        return self.settings.team_norms.for_team(self.team)

    def norms_review(self) -> dict | None:
        return queries.one(
            self.db,
            "SELECT * FROM norms_reviews WHERE meeting_id = ?",
            [self.meeting_id],
        )

    def record_norms_review(self) -> None:
        """The norms as read today; a meeting records them once."""
        self.recorder.insert(
            "norms_reviews",
            {
                "meeting_id": self.meeting_id,
                "norms": json.dumps(self.team_norms()),
                "recorded_by": self.recorder.actor,
                "recorded_at": self.recorder.now(),
            },
            self.meeting_id,
        )

    def wins(self, school=None) -> list[Win]:
        """The team's wins since its last closed meeting (or the last 30 days)."""
        from mtss_tui.services.wins import team_wins

        if school is None:
            from mtss_tui.services.school import School

            school = School(self.db, self.settings)
        return team_wins(school, self.team, self.meeting_id)

    def wins_since(self, school) -> date:
        """The day the wins are counted from (the last meeting's, or 30 days back)."""
        from mtss_tui.services.wins import win_window

        return win_window(self.db, self.team, self.meeting_id, school.as_of).since

    def record_wins(self) -> None:
        """Store the wins as they stand, replacing any stored before."""
        wins = self.wins()
        with self.db.atomic():
            self.recorder.delete(
                "meeting_wins", {"meeting_id": self.meeting_id}, self.meeting_id
            )
            for position, win in enumerate(wins):
                self.recorder.insert(
                    "meeting_wins",
                    {
                        "meeting_id": self.meeting_id,
                        "position": position,
                        "kind": win.kind,
                        "student_id": win.student_id,
                        "text": win.text,
                    },
                    self.meeting_id,
                )
