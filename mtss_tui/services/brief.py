"""The data analyst's brief: what changed for a team since its last meeting.

"Then" is the team's last closed meeting. For a student decided at that
meeting, the flags then are those stored in the decision's snapshot (what the
team saw); for every other student they are worked out again from the data up
to the meeting's date, with today's rules. The brief reads and never writes.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from mtss_tui.domain.flags import current_interventions, evaluate
from mtss_tui.domain.records import DOMAINS, Flag
from mtss_tui.services.school import School
from mtss_tui.store import queries


@dataclass
class FlaggedStudent:
    student_id: str
    name: str
    grade: str
    reasons: list[str]


@dataclass
class PlanResult:
    """One current intervention with the decision rule on its measure."""

    student_id: str
    name: str
    intervention: str
    tier: int
    measure: str | None
    verdict: str
    reason: str


@dataclass
class ItemStatus:
    status: str
    """overdue, due, undated or done."""
    what: str
    owner: str
    due_date: str | None
    student: str | None
    """The student's id and name, or None for a team item."""
    days_overdue: int = 0


@dataclass
class Brief:
    team: str
    team_title: str
    on: date
    """The day the brief is for; items due before it are overdue."""
    as_of: date
    """The last school day in the data: flags now are judged as of it."""
    last_meeting: dict | None
    newly_flagged: list[FlaggedStudent] = field(default_factory=list)
    new_flags: list[FlaggedStudent] = field(default_factory=list)
    """Students flagged at the last meeting who have a flag they did not have."""
    plans: list[PlanResult] = field(default_factory=list)
    items: list[ItemStatus] = field(default_factory=list)
    tiers: dict[int, int] = field(default_factory=dict)
    flags_by_domain: list[tuple[str, int, int | None]] = field(default_factory=list)
    """(domain, flags now, flags at the last meeting or None without one)."""


def gather_brief(school: School, team: str, on: date) -> Brief:
    db = school.db
    found = queries.one(db, "SELECT title FROM teams WHERE team = ?", [team]) or {}
    last = queries.last_closed_meeting(db, team, on)
    ids = queries.team_student_ids(db, team)
    records = school.records(ids)
    brief = Brief(team, found.get("title", team), on, school.as_of, last)

    now = {sid: school.flags_of(sid) for sid in records}
    then = _flags_then(school, records, last) if last else None
    if then is None:
        brief.newly_flagged = [_flagged(records[s], f) for s, f in now.items() if f]
    else:
        for sid, flags in now.items():
            before = {_key(f) for f in then[sid]}
            added = [f for f in flags if _key(f) not in before]
            if added and not before:
                brief.newly_flagged.append(_flagged(records[sid], added))
            elif added:
                brief.new_flags.append(_flagged(records[sid], added))

    brief.plans = _plans(school, records)
    brief.items = _items(db, team, on, last)
    brief.tiers = _tiers(records, school.as_of)
    counts_now = Counter(f.domain for flags in now.values() for f in flags)
    counts_then = (
        Counter(f.domain for flags in then.values() for f in flags) if then else None
    )
    brief.flags_by_domain = [
        (d, counts_now[d], counts_then[d] if counts_then is not None else None)
        for d in DOMAINS
    ]
    return brief


def _key(flag: Flag) -> tuple[str, str]:
    """A flag's rule and domain: a screening rule may fire in two domains."""
    return flag.rule, flag.domain


def _flagged(record, flags: list[Flag]) -> FlaggedStudent:
    return FlaggedStudent(
        record.student_id, record.name, record.grade, [f.reason for f in flags]
    )


def _flags_then(school: School, records, meeting: dict) -> dict[str, list[Flag]]:
    """Each student's flags at `meeting`: the decision's snapshot, else worked out."""
    seen: dict[str, list[Flag]] = {}
    for decision in queries.decisions_of(school.db, meeting["meeting_id"]):
        try:
            snapshot = json.loads(decision["snapshot"] or "{}")
        except ValueError:
            continue  # an unreadable snapshot: work the flags out instead
        if isinstance(snapshot, dict) and "flags" in snapshot:
            try:
                flags = [Flag(**f) for f in snapshot["flags"]]
            except TypeError:
                continue  # a snapshot of another shape: work the flags out
            seen[decision["student_id"]] = flags

    day = date.fromisoformat(meeting["date"])
    days = queries.school_days(school.db, day)
    context = replace(school.context, as_of=days[-1] if days else day, school_days=days)
    rules = school.settings.flag_rules
    return {
        sid: seen[sid] if sid in seen else evaluate(record, rules, context)
        for sid, record in records.items()
    }


def _plans(school: School, records) -> list[PlanResult]:
    """The decision rule of each current plan's measure (the card's lead rule)."""
    results = []
    for sid, record in records.items():
        for plan in current_interventions(record, school.as_of):
            verdict, reason = "no_measure", "no progress measure for this plan"
            if plan.measure in school.measures:
                [analysis] = school.analyses(sid, plan.measure)
                if analysis.rules:
                    verdict = analysis.rules[0]["verdict"]
                    reason = analysis.rules[0]["reason"]
                else:
                    verdict, reason = "insufficient_data", "no scores in this phase"
            results.append(
                PlanResult(
                    sid,
                    record.name,
                    plan.name,
                    plan.tier,
                    plan.measure,
                    verdict,
                    reason,
                )
            )
    return results


def _items(db, team: str, on: date, last) -> list[ItemStatus]:
    """Open items (overdue first, then by due date) and items done since `last`."""
    open_rows = queries.open_items_of_team(db, team)
    done_rows = queries.items_done_since(db, team, last) if last else []
    names = queries.student_names(
        db, {r["student_id"] for r in open_rows + done_rows if r["student_id"]}
    )
    items = []
    for row in open_rows:
        due = date.fromisoformat(row["due_date"]) if row["due_date"] else None
        status = "undated" if due is None else "overdue" if due < on else "due"
        late = (on - due).days if status == "overdue" else 0
        items.append(_item(row, status, names, late))
    items.sort(key=lambda i: (i.status != "overdue", i.status == "undated"))
    return items + [_item(row, "done", names) for row in done_rows]


def _item(row: dict, status: str, names: dict, late: int = 0) -> ItemStatus:
    sid = row["student_id"]
    student = f"{sid} {names.get(sid, '')}".strip() if sid else None
    return ItemStatus(status, row["what"], row["owner"], row["due_date"], student, late)


def _tiers(records, as_of: date) -> dict[int, int]:
    """Students by their highest current tier; no plan is Tier 1."""
    tiers = Counter(
        max((i.tier for i in current_interventions(r, as_of)), default=1)
        for r in records.values()
    )
    return {tier: tiers.get(tier, 0) for tier in sorted({1, 2, 3, *tiers})}
