"""The canonical CSV files: one file per table, the tool's own interchange.

Files are parsed and checked completely before anything is written; one bad
cell anywhere means nothing is written and every fault is listed as
`file:line: column: value: what was expected`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mtss_tui.domain.records import DOMAINS
from mtss_tui.importers import ImportFailed
from mtss_tui.importers.delimited import (  # noqa: F401 - the readers' one door
    DELIMITERS,
    READ_AS_GIVEN,
    CsvOptions,
    csv_from_bytes,
    open_csv,
)

ATTENDANCE_STATUSES = (
    "present",
    "absent_excused",
    "absent_unexcused",
    "tardy",
    "suspended",
    "partial",
)
MAX_FAULTS = 50
NAME_COLUMNS = frozenset({"given_name", "family_name", "name"})
"""A person's name never goes into a fault line; the file and line find it."""


class _Fault(ValueError):
    """A cell's value and what was expected instead."""


def _text(value: str) -> str:
    return value.strip()


def _required(value: str) -> str:
    if not value.strip():
        raise _Fault("a value (this column is required)")
    return value.strip()


def _date(value: str) -> str:
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise _Fault("a date as YYYY-MM-DD") from None


def _optional_date(value: str) -> str | None:
    return _date(value) if value.strip() else None


def _number(value: str) -> float:
    try:
        return float(value.strip())
    except ValueError:
        raise _Fault("a number") from None


def _optional_number(value: str) -> float | None:
    return _number(value) if value.strip() else None


def _integer(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise _Fault("a whole number") from None


def _optional_integer(value: str) -> int | None:
    return _integer(value) if value.strip() else None


def _flag(value: str) -> int:
    text = value.strip().lower()
    if text in ("", "no", "n", "false", "0"):
        return 0
    if text in ("yes", "y", "true", "1"):
        return 1
    raise _Fault("yes or no")


def _active(value: str) -> int:
    """Enrolment: a roster's delta file marks a leaver inactive, never deleted."""
    return _flag(value) if value.strip() else 1


def _one_of(*choices: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value.strip() not in choices:
            raise _Fault("one of " + ", ".join(choices))
        return value.strip()

    return check


def _fraction(value: str) -> float | None:
    if not value.strip():
        return None
    number = _number(value)
    if not 0 <= number <= 1:
        raise _Fault("a fraction of the day between 0 and 1")
    return number


@dataclass(frozen=True)
class Table:
    """A canonical file: its columns, how each is read, and its key."""

    name: str
    columns: dict[str, Callable[[str], Any]]
    required: tuple[str, ...]
    key: tuple[str, ...]


TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        Table(
            "students",
            {
                "student_id": _required,
                "given_name": _required,
                "family_name": _required,
                "grade": _required,
                "school": _text,
                "iep": _flag,
                "plan_504": _flag,
                "english_learner": _flag,
                "active": _active,
            },
            ("student_id", "given_name", "family_name", "grade"),
            ("student_id",),
        ),
        Table(
            "staff",
            {"staff_id": _required, "name": _required, "role": _text},
            ("staff_id", "name"),
            ("staff_id",),
        ),
        Table(
            "teams",
            {"team": _required, "title": _required, "grades": _text, "schools": _text},
            ("team", "title"),
            ("team",),
        ),
        Table(
            "team_members",
            {"team": _required, "staff_id": _required},
            ("team", "staff_id"),
            ("team", "staff_id"),
        ),
        Table(
            "measures",
            {
                "measure": _required,
                "domain": _one_of(*DOMAINS),
                "unit": _text,
                "direction": _one_of("higher", "lower"),
                "kind": _one_of("screening", "progress", "rating"),
                "title": _text,
            },
            ("measure", "domain", "direction"),
            ("measure",),
        ),
        Table(
            "cut_scores",
            {
                "measure": _required,
                "grade": _required,
                "window": _one_of("fall", "winter", "spring"),
                "cut": _number,
                "source": _text,
            },
            ("measure", "grade", "window", "cut"),
            ("measure", "grade", "window"),
        ),
        Table(
            "scores",
            {
                "student_id": _required,
                "measure": _required,
                "date": _date,
                "value": _number,
                "source": _text,
            },
            ("student_id", "measure", "date", "value"),
            ("student_id", "measure", "date", "source"),
        ),
        Table(
            "attendance",
            {
                "student_id": _required,
                "date": _date,
                "status": _one_of(*ATTENDANCE_STATUSES),
                "fraction": _fraction,
            },
            ("student_id", "date", "status"),
            ("student_id", "date"),
        ),
        Table(
            "period_attendance",
            {
                "student_id": _required,
                "date": _date,
                "period": _required,
                "status": _one_of("tardy", "absent"),
            },
            ("student_id", "date", "period", "status"),
            ("student_id", "date", "period"),
        ),
        Table(
            "incidents",
            {
                "incident_id": _required,
                "student_id": _required,
                "date": _date,
                "time": _text,
                "type": _required,
                "location": _text,
                "severity": _text,
                "action": _text,
            },
            ("incident_id", "student_id", "date", "type"),
            ("incident_id",),
        ),
        Table(
            "interventions",
            {
                "intervention_id": _required,
                "student_id": _required,
                "name": _required,
                "domain": _one_of(*DOMAINS),
                "tier": _integer,
                "start_date": _date,
                "end_date": _optional_date,
                "measure": _text,
                "baseline": _optional_number,
                "goal_value": _optional_number,
                "goal_date": _optional_date,
                "interventionist": _text,
                "frequency": _text,
                "minutes": _optional_integer,
            },
            ("intervention_id", "student_id", "name", "domain", "tier", "start_date"),
            ("intervention_id",),
        ),
    ]
}

