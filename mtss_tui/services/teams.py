"""The school's teams, as the command line names them."""

from __future__ import annotations

from mtss_tui.errors import UserError
from mtss_tui.store import queries


class SchoolError(UserError):
    """A request about the school that cannot be met; the message says why."""


def resolve_team(db, team: str | None) -> str:
    """The team asked for, or the only/first team; unknown names list the valid."""
    known = [t["team"] for t in queries.teams(db)]
    if not known:
        raise SchoolError("the database holds no teams; run `mtss sample` first")
    if team is None:
        return known[0]
    for candidate in known:
        if candidate.lower() == team.lower():
            return candidate
    titles = {t["title"].lower(): t["team"] for t in queries.teams(db)}
    if team.lower() in titles:
        return titles[team.lower()]
    raise SchoolError(f"unknown team {team!r}; valid: {', '.join(known)}")


def team_of_student(db, student_id: str) -> str:
    """The first team whose grades hold the student, for a one-student meeting."""
    for team in queries.teams(db):
        if student_id in queries.team_student_ids(db, team["team"]):
            return team["team"]
    raise SchoolError(f"no team holds student {student_id!r}; give --team")
