"""Norm packs: published (or local) benchmarks and growth rates, as data.

A pack is a TOML file in `config/norms/` with its citation. Two kinds:
`benchmarks` (scores by grade, percentile and season) and `weekly_growth`
(a realistic gain per week by grade and measure).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, ClassVar, Literal

from annotated_types import Ge, Gt, Le, MinLen

from mtss_tui.domain.protocol import STRICT

SEASONS = ("fall", "winter", "spring")


@dataclass(frozen=True)
class BenchmarkRow:
    __pydantic_config__: ClassVar[dict] = STRICT

    grade: str
    percentile: Annotated[int, Ge(1), Le(99)]
    fall: float | None = None
    winter: float | None = None
    spring: float | None = None


@dataclass(frozen=True)
class BenchmarkPack:
    __pydantic_config__: ClassVar[dict] = STRICT

    name: str
    title: str
    citation: Annotated[str, MinLen(1)]
    kind: Literal["benchmarks"]
    measures: Annotated[list[str], MinLen(1)]
    row: Annotated[list[BenchmarkRow], MinLen(1)]
    unit: str = ""
    weeks: Annotated[float, Gt(0)] = 36
    """Weeks from the fall to the spring window, for the typical ROI."""

    def median(self, grade: str, season: str) -> float | None:
        """The 50th percentile for a grade and season, if the pack has it."""
        for row in self.row:
            if row.grade == grade and row.percentile == 50:
                return getattr(row, season)
        return None


@dataclass(frozen=True)
class GrowthRow:
    __pydantic_config__: ClassVar[dict] = STRICT

    grade: str
    measures: Annotated[list[str], MinLen(1)]
    per_week: Annotated[float, Gt(0)]


@dataclass(frozen=True)
class GrowthPack:
    __pydantic_config__: ClassVar[dict] = STRICT

    name: str
    title: str
    citation: Annotated[str, MinLen(1)]
    kind: Literal["weekly_growth"]
    row: Annotated[list[GrowthRow], MinLen(1)]

    def per_week(self, grade: str, measure: str) -> float | None:
        for row in self.row:
            if row.grade == grade and measure in row.measures:
                return row.per_week
        return None


NormPack = BenchmarkPack | GrowthPack
PACK_KINDS: dict[str, type] = {"benchmarks": BenchmarkPack, "weekly_growth": GrowthPack}


@dataclass(frozen=True)
class Norms:
    """Every pack loaded; later packs (a school's local norms) win."""

    packs: list = field(default_factory=list)

    def benchmarks(self, measure: str) -> BenchmarkPack | None:
        for pack in reversed(self.packs):
            if isinstance(pack, BenchmarkPack) and measure in pack.measures:
                return pack
        return None

    def growth(self, grade: str, measure: str) -> tuple[float, GrowthPack] | None:
        for pack in reversed(self.packs):
            if isinstance(pack, GrowthPack):
                rate = pack.per_week(grade, measure)
                if rate is not None:
                    return rate, pack
        return None
