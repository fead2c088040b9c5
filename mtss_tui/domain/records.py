"""The school's facts as plain records, one row per dated observation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DOMAINS = ("academics", "attendance", "behavior", "life_skills")
"""The four domains a student card shows side by side, in this order."""

ABSENT_STATUSES = frozenset({"absent_excused", "absent_unexcused", "suspended"})
"""Statuses that count as a whole day missed; `partial` counts its fraction."""


@dataclass(frozen=True)
class Measure:
    measure: str
    domain: str
    unit: str
    direction: str
    """'higher' or 'lower': whichever is better."""
    kind: str = "progress"
    """'screening', 'progress' or 'rating'."""
    title: str = ""

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher"


@dataclass(frozen=True)
class Score:
    measure: str
    on: date
    value: float
    source: str = ""


@dataclass(frozen=True)
class AttendanceDay:
    on: date
    status: str
    fraction: float | None = None

    @property
    def missed(self) -> float:
        """Share of the day missed: 1 for an absence, the fraction for partial."""
        if self.status in ABSENT_STATUSES:
            return 1.0
        if self.status == "partial":
            return self.fraction if self.fraction is not None else 0.5
        return 0.0


@dataclass(frozen=True)
class Incident:
    incident_id: str
    on: date
    type: str
    location: str = ""
    severity: str = ""
    action: str = ""
    time: str = ""


@dataclass(frozen=True)
class Intervention:
    intervention_id: str
    name: str
    domain: str
    tier: int
    start: date
    end: date | None = None
    measure: str | None = None
    baseline: float | None = None
    goal_value: float | None = None
    goal_date: date | None = None
    interventionist: str = ""
    frequency: str = ""
    minutes: int | None = None


@dataclass(frozen=True)
class PeriodMark:
    """A tardy or absence in one class period, where the data has periods."""

    on: date
    period: str
    status: str


@dataclass
class StudentRecord:
    """Everything known about one student, as the flag rules and card need it."""

    student_id: str
    given_name: str
    family_name: str
    grade: str
    attendance: list[AttendanceDay] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    periods: list[PeriodMark] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    def scores_of(self, measure: str) -> list[Score]:
        return sorted((s for s in self.scores if s.measure == measure), key=_on)


@dataclass(frozen=True)
class Flag:
    """One rule that fired for one student, with the numbers that made it fire."""

    student_id: str
    domain: str
    rule: str
    value: float
    threshold: float
    reason: str
    weight: float = 1.0


def _on(score: Score) -> date:
    return score.on
