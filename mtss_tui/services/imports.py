"""`mtss import`: a school's files into the store, all or nothing.

A reader turns the files into a `Batch` of canonical rows; every row is then
checked against the others and against the database (a key given twice, a
reference to a student or measure nobody has) before one transaction writes
them, keyed by the source's own ids, so the same files imported twice leave
the same rows. Rows already recorded in meetings are never removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mtss_tui.importers import ImportFailed
from mtss_tui.importers.batch import Batch, Sourced
from mtss_tui.importers.canonical import (
    LOAD_ORDER,
    MAX_FAULTS,
    READ_AS_GIVEN,
    TABLES,
    CsvOptions,
    read_lines,
)
from mtss_tui.store.audit import Recorder
from mtss_tui.store.db import Database

REFERENCES = {
    "scores": [("student_id", "students"), ("measure", "measures")],
    "cut_scores": [("measure", "measures")],
    "attendance": [("student_id", "students")],
    "period_attendance": [("student_id", "students")],
    "incidents": [("student_id", "students")],
    "interventions": [("student_id", "students"), ("measure", "measures")],
    "team_members": [("team", "teams"), ("staff_id", "staff")],
}
"""Columns that must name a row of another table, in the import or the database."""

HIDDEN = "(made from a name, not shown)"

Progress = Callable[[str, int, int], None]
"""Told (what, done, total) as an import goes; the command line draws a bar."""


@dataclass
class TableCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


@dataclass
class ImportSummary:
    kind: str
    files: list[str]
    written: bool
    tables: dict[str, TableCounts] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(c.added + c.updated + c.unchanged for c in self.tables.values())


def read_kind(
    kind: str,
    paths: list[Path],
    mapping_path: Path | None,
    options: CsvOptions,
    progress: Progress | None = None,
) -> Batch:
    """The batch a kind of source gives; faults are kept in `batch.faults`."""
    from mtss_tui.importers import formats

    batch = Batch(files=[str(p) for p in paths])
    faults = batch.faults
    if kind == "csv":
        if mapping_path is None:
            raise ImportFailed(["kind csv needs --mapping FILE"], 1)
        from mtss_tui.importers.mapping import add_fixed, load_mapping, read_mapped

        mapping = load_mapping(mapping_path)
        batch.private |= mapping.private_fields()
        add_fixed(mapping, batch)
        for path in paths:
            read_mapped(path, mapping, batch, options)
    elif kind in TABLES:
        for path in paths:
            for line, row in read_lines(
                path, TABLES[kind], faults, options, batch.warnings
            ):
                batch.add(kind, str(path), line, row)
    elif kind in formats.READERS:
        if progress:
            progress(f"reading {len(paths)} path(s)", 0, 1)
        batch = formats.READERS[kind](paths, options)
    else:
        valid = ", ".join(["csv", *TABLES, *formats.READERS])
        raise ImportFailed([f"unknown kind {kind!r}; valid: {valid}"], 1)
    return batch


def import_files(
    db: Database,
    recorder: Recorder,
    kind: str,
    paths: list[Path],
    dry_run: bool,
    mapping_path: Path | None = None,
    options: CsvOptions = READ_AS_GIVEN,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read, check and (unless a dry run) write one import."""
    batch = read_kind(kind, paths, mapping_path, options, progress)
    return import_batch(db, recorder, kind, batch, dry_run, progress)


