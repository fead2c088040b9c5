"""What a follower reads of a meeting while it runs, and how it notices commits.

A follower holds a `mode=ro` connection. It asks SQLite's `data_version`
whether anyone else committed, and only then reads the meeting again, in one
deferred (read) transaction: it sees every entry of a commit or none of it,
and takes no lock that could hold back the facilitator's writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from mtss_tui.store.db import Database
from mtss_tui.store.queries import one, rows


def data_version(db: Database) -> int:
    """A number that changes whenever another connection commits to the file."""
    return db.execute("PRAGMA data_version").fetchone()[0]


@contextmanager
def read_transaction(db: Database) -> Iterator[Database]:
    """One consistent view of the file; a reader's transaction, never a writer's.

    `Database.atomic` begins IMMEDIATE, which asks for the write lock; a
    follower must never ask for it, so this begins DEFERRED and only reads.
    """
    db.execute("BEGIN DEFERRED")
    try:
        yield db
    finally:
        db.execute("COMMIT")


def meetings_in_progress(db: Database) -> list[dict[str, Any]]:
    """Meetings whose clock has started and that are not closed, latest first."""
    return rows(
        db,
        "SELECT meeting_id, team, started_at FROM meetings "
        "WHERE status = 'in_progress' "
        "ORDER BY started_at DESC, date DESC, meeting_id DESC",
    )


def team_title(db: Database, team: str) -> str:
    found = one(db, "SELECT title FROM teams WHERE team = ?", [team])
    return found["title"] if found else team


def decisions(db: Database, meeting_id: str) -> list[dict[str, Any]]:
    """The meeting's decisions, each with how often it was corrected."""
    return rows(
        db,
        "SELECT d.decision_id, d.student_id, d.kind, d.rationale, d.recorded_by, "
        "d.recorded_at, (SELECT count(*) FROM decision_revisions r "
        "WHERE r.decision_id = d.decision_id) AS corrections "
        "FROM decisions d WHERE d.meeting_id = ? ORDER BY d.decision_id",
        [meeting_id],
    )


def action_items(db: Database, meeting_id: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT item_id, student_id, what, owner, due_date, carried_from, "
        "recorded_by, recorded_at FROM action_items WHERE meeting_id = ? "
        "ORDER BY item_id",
        [meeting_id],
    )


def open_notes(db: Database, meeting_id: str) -> list[dict[str, Any]]:
    """The meeting's notes that anyone at the table may read.

    Restricted notes are left out here, in SQL, so their text never reaches
    the follower's process at all.
    """
    return rows(
        db,
        "SELECT note_id, step_id, student_id, text, recorded_by, recorded_at "
        "FROM notes WHERE meeting_id = ? AND restricted = 0 ORDER BY note_id",
        [meeting_id],
    )


def item_reviews(db: Database, meeting_id: str) -> list[dict[str, Any]]:
    """This meeting's reviews of earlier action items, with the item reviewed."""
    return rows(
        db,
        "SELECT r.item_id, a.student_id, a.what, a.owner, r.implementation, "
        "r.effectiveness, r.outcome, r.recorded_by, r.recorded_at "
        "FROM item_reviews r JOIN action_items a USING (item_id) "
        "WHERE r.meeting_id = ? ORDER BY r.recorded_at, r.item_id",
        [meeting_id],
    )
