"""The entries a team makes in a meeting: decisions, action items, reviews, notes.

Each method commits its entry, with the audit row, before it returns; none
of them accepts an entry once the meeting is closed and its minutes written.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from mtss_tui.errors import UserError

if TYPE_CHECKING:
    from mtss_tui.domain.card import StudentCard
from mtss_tui.domain.dates import DateProblem, parse_day
from mtss_tui.store import queries


class MeetingError(UserError):
    """An entry that cannot be recorded as given; the message says why."""


def _day(text: str, field: str, not_before) -> str:
    try:
        return parse_day(text, field, not_before)
    except DateProblem as problem:
        raise MeetingError(str(problem)) from None


def _clock_time(text: str) -> str:
    """A start time as HH:MM, or the reason it is not one."""
    hours, colon, minutes = text.partition(":")
    if (
        colon
        and hours.isdigit()
        and minutes.isdigit()
        and len(minutes) == 2
        and int(hours) < 24
        and int(minutes) < 60
    ):
        return f"{int(hours):02d}:{minutes}"
    raise MeetingError(f"next meeting time {text!r}: expected HH:MM, e.g. 07:45")


class MeetingEntries:
    """Recording, for `MeetingSession`: it supplies the recorder and the meeting."""

    # What has been recorded, for the screens.

    def previous_items(self) -> list[dict]:
        return queries.previous_items(self.db, self.team, self.meeting_id)

    def notes(self, step_id: str) -> list[dict]:
        return [
            n
            for n in queries.notes_of(self.db, self.meeting_id)
            if n["step_id"] == step_id
        ]

    def team_items(self) -> list[dict]:
        """This meeting's own action items for the team: no student, not carried,
        not a problem's solution action (those show with their problem)."""
        of_problems = self.problem_item_ids()
        return [
            i
            for i in queries.items_of(self.db, self.meeting_id)
            if i["student_id"] is None
            and i["carried_from"] is None
            and i["item_id"] not in of_problems
        ]

    def decided_students(self) -> set[str]:
        return {d["student_id"] for d in queries.decisions_of(self.db, self.meeting_id)}

    def evaluation_answers(self) -> dict[int, str]:
        return {
            r["position"]: r["answer"]
            for r in queries.rows(
                self.db,
                "SELECT position, answer FROM evaluations WHERE meeting_id = ?",
                [self.meeting_id],
            )
        }

    def student_names(self, student_ids) -> dict[str, str]:
        return queries.student_names(self.db, {s for s in student_ids if s})

    # Recording.

    @property
    def closed(self) -> bool:
        return self.record["status"] == "closed"

    def _open_for_entries(self) -> None:
        if self.closed:
            raise MeetingError(
                f"meeting {self.meeting_id} is closed; its minutes are written"
            )

    def decision_of(self, student_id: str) -> dict | None:
        """This meeting's decision for a student, if one is recorded."""
        return queries.one(
            self.db,
            "SELECT * FROM decisions WHERE meeting_id = ? AND student_id = ?",
            [self.meeting_id, student_id],
        )

    def record_decision(
        self, student_id: str, kind: str, rationale: str, card: StudentCard
    ) -> int:
        """One decision per student and meeting; recording again corrects it."""
        self._open_for_entries()
        valid = [choice_id for _, choice_id in self.decision_choices()]
        if kind not in valid:
            raise MeetingError(f"unknown decision {kind!r}; valid: {', '.join(valid)}")
        if not rationale.strip():
            raise MeetingError("a decision needs its rationale")

        values = {
            "kind": kind,
            "rationale": rationale.strip(),
            "snapshot": json.dumps(card.snapshot()),
            "recorded_by": self.recorder.actor,
            "recorded_at": self.recorder.now(),
        }
        existing = self.decision_of(student_id)
        if existing is not None:
            # The decision as it stood is kept: a correction never loses an entry.
            with self.db.atomic():
                self.recorder.insert(
                    "decision_revisions",
                    {
                        "decision_id": existing["decision_id"],
                        "kind": existing["kind"],
                        "rationale": existing["rationale"],
                        "snapshot": existing["snapshot"],
                        "recorded_by": existing["recorded_by"],
                        "recorded_at": existing["recorded_at"],
                        "replaced_at": self.recorder.now(),
                    },
                    self.meeting_id,
                )
                self.recorder.update(
                    "decisions",
                    {"decision_id": existing["decision_id"]},
                    values,
                    self.meeting_id,
                )
            return existing["decision_id"]
        return self.recorder.insert(
            "decisions",
            {"meeting_id": self.meeting_id, "student_id": student_id, **values},
            self.meeting_id,
        )

    def add_action_item(
        self,
        what: str,
        owner: str,
        due: str | None,
        student_id: str | None = None,
        decision_id: int | None = None,
        carried_from: int | None = None,
    ) -> int:
        self._open_for_entries()
        if not what.strip() or not owner.strip():
            raise MeetingError("an action item needs what is to be done and an owner")
        due_date = _day(due, "due date", self.today()) if due else None
        return self.recorder.insert(
            "action_items",
            {
                "meeting_id": self.meeting_id,
                "student_id": student_id,
                "decision_id": decision_id,
                "what": what.strip(),
                "owner": owner.strip(),
                "due_date": due_date,
                "status": "open",
                "carried_from": carried_from,
                "recorded_by": self.recorder.actor,
                "recorded_at": self.recorder.now(),
            },
            self.meeting_id,
        )

    def review_item(
        self,
        item_id: int,
        implementation: str | None = None,
        effectiveness: str | None = None,
        outcome: str | None = None,
        carry: dict | None = None,
    ) -> None:
        """Mark an earlier item; close it, or carry it forward as a new item.

        `carry` may give the new item's what, owner and due date. Changing the
        outcome again takes the earlier choice back: a closed item is reopened
        by carrying it, and a carried item's new copy goes when it is closed.
        """
        self._open_for_entries()
        item = queries.one(
            self.db, "SELECT * FROM action_items WHERE item_id = ?", [item_id]
        )
        if item is None:
            raise MeetingError(f"no action item {item_id}")
        current = (
            queries.one(
                self.db,
                "SELECT * FROM item_reviews WHERE meeting_id = ? AND item_id = ?",
                [self.meeting_id, item_id],
            )
            or {}
        )
        review = {
            "meeting_id": self.meeting_id,
            "item_id": item_id,
            "implementation": implementation or current.get("implementation"),
            "effectiveness": effectiveness or current.get("effectiveness"),
            "outcome": outcome or current.get("outcome"),
            "recorded_by": self.recorder.actor,
            "recorded_at": self.recorder.now(),
        }
        copy = queries.one(
            self.db,
            "SELECT item_id FROM action_items "
            "WHERE meeting_id = ? AND carried_from = ?",
            [self.meeting_id, item_id],
        )

        with self.db.atomic():
            self.recorder.upsert(
                "item_reviews", review, ["meeting_id", "item_id"], self.meeting_id
            )
            if outcome is None:
                return
            self.recorder.update(
                "action_items",
                {"item_id": item_id},
                {"status": outcome},
                self.meeting_id,
            )
            if outcome == "closed" and copy:
                self.recorder.delete(
                    "action_items", {"item_id": copy["item_id"]}, self.meeting_id
                )
            elif outcome == "carried":
                carry = carry or {}
                if copy:
                    self.recorder.delete(
                        "action_items", {"item_id": copy["item_id"]}, self.meeting_id
                    )
                self.add_action_item(
                    carry.get("what") or item["what"],
                    carry.get("owner") or item["owner"],
                    carry.get("due"),
                    item["student_id"],
                    carried_from=item_id,
                )

    def add_note(
        self, text: str, student_id: str | None = None, restricted: bool = False
    ) -> int:
        self._open_for_entries()
        if not text.strip():
            raise MeetingError("a note needs some text")
        student_id = student_id or self.student_id  # a student meeting's notes
        return self.recorder.insert(
            "notes",
            {
                "meeting_id": self.meeting_id,
                "step_id": self.step.id,
                "student_id": student_id,
                "text": text.strip(),
                "restricted": int(restricted),
                "recorded_by": self.recorder.actor,
                "recorded_at": self.recorder.now(),
            },
            self.meeting_id,
        )

    def answer_evaluation(self, position: int, answer: str) -> None:
        self._open_for_entries()
        questions = self.settings.vocabulary.evaluation_questions
        self.recorder.upsert(
            "evaluations",
            {
                "meeting_id": self.meeting_id,
                "position": position,
                "question": questions[position],
                "answer": answer,
            },
            ["meeting_id", "position"],
            self.meeting_id,
        )

    def set_next_meeting(self, day: str, at: str | None = None) -> None:
        """The next meeting's date and, if known, its start time (HH:MM): the
        next meeting is judged against that time for starting on time."""
        self._open_for_entries()
        value = _day(day, "next meeting", self.today())
        values = {"next_meeting_date": value}
        if at is not None and at.strip():
            values["next_meeting_time"] = _clock_time(at.strip())
        self.recorder.update(
            "meetings", {"meeting_id": self.meeting_id}, values, self.meeting_id
        )
