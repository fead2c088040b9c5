"""`mtss import`: a school's canonical CSV files into the store, all or nothing.

Every file is parsed and every reference checked before anything is written;
then one transaction upserts the rows, keyed by the school's own ids, so the
same files imported twice leave the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mtss_tui.importers import ImportFailed
from mtss_tui.importers.canonical import MAX_FAULTS, TABLES, read_lines
from mtss_tui.importers.mapping import load_mapping, read_mapped
from mtss_tui.store.audit import Recorder
from mtss_tui.store.db import Database

REFERENCES = {
    "scores": [("student_id", "students"), ("measure", "measures")],
    "attendance": [("student_id", "students")],
    "incidents": [("student_id", "students")],
    "interventions": [("student_id", "students"), ("measure", "measures")],
    "team_members": [("team", "teams"), ("staff_id", "staff")],
}
"""Columns that must name a row of another table, in the file or the database."""


@dataclass
class ImportSummary:
    kind: str
    rows: int
    new: int
    files: list[str]
    written: bool


def import_files(
    db: Database,
    recorder: Recorder,
    kind: str,
    paths: list[Path],
    dry_run: bool,
    mapping_path: Path | None = None,
) -> ImportSummary:
    """Import canonical files of one table, or (kind `csv`) any export by mapping."""
    mapping = None
    if kind == "csv":
        if mapping_path is None:
            raise ImportFailed(["kind csv needs --mapping FILE"], 1)
        mapping = load_mapping(mapping_path)
        kind = mapping.table.name
    elif kind not in TABLES:
        valid = ", ".join(["csv", *TABLES])
        raise ImportFailed([f"unknown kind {kind!r}; valid: {valid}"], 1)
    table = TABLES[kind]

    faults: list[str] = []
    lines = []
    for path in paths:
        parsed = (
            read_mapped(path, mapping, faults)
            if mapping
            else read_lines(path, table, faults)
        )
        lines += [(path, line, row) for line, row in parsed]
    for _, _, row in lines:
        for column in table.key:  # a key column the file leaves out is empty
            row.setdefault(column, "")
    _check_repeats(lines, table.key, faults)
    _check_references(db, kind, lines, faults)
    if faults:
        raise ImportFailed(faults[:MAX_FAULTS], len(faults))

    rows = [row for _, _, row in lines]
    known = _existing_keys(db, kind, table.key)
    new = sum(1 for row in rows if tuple(str(row[k]) for k in table.key) not in known)
    if not dry_run and rows:
        with db.atomic():
            db.bulk()[kind].upsert_all(rows, pk=table.key, batch_size=500)
            recorder.log("import", kind, f"{len(rows)} rows")
    return ImportSummary(kind, len(rows), new, [str(p) for p in paths], not dry_run)


def _check_repeats(lines, key, faults: list[str]) -> None:
    """A key given twice in one import: which row is meant is not for us to guess."""
    first: dict[tuple, tuple] = {}
    for path, line, row in lines:
        value = tuple(str(row[k]) for k in key)
        if value in first:
            where = first[value]
            faults.append(
                f"{path}:{line}: {'/'.join(key)}: {'/'.join(value)!r}: expected once; "
                f"already at {where[0]}:{where[1]}"
            )
        else:
            first[value] = (path, line)


def _check_references(db: Database, kind: str, lines, faults: list[str]) -> None:
    for column, target in REFERENCES.get(kind, []):
        target_key = TABLES[target].key[0]
        known = {r[0] for r in db.execute(f"SELECT {target_key} FROM {target}")}
        if kind == target:
            known |= {row[target_key] for _, _, row in lines}
        for path, line, row in lines:
            value = row.get(column)
            if value is not None and value not in known:
                faults.append(
                    f"{path}:{line}: {column}: {value!r}: expected a {column} "
                    f"already in {target} (import {target} first)"
                )


def _existing_keys(db: Database, kind: str, key) -> set[tuple]:
    columns = ", ".join(key)
    return {
        tuple(str(v) for v in r) for r in db.execute(f"SELECT {columns} FROM {kind}")
    }
