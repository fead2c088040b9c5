"""Every write goes through here, with its audit row, in one transaction.

The audit row names the actor (`--as`), the login, the action, the table and
the row's key; never a name or a note's text, which stay in their own tables.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mtss_tui.store.db import Database


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass
class Recorder:
    """Writes rows and their audit trail; one instance per person recording."""

    db: Database
    actor: str
    login: str = field(default_factory=login_name)
    now: Callable[[], str] = _now_iso

    def insert(
        self, table: str, row: dict[str, Any], meeting_id: str | None = None
    ) -> int:
        """Insert a row; returns its rowid."""
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        with self.db.atomic():
            cursor = self.db.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())
            )
            rowid = cursor.lastrowid
            self._audit("insert", table, self._key(table, row, rowid), meeting_id)
        return rowid

    def upsert(
        self,
        table: str,
        row: dict[str, Any],
        keys: list[str],
        meeting_id: str | None = None,
    ) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        updates = ", ".join(f"{c} = excluded.{c}" for c in row if c not in keys)
        conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
        with self.db.atomic():
            self.db.execute(
                f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
                f"ON CONFLICT ({', '.join(keys)}) {conflict}",
                list(row.values()),
            )
            key = "/".join(str(row[k]) for k in keys)
            self._audit("upsert", table, key, meeting_id)

    def update(
        self,
        table: str,
        where: dict[str, Any],
        values: dict[str, Any],
        meeting_id: str | None = None,
    ) -> None:
        sets = ", ".join(f"{c} = ?" for c in values)
        conditions = " AND ".join(f"{c} = ?" for c in where)
        with self.db.atomic():
            self.db.execute(
                f"UPDATE {table} SET {sets} WHERE {conditions}",
                [*values.values(), *where.values()],
            )
            key = "/".join(str(v) for v in where.values())
            self._audit("update", table, key, meeting_id)

    def log(
        self, action: str, table: str, key: str, meeting_id: str | None = None
    ) -> None:
        """An audit row for a write made in bulk (an import), inside its transaction."""
        self._audit(action, table, key, meeting_id)

    def _audit(self, action, table, key, meeting_id) -> None:
        self.db.execute(
            "INSERT INTO audit (at, actor, login, action, table_name, row_key, "
            "meeting_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [self.now(), self.actor, self.login, action, table, key, meeting_id],
        )

    def delete(
        self, table: str, where: dict[str, Any], meeting_id: str | None = None
    ) -> None:
        conditions = " AND ".join(f"{c} = ?" for c in where)
        with self.db.atomic():
            self.db.execute(
                f"DELETE FROM {table} WHERE {conditions}", list(where.values())
            )
            key = "/".join(str(v) for v in where.values())
            self._audit("delete", table, key, meeting_id)

    @staticmethod
    def _key(table: str, row: dict[str, Any], rowid: int) -> str:
        """Tables keyed by the school's own ids name them; the rest, their rowid."""
        columns = NATURAL_KEYS.get(table)
        if columns and all(c in row for c in columns):
            return "/".join(str(row[c]) for c in columns)
        return str(rowid)


NATURAL_KEYS = {
    "meetings": ("meeting_id",),
    "meeting_attendance": ("meeting_id", "staff_id"),
    "meeting_roles": ("meeting_id", "role", "backup"),
    "review_queue": ("meeting_id", "student_id"),
    "norms_reviews": ("meeting_id",),
    "meeting_wins": ("meeting_id", "position"),
    "meeting_quality": ("meeting_id",),
    "group_assignments": ("intervention_id",),
    "interventions": ("intervention_id",),
}