def import_batch(
    db: Database,
    recorder: Recorder,
    kind: str,
    batch: Batch,
    dry_run: bool,
    progress: Progress | None = None,
) -> ImportSummary:
    faults = batch.faults
    for step in batch.pending:
        step(db, batch)
    for table, rows in batch.rows.items():
        for row in rows:  # a key column the file leaves out is empty
            for column in TABLES[table].key:
                row.row.setdefault(column, "")
        hidden = {c for t, c in batch.private if t == table}
        _check_repeats(rows, TABLES[table].key, faults, hidden)
    _check_references(db, batch, faults)
    if faults:
        raise ImportFailed(faults[:MAX_FAULTS], len(faults))

    summary = ImportSummary(kind, batch.files, not dry_run, warnings=batch.warnings)
    changed: dict[str, list[dict]] = {}
    for table in LOAD_ORDER:
        rows = batch.rows.get(table, [])
        if not rows and not batch.skipped[table]:
            continue
        counts, changed[table] = _compare(db, table, rows)
        counts.skipped = batch.skipped[table]
        summary.tables[table] = counts
    if dry_run or not any(changed.values()):
        return summary

    total = sum(len(rows) for rows in changed.values())
    done = 0
    with db.atomic():
        bulk = db.bulk()
        for table in LOAD_ORDER:
            rows = changed.get(table) or []
            for start in range(0, len(rows), 2000):
                chunk = rows[start : start + 2000]
                bulk[table].upsert_all(chunk, pk=TABLES[table].key, batch_size=500)
                done += len(chunk)
                if progress:
                    progress(f"writing {table}", done, total)
        recorder.log("import", kind, f"{total} rows changed")
    return summary


def _compare(db: Database, table: str, rows: list[Sourced]):
    """How many rows are new, changed or already as given; the rows to write."""
    key = TABLES[table].key
    columns = sorted({c for r in rows for c in r.row})
    existing = {}
    if columns:
        select = ", ".join(dict.fromkeys([*key, *columns]))
        for found in db.query(f"SELECT {select} FROM {table}"):
            existing[tuple(str(found[k]) for k in key)] = found
    counts = TableCounts()
    write = []
    for sourced in rows:
        row = sourced.row
        held = existing.get(tuple(str(row[k]) for k in key))
        if held is None:
            counts.added += 1
            write.append(row)
        elif any(_differs(held[c], v) for c, v in row.items()):
            counts.updated += 1
            write.append(row)
        else:
            counts.unchanged += 1
    return counts, write


def _differs(held, given) -> bool:
    if isinstance(given, float) and isinstance(held, int | float):
        return abs(held - given) > 1e-9
    return held != given


def _check_repeats(rows: list[Sourced], key, faults: list[str], hidden) -> None:
    """A key given twice in one import: which row is meant is not for us to guess."""
    first: dict[tuple, Sourced] = {}
    for sourced in rows:
        value = tuple(str(sourced.row[k]) for k in key)
        if value in first:
            where = first[value]
            shown = "/".join(
                HIDDEN if k in hidden else v for k, v in zip(key, value, strict=True)
            )
            faults.append(
                f"{sourced.origin}:{sourced.line}: {'/'.join(key)}: "
                f"{shown!r}: expected once; "
                f"already at {where.origin}:{where.line}"
            )
        else:
            first[value] = sourced


def _check_references(db: Database, batch: Batch, faults: list[str]) -> None:
    for table, rows in batch.rows.items():
        for column, target in REFERENCES.get(table, []):
            target_key = TABLES[target].key[0]
            known = {r[0] for r in db.execute(f"SELECT {target_key} FROM {target}")}
            known |= {s.row[target_key] for s in batch.rows.get(target, [])}
            hidden = (table, column) in batch.private
            same: dict[str, int] = {}
            for sourced in rows:
                value = sourced.row.get(column)
                if value is not None and value not in known:
                    shown = HIDDEN if hidden else repr(value)
                    fault = (
                        f"{sourced.origin}:{sourced.line}: {column}: {shown}: "
                        f"expected a {column} already in {target} "
                        f"(import {target} first)"
                    )
                    same[fault] = same.get(fault, 0) + 1
            # Rows a reader made from one record (a student's school days) give
            # one fault, with how many rows it stands for.
            for fault, count in same.items():
                faults.append(fault + (f" ({count} rows)" if count > 1 else ""))
