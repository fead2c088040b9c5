"""Opening the database: WAL for the meeting writer, `mode=ro` for readers.

The meeting path talks to SQLite through the small `Database` below, on the
standard library alone: importing sqlite-utils costs about 85 ms of start-up,
measured, and a meeting needs only queries and transactions. Bulk work (the
importers) wraps the same connection in `sqlite_utils.Database` (see `bulk`).
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mtss_tui.errors import UserError
from mtss_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION


class StoreError(UserError):
    """The database cannot be used as asked; the message says why."""


class NewerSchemaError(StoreError):
    """The file was written by a newer mtss_tui than this one."""


_SAVEPOINTS = itertools.count(1)
"""Savepoint names: unique within the process is all SQLite needs."""


class Database:
    """One connection, with row-as-dict queries and nestable transactions."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        conn.isolation_level = None  # transactions are ours, opened by atomic()
        self.conn = conn

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Any = ()) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(columns, row, strict=True))

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; inside another one, a savepoint that rolls back alone."""
        if self.conn.in_transaction:
            name = f"mtss_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return

        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def bulk(self):
        """sqlite-utils over the same connection, for bulk upserts."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def table_names(self) -> list[str]:
        return [
            r[0]
            for r in self.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]

    def close(self) -> None:
        self.conn.close()


def open_db(path: Path, readonly: bool = False) -> Database:
    """Open (and for writers, create or migrate) the database at `path`."""
    conn = _connect(path, readonly)
    db = Database(conn)
    try:
        _check(db, path, readonly)
    except BaseException:
        conn.close()
        raise
    return db


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give the path of a database file")
    try:
        if readonly:
            if not path.exists():
                raise StoreError(f"{path}: no such database; `mtss sample` makes one")
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise StoreError(f"{path}: cannot open the database: {reason}") from None
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def _check(db: Database, path: Path, readonly: bool) -> None:
    """Refuse what is not ours or too new; writers migrate and must be able to."""
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.table_names()
    except sqlite3.DatabaseError as error:
        if "readonly" in str(error) or "unable to open" in str(error):
            raise StoreError(
                f"{path}: cannot read it here: its folder is read-only and the "
                "database has no -wal/-shm files beside it"
            ) from None
        raise StoreError(f"{path}: not an mtss_tui database ({error})") from None
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"{path}: written by a newer mtss_tui (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}). Upgrade mtss_tui to open it."
        )
    if version == 0 and tables:
        raise StoreError(
            f"{path}: not an mtss_tui database (it holds other tables, such as "
            f"{tables[0]!r})"
        )
    if readonly:
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{path}: schema {version} needs migrating; open it once with "
                "`mtss meet` or `mtss sample` first"
            )
        return

    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
        migrate(db)
    except sqlite3.OperationalError as error:
        if "readonly" in str(error) or "read-only" in str(error):
            raise StoreError(
                f"{path}: cannot write to it (the file or its folder is read-only)"
            ) from None
        raise


def migrate(db: Database) -> int:
    """Apply every migration the file lacks; returns the version reached."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number in range(version, SCHEMA_VERSION):
        with db.atomic():
            for statement in MIGRATIONS[number]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {number + 1}")
    return SCHEMA_VERSION


def is_empty(db: Database) -> bool:
    """True when the school holds no students yet."""
    return db.execute("SELECT count(*) FROM students").fetchone()[0] == 0
