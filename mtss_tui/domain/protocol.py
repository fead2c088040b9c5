"""Meeting protocols and the team's vocabularies, as plain frozen records.

These records carry their validation rules as annotations (`config.py`
checks files against them with pydantic) but import nothing heavy, so a
meeting can start from an already validated copy without loading pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal

from annotated_types import Gt, Le, MinLen

StepKind = Literal[
    "previous_items",
    "student_review",
    "new_concerns",
    "admin",
    "discussion",
    "screening_status",
    "screening_groups",
    "evaluation",
]
"""What a step's screen shows and records."""

RecordField = Literal[
    "item_reviews",
    "decision",
    "action_items",
    "notes",
    "group_interventions",
    "evaluation",
    "next_meeting",
]
"""What a step can store; a protocol file declares which of these each step keeps."""

KIND_RECORDS: dict[str, frozenset[str]] = {
    "previous_items": frozenset({"item_reviews", "action_items", "notes"}),
    "student_review": frozenset({"decision", "action_items", "notes"}),
    "new_concerns": frozenset({"notes", "action_items"}),
    "admin": frozenset({"notes", "action_items"}),
    "discussion": frozenset({"notes", "action_items"}),
    "screening_status": frozenset({"notes", "action_items"}),
    "screening_groups": frozenset({"group_interventions", "action_items"}),
    "evaluation": frozenset({"evaluation", "next_meeting", "action_items"}),
}
"""What each step kind's screen is able to record: a protocol that declares more
would promise the team a field nobody can fill in."""

Scope = Literal["team", "student"]
"""A team meeting works through a queue; a student meeting is about one student."""

STRICT: dict = {"extra": "forbid", "strict": True, "allow_inf_nan": False}
"""pydantic settings for configuration records: no unknown keys, no coercion,
no infinite or not-a-number values."""


@dataclass(frozen=True)
class Step:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    title: str
    minutes: Annotated[float, Gt(0), Le(480)]
    kind: StepKind
    prompts: list[str] = field(default_factory=list)
    """Questions the facilitator reads at this step."""
    records: list[RecordField] = field(default_factory=list)
    """The fields this step fills in, for the minutes and the validator."""
    decisions: list[str] = field(default_factory=list)
    """Decision ids (from the vocabulary) this step offers; none means every one."""


@dataclass(frozen=True)
class Protocol:
    __pydantic_config__: ClassVar[dict] = STRICT

    name: str
    title: str
    steps: Annotated[list[Step], MinLen(1)]
    description: str = ""
    scope: Scope = "team"
    student_minutes: Annotated[float, Gt(0), Le(120)] = 5
    """The time box of each student in a student-review step."""

    @property
    def planned_minutes(self) -> float:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Choice:
    __pydantic_config__: ClassVar[dict] = STRICT

    id: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """The words a team records with: decisions, fidelity, effectiveness, ratings."""

    __pydantic_config__: ClassVar[dict] = STRICT

    decisions: Annotated[list[Choice], MinLen(1)]
    implementation: Annotated[list[Choice], MinLen(1)]
    effectiveness: Annotated[list[Choice], MinLen(1)]
    evaluation_questions: Annotated[list[str], MinLen(1)]
    evaluation_answers: Annotated[list[Choice], MinLen(1)]
    roles: Annotated[list[Choice], MinLen(1)]

    def label(self, group: str, choice_id: str | None) -> str:
        for choice in getattr(self, group):
            if choice.id == choice_id:
                return choice.label
        return choice_id or ""
