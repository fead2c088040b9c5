"""Opening the database: WAL for the meeting writer, `mode=ro` for readers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from mtss_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION


class StoreError(Exception):
    """The database cannot be used as asked; the message says why."""


class NewerSchemaError(StoreError):
    """The file was written by a newer mtss_tui than this one."""


def open_db(path: Path, readonly: bool = False) -> sqlite_utils.Database:
    """Open (and for writers, create or migrate) the database at `path`."""
    if readonly:
        if not path.exists():
            raise StoreError(f"{path}: no such database")
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path)
    conn.execute("PRAGMA busy_timeout = 5000")
    db = sqlite_utils.Database(conn)

    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"{path}: not an mtss_tui database ({error})") from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerSchemaError(
            f"{path}: written by a newer mtss_tui (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Upgrade mtss_tui to open it."
        )
    if readonly:
        if version < SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{path}: schema {version} needs migrating; open it once with "
                "`mtss meet` or `mtss sample` first"
            )
        return db

    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


def migrate(db: sqlite_utils.Database) -> int:
    """Apply every migration the file lacks; returns the version reached."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version, SCHEMA_VERSION):
        with db.atomic():
            for statement in MIGRATIONS[number]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return SCHEMA_VERSION


def is_empty(db: sqlite_utils.Database) -> bool:
    """True when the school holds no students yet."""
    return db.execute("SELECT count(*) FROM students").fetchone()[0] == 0
