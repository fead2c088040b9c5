"""What one import brings: checked canonical rows for several tables.

Every reader (canonical files, a mapped export, OneRoster, Ed-Fi, NWEA MAP)
turns its source into a `Batch`; the import service then checks the rows
against each other and the database and writes them in one transaction. A row
keeps the file and line it came from, so a fault can name them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Sourced:
    """A canonical row and the place in a source file it was read from."""

    origin: str
    line: int
    row: dict[str, Any]


@dataclass
class Batch:
    rows: dict[str, list[Sourced]] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    """Source rows left out on purpose (staff in a users file, say), per table."""
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    faults: list[str] = field(default_factory=list)
    """Bad cells found while reading; checks of the whole batch add to them."""
    private: set[tuple[str, str]] = field(default_factory=set)
    """(table, column) whose values are made from a person's name (an id built
    from name columns, say): fault lines name them without their value."""
    pending: list[Callable[[Any, Batch], None]] = field(default_factory=list)
    """Steps a reader leaves until the database is at hand, called by the import
    with (database, batch) before its checks: a roster's enrolment naming a
    user imported last week, say. A step may add rows, skips or faults."""

    def add(self, table: str, origin: str, line: int, row: dict[str, Any]) -> None:
        self.rows.setdefault(table, []).append(Sourced(origin, line, row))

    def skip(self, table: str, count: int = 1) -> None:
        self.skipped[table] += count

    def merge(self, other: Batch) -> None:
        for table, rows in other.rows.items():
            self.rows.setdefault(table, []).extend(rows)
        self.skipped.update(other.skipped)
        self.warnings += other.warnings
        self.files += other.files
        self.faults += other.faults
        self.private |= other.private
        self.pending += other.pending
