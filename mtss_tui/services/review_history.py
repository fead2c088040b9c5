"""A student's history across meetings, as the teams recorded and saw it.

Flags and charts come from each decision's snapshot (the card the team was
looking at), never from today's data: a score entered or corrected since then
does not change what the history says the team saw. A snapshot without chart
data (the sample school's imported meetings, say) is reported as such.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mtss_tui.domain.protocol import Vocabulary
from mtss_tui.store import review_queries

if TYPE_CHECKING:
    from mtss_tui.domain.charts import ChartSpec


@dataclass(frozen=True)
class Revision:
    """A decision as it stood before a correction replaced it."""

    kind: str
    rationale: str
    recorded_by: str
    recorded_at: str
    replaced_at: str


@dataclass(frozen=True)
class DecisionRecord:
    decision_id: int
    meeting_id: str
    team: str
    meeting_date: str
    kind: str
    """The vocabulary's label (Modify, Continue, ...)."""
    rationale: str
    recorded_by: str
    recorded_at: str
    revisions: list[Revision]
    flags: list[str] | None
    """Reasons the student was flagged on the card; None if not stored."""
    charts: list[ChartSpec]
    """The card's charts as the team saw them; empty if not stored."""
    card_as_of: str
    """The day of data the card was built on; empty if not stored."""


@dataclass(frozen=True)
class Plan:
    """One intervention: a phase on its measure, numbered in start order."""

    name: str
    domain: str
    tier: int
    start: str
    end: str | None
    measure: str | None
    phase: int
    baseline: float | None
    goal_value: float | None
    goal_date: str | None
    interventionist: str


@dataclass(frozen=True)
class Item:
    meeting_id: str
    what: str
    owner: str
    due_date: str | None
    status: str
    recorded_by: str
    recorded_at: str


@dataclass(frozen=True)
class Note:
    meeting_id: str
    meeting_date: str
    text: str
    restricted: bool
    recorded_by: str
    recorded_at: str


@dataclass(frozen=True)
class StudentHistory:
    student_id: str
    name: str
    grade: str
    decisions: list[DecisionRecord]
    plans: list[Plan]
    items: list[Item]
    notes: list[Note]
    hidden_notes: int = 0
    """Restricted notes left out because the review was not opened to them."""
    restricted_shown: bool = False

    @property
    def flags_over_time(self) -> list[tuple[str, str, list[str] | None]]:
        """(meeting date, meeting id, reasons or None) for each decision."""
        return [(d.meeting_date, d.meeting_id, d.flags) for d in self.decisions]


def read_history(
    db, student_id: str, vocabulary: Vocabulary, restricted: bool
) -> StudentHistory | None:
    """Everything recorded about one student; None for an unknown id."""
    person = review_queries.student(db, student_id)
    if person is None:
        return None
    decided = review_queries.decisions_of_student(db, student_id)
    revisions = review_queries.revisions_of(db, [d["decision_id"] for d in decided])
    plans = review_queries.interventions_of(db, student_id)
    items = review_queries.items_of_student(db, student_id)
    notes = review_queries.notes_of_student(db, student_id, restricted)
    hidden = 0 if restricted else review_queries.restricted_note_count(db, student_id)

    label = vocabulary.label
    earlier: dict[int, list[Revision]] = {}
    for r in revisions:
        earlier.setdefault(r["decision_id"], []).append(
            Revision(
                label("decisions", r["kind"]),
                r["rationale"],
                r["recorded_by"],
                r["recorded_at"],
                r["replaced_at"],
            )
        )
    decisions = []
    for d in decided:
        snapshot = _snapshot(d["snapshot"])
        decisions.append(
            DecisionRecord(
                d["decision_id"],
                d["meeting_id"],
                d["team"],
                d["meeting_date"],
                label("decisions", d["kind"]),
                d["rationale"],
                d["recorded_by"],
                d["recorded_at"],
                earlier.get(d["decision_id"], []),
                _flags(snapshot),
                chart_specs(snapshot),
                str(snapshot.get("as_of", "")),
            )
        )
    return StudentHistory(
        student_id=person["student_id"],
        name=f"{person['given_name']} {person['family_name']}",
        grade=person["grade"],
        decisions=decisions,
        plans=_plans(plans),
        items=[
            Item(
                i["meeting_id"],
                i["what"],
                i["owner"],
                i["due_date"],
                i["status"],
                i["recorded_by"],
                i["recorded_at"],
            )
            for i in items
        ],
        notes=[
            Note(
                n["meeting_id"],
                n["meeting_date"],
                n["text"],
                bool(n["restricted"]),
                n["recorded_by"],
                n["recorded_at"],
            )
            for n in notes
        ],
        hidden_notes=hidden,
        restricted_shown=restricted,
    )


def _snapshot(text: str | None) -> dict:
    """The stored card; a damaged one reads as empty rather than failing."""
    try:
        plain = json.loads(text or "{}")
    except ValueError:
        return {}
    return plain if isinstance(plain, dict) else {}


def _flags(snapshot: dict) -> list[str] | None:
    if "flags" not in snapshot:
        return None
    return [str(f.get("reason", "")) for f in snapshot["flags"] if isinstance(f, dict)]


def chart_specs(snapshot: dict) -> list[ChartSpec]:
    """The card's charts from its stored figures; those that do not read are
    left out, so one odd chart does not hide the others."""
    # The chart types pull in the progress analysis; only a history needs them.
    from mtss_tui.domain.charts import ChartSpec, Marker, Series

    specs = []
    for plain in snapshot.get("charts") or []:
        try:
            specs.append(
                ChartSpec(
                    key=plain["key"],
                    title=plain["title"],
                    unit=plain.get("unit", ""),
                    series=[
                        Series(s["label"], s["role"], list(s["dates"]), s["values"])
                        for s in plain["series"]
                    ],
                    markers=[
                        Marker(m["date"], m["label"]) for m in plain.get("markers", [])
                    ],
                    note=plain.get("note", ""),
                    low_confidence=bool(plain.get("low_confidence", False)),
                )
            )
        except (KeyError, TypeError):
            continue
    return specs


def _plans(found: list[dict]) -> list[Plan]:
    """Interventions by measure and start; each one on a measure is a phase."""
    phases: dict[str | None, int] = {}
    plans = []
    for r in found:
        phases[r["measure"]] = phases.get(r["measure"], 0) + 1
        plans.append(
            Plan(
                r["name"],
                r["domain"],
                r["tier"],
                r["start_date"],
                r["end_date"],
                r["measure"],
                phases[r["measure"]],
                r["baseline"],
                r["goal_value"],
                r["goal_date"],
                r["interventionist"],
            )
        )
    plans.sort(key=lambda p: (p.start, p.measure or ""))
    return plans
