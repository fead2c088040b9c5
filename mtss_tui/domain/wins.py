"""Wins since the team last met: what went right, in numbers, before the problems.

A meeting that opens with what worked keeps a team from reading its data only
for failures. Each win carries the figures that make it one, so the team can
check it rather than take it on trust:

- goal met: the latest progress score since the last meeting is at or over the
  plan's goal (at or under it when lower is better);
- cut crossed: a screening score since the last meeting is on the good side of
  its window's cut score, where the score before it was on the wrong side;
- plan ended: an intervention whose end date falls since the last meeting,
  and for which the team recorded a fade or exit decision (it worked);
- item done: an action item marked done or closed since the last meeting
  (closed in a later review, or made at the last meeting and done by now);
- attendance back: the attendance rate was under the line on the day of the
  last meeting and is at or over it now (the line is 1 minus the chronic
  absence threshold: 90% for a 10% threshold).

Everything here is pure: records and dates in, wins out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from mtss_tui.domain.records import Measure, Score, StudentRecord

WIN_KINDS = ("goal_met", "cut_crossed", "plan_ended", "item_done", "attendance")
"""The order wins are listed in: students' progress first, the team's work last."""

ENDED_BY = frozenset({"fade", "exit"})
"""Decisions that say an intervention ended because it worked."""

DEFAULT_LOOKBACK_DAYS = 30
"""Without an earlier closed meeting, wins are counted over this many days."""


@dataclass(frozen=True)
class Win:
    kind: str
    student_id: str | None
    text: str
    """The win in one line, with its numbers; student ids only, never names."""


@dataclass(frozen=True)
class DoneItem:
    """An action item marked done or closed, with what tells when.

    An item closed in a meeting's review has that meeting's date; an item made
    at the last meeting and done by now was done since, whatever its date.
    """

    item_id: int
    student_id: str | None
    what: str
    owner: str
    made_on: date
    closed_on: date | None = None
    effectiveness: str = ""

    def done_since(self, since: date) -> bool:
        if self.closed_on is not None:
            return self.closed_on > since
        return self.made_on >= since


@dataclass(frozen=True)
class Decision:
    student_id: str
    kind: str
    on: date


@dataclass(frozen=True)
class WinWindow:
    """From the day of the last meeting (exclusive) to the data's last day."""

    since: date
    until: date

    def holds(self, on: date) -> bool:
        return self.since < on <= self.until


def find_wins(
    students: list[StudentRecord],
    measures: dict[str, Measure],
    window: WinWindow,
    cut_of: Callable[[str, str, date], float | None],
    attendance_line: float,
    decisions: list[Decision] = (),
    done_items: list[DoneItem] = (),
) -> list[Win]:
    """Every win of the team's students and items, listed kind by kind.

    `cut_of(measure, grade, day)` gives the screening cut that applies on a
    day (its window's), or None where the measure has none.
    """
    found: list[Win] = []
    for student in sorted(students, key=lambda s: s.student_id):
        found += _goals_met(student, measures, window)
        found += _cuts_crossed(student, measures, window, cut_of)
        found += _plans_ended(student, window, decisions)
        found += _attendance_back(student, window, attendance_line)
    found += [_item_win(i) for i in done_items if i.done_since(window.since)]
    return sorted(found, key=lambda w: WIN_KINDS.index(w.kind))


def _good_side(value: float, mark: float, measure: Measure) -> bool:
    return value >= mark if measure.higher_is_better else value <= mark


def _goals_met(student, measures, window) -> list[Win]:
    wins = []
    for plan in student.interventions:
        measure = measures.get(plan.measure or "")
        if measure is None or plan.goal_value is None:
            continue
        scores = [s for s in student.scores_of(measure.measure) if s.on >= plan.start]
        scores = [s for s in scores if s.on <= window.until]
        if not scores or not window.holds(scores[-1].on):
            continue
        latest = scores[-1]
        if _good_side(latest.value, plan.goal_value, measure):
            wins.append(
                Win(
                    "goal_met",
                    student.student_id,
                    f"{student.student_id} {measure.measure} {latest.value:g} on "
                    f"{latest.on.isoformat()}, goal {plan.goal_value:g} met",
                )
            )
    return wins


def _cuts_crossed(student, measures, window, cut_of) -> list[Win]:
    wins = []
    for code, measure in measures.items():
        if measure.kind != "screening":
            continue
        scores: list[Score] = [
            s for s in student.scores_of(code) if s.on <= window.until
        ]
        for before, after in zip(scores, scores[1:], strict=False):
            if not window.holds(after.on) or window.holds(before.on):
                continue
            cut_before = cut_of(code, student.grade, before.on)
            cut_after = cut_of(code, student.grade, after.on)
            if cut_before is None or cut_after is None:
                continue
            if not _good_side(before.value, cut_before, measure) and _good_side(
                after.value, cut_after, measure
            ):
                wins.append(
                    Win(
                        "cut_crossed",
                        student.student_id,
                        f"{student.student_id} {code} {after.value:g} on "
                        f"{after.on.isoformat()}, cut {cut_after:g} reached "
                        f"(was {before.value:g} on {before.on.isoformat()}, "
                        f"cut {cut_before:g})",
                    )
                )
    return wins


def _plans_ended(student, window, decisions) -> list[Win]:
    wins = []
    for plan in student.interventions:
        if plan.end is None or not window.holds(plan.end):
            continue
        why = [
            d
            for d in decisions
            if d.student_id == student.student_id
            and d.kind in ENDED_BY
            and d.on <= plan.end
        ]
        if not why:
            continue
        latest = max(why, key=lambda d: d.on)
        wins.append(
            Win(
                "plan_ended",
                student.student_id,
                f"{student.student_id} {plan.name} ended {plan.end.isoformat()} "
                f"({latest.kind} decided {latest.on.isoformat()})",
            )
        )
    return wins


def attendance_rate(student: StudentRecord, until: date) -> float | None:
    """Share of enrolled days attended up to a day; None before any day."""
    days = [d for d in student.attendance if d.on <= until]
    if not days:
        return None
    return 1 - sum(d.missed for d in days) / len(days)


def _attendance_back(student, window, line) -> list[Win]:
    before = attendance_rate(student, window.since)
    now = attendance_rate(student, window.until)
    if before is None or now is None or not (before < line <= now):
        return []
    return [
        Win(
            "attendance",
            student.student_id,
            f"{student.student_id} attendance {now:.1%} "
            f"(was {before:.1%} on {window.since.isoformat()})",
        )
    ]


def _item_win(item: DoneItem) -> Win:
    whom = f"{item.student_id}: " if item.student_id else "team: "
    effect = f", {item.effectiveness}" if item.effectiveness else ""
    when = (
        f"closed {item.closed_on.isoformat()}"
        if item.closed_on
        else f"done since {item.made_on.isoformat()}"
    )
    return Win(
        "item_done",
        item.student_id,
        f"{whom}{item.what} ({item.owner}) {when}{effect}",
    )
