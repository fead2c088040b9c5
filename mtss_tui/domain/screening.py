"""A grade's screening results by risk, and one intervention planned for a group.

At a screening data meeting the team looks at the whole grade on one
screening measure, students below the cut first, then gives one group the
same intervention. Each student still gets their own plan: their own
baseline, and a goal shared by the group or set from that baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mtss_tui.domain.flags import CutScore, ScreeningWindows, find_cut
from mtss_tui.domain.records import Measure, StudentRecord

CORE_GOAL = 0.80
"""Core instruction should bring about this share of a grade to the cut."""


@dataclass(frozen=True)
class ScreeningRow:
    """One student's latest screening score on a measure, against its cut."""

    student_id: str
    name: str
    grade: str
    score: float | None
    on: date | None
    cut: float | None

    higher_is_better: bool = True

    @property
    def risk(self) -> str:
        """'below' the cut, 'at' or above it, or 'unknown' (no score or no cut)."""
        if self.score is None or self.cut is None:
            return "unknown"
        if self.higher_is_better:
            return "below" if self.score < self.cut else "at"
        return "below" if self.score >= self.cut else "at"

    @property
    def margin(self) -> float:
        """How far on the good side of the cut the score is (negative: below)."""
        if self.score is None or self.cut is None:
            return float("inf")
        gap = self.score - self.cut
        return gap if self.higher_is_better else -gap


RISK_ORDER = {"below": 0, "at": 1, "unknown": 2}


def screening_rows(
    records: list[StudentRecord],
    measure: Measure,
    cuts: list[CutScore],
    windows: ScreeningWindows,
    as_of: date,
) -> list[ScreeningRow]:
    """Every student's row, below the cut first and furthest below at the top."""
    rows = []
    for record in records:
        scores = [s for s in record.scores_of(measure.measure) if s.on <= as_of]
        latest = scores[-1] if scores else None
        cut = None
        if latest is not None:
            window = windows.window_of(latest.on)
            found = find_cut(cuts, measure.measure, record.grade, window)
            cut = found.cut if found else None
        rows.append(
            ScreeningRow(
                record.student_id,
                record.name,
                record.grade,
                latest.value if latest else None,
                latest.on if latest else None,
                cut,
                measure.higher_is_better,
            )
        )
    rows.sort(key=lambda r: (RISK_ORDER[r.risk], r.margin, r.student_id))
    return rows


@dataclass(frozen=True)
class GradeStatus:
    at_or_above: int
    judged: int

    @property
    def share(self) -> float | None:
        return self.at_or_above / self.judged if self.judged else None

    @property
    def core_met(self) -> bool | None:
        share = self.share
        return None if share is None else share >= CORE_GOAL


def grade_status(rows: list[ScreeningRow]) -> GradeStatus:
    """How many of the students with a score and a cut meet it (are on its good
    side: at or above it, or below it for a measure where lower is better)."""
    judged = [r for r in rows if r.risk != "unknown"]
    return GradeStatus(sum(1 for r in judged if r.risk == "at"), len(judged))


class PlanProblem(ValueError):
    """A group plan that cannot be recorded as given; the message says why."""


@dataclass(frozen=True)
class GroupPlan:
    """One intervention for every student of a group."""

    name: str
    domain: str
    tier: int
    measure: str
    goal: str
    """A value shared by the group (`90`), or a gain on each student's own
    baseline (`+20`)."""
    goal_date: str
    interventionist: str
    frequency: str
    minutes: int | None

    def goal_for(self, baseline: float | None) -> float | None:
        """The student's goal: the shared value, or their baseline plus the gain."""
        text = self.goal.strip()
        if text.startswith("+"):
            return None if baseline is None else baseline + float(text[1:])
        return float(text)

    def check(self) -> None:
        if not self.name.strip():
            raise PlanProblem("the group's intervention needs a name")
        if self.tier not in (1, 2, 3):
            raise PlanProblem(f"tier {self.tier}: expected 1, 2 or 3")
        if self.minutes is not None and not 0 < self.minutes <= 240:
            raise PlanProblem(f"minutes {self.minutes}: expected 1 to 240 a session")
        try:
            self.goal_for(0.0)
        except ValueError:
            raise PlanProblem(
                f"goal {self.goal!r}: expected a number (shared by the group) or "
                "+N (N above each student's baseline)"
            ) from None
