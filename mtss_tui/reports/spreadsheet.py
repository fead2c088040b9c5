"""Cells for CSV files that people open in a spreadsheet.

A cell that begins with `=`, `+`, `-`, `@` (or a tab or carriage return) is run
as a formula by spreadsheet programs; a name or note from a school's files must
never become one. Such a cell gets a leading apostrophe, which spreadsheets
show as text and hide.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row: dict) -> dict:
    return {key: safe_cell(value) for key, value in row.items()}


def csv_text(columns: Sequence[str], rows: Iterable[dict]) -> str:
    """A header and the rows, each cell safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_row(row) for row in rows)
    return out.getvalue()
