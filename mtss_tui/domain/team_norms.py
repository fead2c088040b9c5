"""Team norms: the working agreements a team reads at the start of each meeting.

`team_norms.toml` holds a `[default]` list for every team and, under
`[team.<id>]`, a team's own lists; a category a team gives replaces the
default's, a category it leaves out keeps the default's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from mtss_tui.domain.protocol import STRICT

CATEGORIES = ("attendance", "preparation", "decisions", "follow_through")
"""The categories, in the order the norms are read out."""

CATEGORY_TITLES = {
    "attendance": "Attendance",
    "preparation": "Preparation",
    "decisions": "Decisions",
    "follow_through": "Follow-through",
}


@dataclass(frozen=True)
class NormList:
    """Norms by category; None leaves the category to the default."""

    __pydantic_config__: ClassVar[dict] = STRICT

    attendance: list[str] | None = None
    preparation: list[str] | None = None
    decisions: list[str] | None = None
    follow_through: list[str] | None = None


@dataclass(frozen=True)
class TeamNorms:
    __pydantic_config__: ClassVar[dict] = STRICT

    default: NormList = field(default_factory=NormList)
    team: dict[str, NormList] = field(default_factory=dict)

    def for_team(self, team: str) -> list[tuple[str, str]]:
        """(category, norm) pairs the team reads, category by category."""
        own = self.team.get(team, NormList())
        norms = []
        for category in CATEGORIES:
            chosen = getattr(own, category)
            if chosen is None:
                chosen = getattr(self.default, category) or []
            norms += [(category, norm) for norm in chosen]
        return norms
