"""Collected records into canonical rows, through the same checks as CSV rows.

Every row goes through `canonical.check_row`, so a bad date or number in an
Ed-Fi file is reported exactly like one in a canonical file, named by the
XML element (`StudentSchoolAttendanceEvent/EventDate`) instead of a column.
"""

from __future__ import annotations

from datetime import date

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import TABLES, check_row
from mtss_tui.importers.edfi.interchanges import Place


def emit(
    batch: Batch,
    table: str,
    at: Place,
    raw: dict[str, str],
    shown: dict[str, str] | None = None,
) -> None:
    """Check one row and add it to the batch; faults go to `batch.faults`."""
    row = check_row(TABLES[table], raw, str(at), batch.faults, shown)
    if row is not None:
        batch.add(table, at.file, at.line, row)


def parse_date(text: str, at: Place, element: str, faults: list[str]) -> date | None:
    """A date an Ed-Fi element holds (a date-time keeps its date), or a fault."""
    try:
        return date.fromisoformat(text.partition("T")[0].strip())
    except ValueError:
        faults.append(f"{at}: {element}: {text!r}: expected a date as YYYY-MM-DD")
        return None


def day_of(text: str) -> str:
    """The date part of an Ed-Fi date or date-time (`2021-04-01T16:00:00`)."""
    return text.partition("T")[0].strip()