LOAD_ORDER = (
    "measures",
    "cut_scores",
    "students",
    "staff",
    "teams",
    "team_members",
    "scores",
    "attendance",
    "period_attendance",
    "incidents",
    "interventions",
)
"""Parents before children, so foreign keys hold at every step."""


def read_table(path: Path, table: Table, faults: list[str]) -> list[dict[str, Any]]:
    """Parse one file; faults are appended, rows with faults are left out."""
    return [row for _, row in read_lines(path, table, faults)]


def check_row(
    table: Table,
    raw: dict[str, str],
    where: str,
    faults: list[str],
    shown: dict[str, str] | None = None,
) -> dict[str, Any] | None:
    """The canonical row for `raw` (field -> text), or None with faults noted.

    `where` is `file:line`; `shown` names a field's source column in a fault.
    """
    clean: dict[str, Any] = {}
    good = True
    for column, text in raw.items():
        text = text if text is not None else ""
        try:
            clean[column] = table.columns[column](text)
        except _Fault as expected:
            name = (shown or {}).get(column, column)
            value = "(a name, not shown)" if column in NAME_COLUMNS else repr(text)
            faults.append(f"{where}: {name}: {value}: expected {expected}")
            good = False
    if not good:
        return None
    if table.name == "interventions" and "measure" in clean and not clean["measure"]:
        clean["measure"] = None  # no measure, not a measure named ""
    return clean


def read_lines(
    path: Path,
    table: Table,
    faults: list[str],
    options: CsvOptions = READ_AS_GIVEN,
    warnings: list[str] | None = None,
) -> list[tuple[int, dict[str, Any]]]:
    """(line number, parsed row) for each good row; faults are appended."""
    reader = open_csv(path, faults, options, warnings)
    if reader is None:
        return []
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in table.required if c not in header]
    if missing:
        faults.append(f"{path}:1: header: missing column(s) {', '.join(missing)}")
        return []
    reader.fieldnames = header

    rows = []
    present = [c for c in table.columns if c in header]
    for row in reader:
        raw = {column: row.get(column) or "" for column in present}
        clean = check_row(table, raw, f"{path}:{reader.line_num}", faults)
        if clean is not None:
            rows.append((reader.line_num, clean))
    return rows


def read_folder(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Every canonical file present in `folder`, parsed; raises on any fault."""
    faults: list[str] = []
    tables: dict[str, list[dict[str, Any]]] = {}
    for name in LOAD_ORDER:
        path = folder / f"{name}.csv"
        if path.is_file():
            tables[name] = read_table(path, TABLES[name], faults)
    if faults:
        raise ImportFailed(faults[:MAX_FAULTS], len(faults))
    return tables


def write_tables(db, tables: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Upsert the parsed rows, keyed by the source's own ids, in one transaction."""
    counts = {}
    bulk = db.bulk()
    with db.atomic():
        for name in LOAD_ORDER:
            rows = tables.get(name)
            if rows:
                bulk[name].upsert_all(rows, pk=TABLES[name].key, batch_size=500)
                counts[name] = len(rows)
    return counts
