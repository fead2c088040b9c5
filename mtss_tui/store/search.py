"""Full-text search over decisions, action items and notes (SQLite FTS5).

The index is kept by triggers (migration 3). A query is the user's words, not
FTS5 syntax: each word matches as a prefix (`read` finds "reading"), all words
must appear, and punctuation is ignored, so no query can be a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_START = "\x02"
MARK_END = "\x03"
"""Around each matched word in `Hit.body`; the screens turn them into styles."""

_SOURCES = {
    "decision": ("decisions", "decision_id"),
    "action_item": ("action_items", "item_id"),
    "note": ("notes", "note_id"),
}


@dataclass(frozen=True)
class Hit:
    kind: str
    ref: int
    meeting_id: str
    student_id: str | None
    body: str
    """The text with each matched word between MARK_START and MARK_END."""
    team: str
    date: str
    student_name: str
    recorded_by: str
    recorded_at: str
    restricted: bool

    def plain(self, start: str = "", end: str = "") -> str:
        return self.body.replace(MARK_START, start).replace(MARK_END, end)


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query of quoted prefixes; None if no words."""
    words = re.findall(r"\w+", text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search(db, text: str, limit: int = 50, restricted: bool = False) -> list[Hit]:
    """The best matches first (bm25); restricted notes only when asked for."""
    query = fts_query(text)
    if query is None:
        return []
    where = "" if restricted else "AND restricted = 0"
    found = db.execute(
        "SELECT kind, ref, meeting_id, student_id, restricted, "
        f"highlight(search_index, 4, '{MARK_START}', '{MARK_END}') "
        f"FROM search_index WHERE search_index MATCH ? {where} "
        "ORDER BY rank LIMIT ?",
        [query, limit],
    ).fetchall()
    return [_hit(db, *row) for row in found]


def _hit(db, kind, ref, meeting_id, student_id, restricted, body) -> Hit:
    table, key = _SOURCES[kind]
    source = db.execute(
        f"SELECT recorded_by, recorded_at FROM {table} WHERE {key} = ?", [ref]
    ).fetchone() or ("", "")
    meeting = db.execute(
        "SELECT team, date FROM meetings WHERE meeting_id = ?", [meeting_id]
    ).fetchone() or ("", "")
    name = ""
    if student_id:
        person = db.execute(
            "SELECT given_name || ' ' || family_name FROM students "
            "WHERE student_id = ?",
            [student_id],
        ).fetchone()
        name = person[0] if person else ""
    return Hit(
        kind,
        int(ref),
        meeting_id,
        student_id,
        body,
        meeting[0],
        meeting[1],
        name,
        source[0],
        source[1],
        bool(int(restricted)),
    )
