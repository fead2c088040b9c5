"""Gathering a team's wins for a meeting: records, decisions and items from the
database, the rules and cut scores from the configuration; `domain/wins.py`
decides what counts."""

from __future__ import annotations

from datetime import date, timedelta

from mtss_tui.domain.flags import AttendanceRateRule, find_cut
from mtss_tui.domain.wins import (
    DEFAULT_LOOKBACK_DAYS,
    Decision,
    DoneItem,
    Win,
    WinWindow,
    find_wins,
)
from mtss_tui.store import queries

FALLBACK_LINE = 0.90
"""The attendance line when no rule sets a chronic-absence threshold."""


def attendance_line(settings) -> float:
    """Attended share under which a student counts as chronically absent."""
    for rule in settings.flag_rules:
        if isinstance(rule, AttendanceRateRule):
            return round(1 - rule.threshold, 6)
    return FALLBACK_LINE


def last_meeting_date(db, team: str, meeting_id: str) -> date | None:
    """The day of the team's last closed meeting before this one."""
    found = queries.one(
        db,
        "SELECT max(date) AS day FROM meetings WHERE team = ? AND status = 'closed' "
        "AND meeting_id != ? AND date <= (SELECT date FROM meetings "
        "WHERE meeting_id = ?)",
        [team, meeting_id, meeting_id],
    )
    return date.fromisoformat(found["day"]) if found and found["day"] else None


def win_window(db, team: str, meeting_id: str, as_of: date) -> WinWindow:
    since = last_meeting_date(db, team, meeting_id)
    if since is None:
        since = as_of - timedelta(days=DEFAULT_LOOKBACK_DAYS)
    return WinWindow(since, as_of)


def team_wins(school, team: str, meeting_id: str) -> list[Win]:
    """The team's wins since its last meeting, as the domain rules find them."""
    db = school.db
    window = win_window(db, team, meeting_id, school.as_of)
    students = list(school.records(queries.team_student_ids(db, team)).values())
    windows = school.settings.cuts.windows

    def cut_of(measure: str, grade: str, day: date) -> float | None:
        cut = find_cut(school.context.cuts, measure, grade, windows.window_of(day))
        return cut.cut if cut else None

    return find_wins(
        students,
        school.measures,
        window,
        cut_of,
        attendance_line(school.settings),
        decisions=_decisions(db, team),
        done_items=_done_items(db, team, meeting_id, school.settings.vocabulary),
    )


def _decisions(db, team: str) -> list[Decision]:
    return [
        Decision(r["student_id"], r["kind"], date.fromisoformat(r["date"]))
        for r in queries.rows(
            db,
            "SELECT d.student_id, d.kind, m.date FROM decisions d "
            "JOIN meetings m USING (meeting_id) WHERE m.team = ?",
            [team],
        )
    ]


def _done_items(db, team: str, meeting_id: str, vocabulary) -> list[DoneItem]:
    """Items marked done or closed, with the day of the review that closed them."""
    rows = queries.rows(
        db,
        "SELECT a.item_id, a.student_id, a.what, a.owner, m.date AS made_on, "
        "(SELECT max(rm.date) FROM item_reviews r JOIN meetings rm "
        " ON rm.meeting_id = r.meeting_id "
        " WHERE r.item_id = a.item_id AND r.outcome = 'closed') AS closed_on, "
        "(SELECT r.effectiveness FROM item_reviews r WHERE r.item_id = a.item_id "
        " AND r.outcome = 'closed' ORDER BY r.recorded_at DESC LIMIT 1) AS effect "
        "FROM action_items a JOIN meetings m USING (meeting_id) "
        "WHERE m.team = ? AND a.status IN ('done', 'closed') AND a.meeting_id != ? "
        "ORDER BY a.item_id",
        [team, meeting_id],
    )
    return [
        DoneItem(
            r["item_id"],
            r["student_id"],
            r["what"],
            r["owner"],
            date.fromisoformat(r["made_on"]),
            date.fromisoformat(r["closed_on"]) if r["closed_on"] else None,
            vocabulary.label("effectiveness", r["effect"]) if r["effect"] else "",
        )
        for r in rows
    ]
