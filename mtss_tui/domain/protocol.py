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
    "previous_items", "student_review", "new_concerns", "admin", "evaluation"
]
"""What a step's screen shows and records."""

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


@dataclass(frozen=True)
class Protocol:
    __pydantic_config__: ClassVar[dict] = STRICT

    name: str
    title: str
    steps: Annotated[list[Step], MinLen(1)]
    description: str = ""
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
