"""Meeting protocols and the team's vocabularies, as validated configuration."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

StepKind = Literal[
    "previous_items", "student_review", "new_concerns", "admin", "evaluation"
]
"""What a step's screen shows and records."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Step(_Strict):
    id: str
    title: str
    minutes: float = Field(gt=0)
    kind: StepKind
    prompts: list[str] = []
    """Questions the facilitator reads at this step."""


class Protocol(_Strict):
    name: str
    title: str
    description: str = ""
    student_minutes: float = Field(default=5, gt=0)
    """The time box of each student in a student-review step."""
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_step_ids(self) -> Protocol:
        ids = [step.id for step in self.steps]
        if len(set(ids)) != len(ids):
            raise ValueError("step ids must be unique")
        return self

    @property
    def planned_minutes(self) -> float:
        return sum(step.minutes for step in self.steps)


class Choice(_Strict):
    id: str
    label: str
    description: str = ""


class Vocabulary(_Strict):
    """The words a team records with: decisions, fidelity, effectiveness, ratings."""

    decisions: list[Choice] = Field(min_length=1)
    implementation: list[Choice] = Field(min_length=1)
    effectiveness: list[Choice] = Field(min_length=1)
    evaluation_questions: list[str] = Field(min_length=1)
    evaluation_answers: list[Choice] = Field(min_length=1)
    roles: list[Choice] = Field(min_length=1)

    def label(self, group: str, choice_id: str | None) -> str:
        for choice in getattr(self, group):
            if choice.id == choice_id:
                return choice.label
        return choice_id or ""
