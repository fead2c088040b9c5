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
