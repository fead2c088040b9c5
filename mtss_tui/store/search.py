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


CANDIDATES = 2500
"""A query matching more entries than this is ranked among the newest this many:
ranking every match of a word found in a quarter of 100,000 entries takes
longer than a keystroke should, and for a team the newer entries matter more."""


def query_words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def fts_query(text: str) -> str | None:
    """The user's words as an FTS5 query of quoted prefixes; None if no words."""
    words = query_words(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def search(db, text: str, limit: int = 50, restricted: bool = False) -> list[Hit]:
    """The best matches first (bm25); restricted notes only when asked for."""
    query = fts_query(text)
    if query is None:
        return []
    where = "" if restricted else "AND restricted = 0"
    ranked = [
        r[0]
        for r in db.execute(
            "SELECT rowid FROM ("
            f"  SELECT rowid, rank AS score FROM search_index"
            f"  WHERE search_index MATCH ? {where} ORDER BY rowid DESC LIMIT ?"
            ") ORDER BY score LIMIT ?",
            [query, CANDIDATES, limit],
        )
    ]
    if not ranked:
        return []
    marks = ", ".join("?" for _ in ranked)
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT rowid, kind, ref, meeting_id, student_id, restricted, body "
            f"FROM search_index WHERE rowid IN ({marks})",
            ranked,
        )
    }
    words = query_words(text)
    details = _details(db, [rows[r] for r in ranked])
    return [
        _hit(*rows[rowid][:5], mark(rows[rowid][5], words), details) for rowid in ranked
    ]


def mark(body: str, words: list[str]) -> str:
    """The words of `body` that a query word, or its stem, begins.

    Done here rather than by FTS5's highlight(), which costs more than the
    search when run on every candidate. The index stems words ("decoding"
    matches "decode"), so a word's stem begins a match as well as the word.
    """
    prefixes = sorted({*words, *(_stem(w) for w in words)} - {""}, key=len)
    pattern = re.compile(
        r"\b(?:" + "|".join(map(re.escape, reversed(prefixes))) + r")\w*", re.I
    )
    return pattern.sub(lambda m: f"{MARK_START}{m[0]}{MARK_END}", body)


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return ""


def _details(db, rows) -> dict:
    """Who recorded each entry, its meeting, its student: a query per kind."""
    found: dict = {}
    for kind, (table, key) in _SOURCES.items():
        refs = [r[1] for r in rows if r[0] == kind]
        if refs:
            marks = ", ".join("?" for _ in refs)
            for ref, by, at in db.execute(
                f"SELECT {key}, recorded_by, recorded_at FROM {table} "
                f"WHERE {key} IN ({marks})",
                refs,
            ):
                found[(kind, ref)] = (by, at)
    meetings = sorted({r[2] for r in rows})
    for meeting_id, team, day in db.execute(
        "SELECT meeting_id, team, date FROM meetings WHERE meeting_id IN "
        f"({', '.join('?' for _ in meetings)})",
        meetings,
    ):
        found[meeting_id] = (team, day)
    students = sorted({r[3] for r in rows if r[3]})
    for student_id, name in db.execute(
        "SELECT student_id, given_name || ' ' || family_name FROM students "
        f"WHERE student_id IN ({', '.join('?' for _ in students)})",
        students,
    ):
        found[("student", student_id)] = name
    return found


def _hit(kind, ref, meeting_id, student_id, restricted, body, details) -> Hit:
    recorded_by, recorded_at = details.get((kind, ref), ("", ""))
    team, day = details.get(meeting_id, ("", ""))
    return Hit(
        kind,
        int(ref),
        meeting_id,
        student_id,
        body,
        team,
        day,
        details.get(("student", student_id), ""),
        recorded_by,
        recorded_at,
        bool(int(restricted)),
    )
