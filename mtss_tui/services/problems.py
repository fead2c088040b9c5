"""TIPS problem records: a new concern stated with precision, then reviewed.

A problem is stated as what, who, where, when, how often and why (the why
as a hypothesis), with a goal and its date, solution actions by category,
and how fidelity and effectiveness will be measured. Each solution action is
an action item too, so it has its owner and due date wherever items show.
Later meetings of the team review the problem under the previous items.
"""

from __future__ import annotations

from mtss_tui.services.entries import MeetingError, _day
from mtss_tui.store import queries

STATEMENT = ("what", "who", "location", "timing", "how_often", "why")
"""The precise problem statement, in the order the TIPS form asks for it."""

CATEGORIES = (
    "prevent",
    "teach",
    "prompt",
    "reward",
    "correct",
    "extinguish",
    "adapt",
    "safety",
)
"""The TIPS solution categories; `adapt` is the form's "adaptations"."""


class MeetingProblems:
    """Problem records, for `MeetingSession`: it supplies the recorder."""

    def record_problem(self, problem: dict, actions: list[dict]) -> int:
        """Store a problem with its actions, in one transaction; returns its id."""
        self._open_for_entries()
        missing = [
            f for f in (*STATEMENT, "goal", "goal_date") if not _text(problem, f)
        ]
        if missing:
            raise MeetingError("a problem record needs: " + ", ".join(missing))
        if not actions:
            raise MeetingError("a problem record needs at least one solution action")
        for action in actions:
            if action.get("category") not in CATEGORIES:
                raise MeetingError(
                    f"unknown category {action.get('category')!r}; valid: "
                    + ", ".join(CATEGORIES)
                )
        goal_date = _day(_text(problem, "goal_date"), "goal date", self.today())

        with self.db.atomic():
            problem_id = self.recorder.insert(
                "problems",
                {
                    "meeting_id": self.meeting_id,
                    "student_id": problem.get("student_id"),
                    **{f: _text(problem, f) for f in STATEMENT},
                    "goal": _text(problem, "goal"),
                    "goal_date": goal_date,
                    "fidelity_measure": _text(problem, "fidelity_measure"),
                    "effectiveness_measure": _text(problem, "effectiveness_measure"),
                    "recorded_by": self.recorder.actor,
                    "recorded_at": self.recorder.now(),
                },
                self.meeting_id,
            )
            for position, action in enumerate(actions):
                item_id = self.add_action_item(
                    action.get("what", ""),
                    action.get("owner", ""),
                    action.get("due"),
                    problem.get("student_id"),
                )
                self.recorder.insert(
                    "problem_actions",
                    {
                        "problem_id": problem_id,
                        "position": position,
                        "category": action["category"],
                        "item_id": item_id,
                    },
                    self.meeting_id,
                )
        return problem_id

    def new_problems(self) -> list[dict]:
        """The problems this meeting defined, each with its `actions`."""
        found = queries.rows(
            self.db,
            "SELECT * FROM problems WHERE meeting_id = ? ORDER BY problem_id",
            [self.meeting_id],
        )
        return [self._with_actions(p) for p in found]

    def problems_to_review(self) -> list[dict]:
        """Open problems of the team's earlier meetings, with this meeting's marks."""
        return [
            self._with_actions(p)
            for p in queries.problems_to_review(self.db, self.team, self.meeting_id)
        ]

    def review_problem(
        self,
        problem_id: int,
        implementation: str | None = None,
        effectiveness: str | None = None,
    ) -> None:
        """Mark how the problem's solutions are implemented and working."""
        self._open_for_entries()
        current = (
            queries.one(
                self.db,
                "SELECT * FROM problem_reviews WHERE meeting_id = ? AND problem_id = ?",
                [self.meeting_id, problem_id],
            )
            or {}
        )
        self.recorder.upsert(
            "problem_reviews",
            {
                "meeting_id": self.meeting_id,
                "problem_id": problem_id,
                "implementation": implementation or current.get("implementation"),
                "effectiveness": effectiveness or current.get("effectiveness"),
                "recorded_by": self.recorder.actor,
                "recorded_at": self.recorder.now(),
            },
            ["meeting_id", "problem_id"],
            self.meeting_id,
        )

    def problem_item_ids(self) -> set[int]:
        """Action items that are the solution actions of a problem."""
        return {r[0] for r in self.db.execute("SELECT item_id FROM problem_actions")}

    def _with_actions(self, problem: dict) -> dict:
        return {
            **problem,
            "actions": queries.problem_actions(self.db, problem["problem_id"]),
        }


def _text(values: dict, field: str) -> str:
    return " ".join(str(values.get(field) or "").split())
