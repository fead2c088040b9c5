"""The student-review queue of one meeting: its order, skips and time boxes.

The order is stored whole whenever the team changes it, so a resumed meeting
shows the queue as the team left it.
"""

from __future__ import annotations

from mtss_tui.domain import queue_order
from mtss_tui.domain.queue_order import QueuePlace
from mtss_tui.domain.timebox import QueueForecast, StudentBox, forecast
from mtss_tui.store import queries


class MeetingQueue:
    """Queue order and time boxes, for `MeetingSession`: it supplies the clock."""

    def review_order(self, ranked: list[str]) -> list[QueuePlace]:
        """The queue for students ranked by the school's data, as arranged."""
        stored = [
            QueuePlace(r["student_id"], bool(r["skipped"]), r["extra_seconds"])
            for r in queries.rows(
                self.db,
                "SELECT * FROM review_queue WHERE meeting_id = ? ORDER BY position",
                [self.meeting_id],
            )
        ]
        return queue_order.arrange(ranked, stored)

    def skip_student(self, ranked: list[str], student_id: str) -> list[QueuePlace]:
        """Send a student to the end of the queue, marked skipped."""
        order = queue_order.skip(self.review_order(ranked), student_id)
        self._store_order(order)
        return order

    def move_student(
        self, ranked: list[str], student_id: str, delta: int
    ) -> list[QueuePlace]:
        order = queue_order.move(self.review_order(ranked), student_id, delta)
        self._store_order(order)
        return order

    def extend_student(self, ranked: list[str], student_id: str, minutes=1) -> None:
        """More time in one student's box (the step is extended with it)."""
        order = queue_order.extend(self.review_order(ranked), student_id, minutes * 60)
        self._store_order(order)

    def student_box(self, student_id: str) -> float:
        """Seconds in the student's time box: the protocol's, plus any added."""
        extra = queries.one(
            self.db,
            "SELECT extra_seconds FROM review_queue "
            "WHERE meeting_id = ? AND student_id = ?",
            [self.meeting_id, student_id],
        )
        added = extra["extra_seconds"] if extra else 0.0
        return self.protocol.student_minutes * 60 + added

    def queue_forecast(self, ranked: list[str]) -> QueueForecast:
        """Will the students not yet decided fit in what is left of the step?"""
        now = self.now()
        base = self.protocol.student_minutes * 60
        decided = self.decided_students()
        remaining = [
            StudentBox(
                base + place.extra_seconds,
                self.clock.subject_seconds(place.student_id, now),
            )
            for place in self.review_order(ranked)
            if place.student_id not in decided
        ]
        return forecast(remaining, self.clock.remaining(now))

    def _store_order(self, order: list[QueuePlace]) -> None:
        """The whole order in one transaction, with one audit row."""
        with self.db.atomic():
            self.db.execute(
                "DELETE FROM review_queue WHERE meeting_id = ?", [self.meeting_id]
            )
            self.db.conn.executemany(
                "INSERT INTO review_queue VALUES (?, ?, ?, ?, ?)",
                [
                    (
                        self.meeting_id,
                        p.student_id,
                        n,
                        int(p.skipped),
                        p.extra_seconds,
                    )
                    for n, p in enumerate(order)
                ],
            )
            self.recorder.log(
                "update", "review_queue", self.meeting_id, self.meeting_id
            )
