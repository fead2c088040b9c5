"""Reading one OneRoster CSV file: its header, its cells, its faults.

Exports differ in small ways the spec does not allow but schools cannot fix:
typos in optional column names, vendor (`ext_*`) and `metadata.*` columns, a
1.0-style `grade` column, `dateLastModified` written `15/06/2023`. These are
read or ignored; only a missing required column, a value outside the spec's
lists or a cell that is not a date is a fault, named by file, line and column.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime

from mtss_tui.importers.canonical import CsvOptions, csv_from_bytes
from mtss_tui.importers.oneroster.bundle import Bundle

STATUSES = ("active", "inactive", "tobedeleted")
"""`inactive` is not in 1.1 but exports use it; both it and tobedeleted end an
enrolment."""

ALIASES = {
    "dataLastModified": "dateLastModified",
    "prefferedGivenName": "preferredGivenName",
    "prefferedMiddleName": "preferredMiddleName",
    "prefferedFamilyName": "preferredFamilyName",
}
"""Misspelled column names seen in real exports, read as the columns meant."""

DATE_COLUMNS = ("dateLastModified", "beginDate", "endDate")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


@dataclass(frozen=True)
class Record:
    """One row of a OneRoster file: where it is and its cells by column."""

    origin: str
    line: int
    cells: dict[str, str]

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}"

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    @property
    def status(self) -> str:
        return self.get("status").lower()


def read_file(
    bundle: Bundle,
    name: str,
    required: tuple[str, ...],
    faults: list[str],
    options: CsvOptions,
    warnings: list[str],
) -> list[Record]:
    """The rows of `name` (e.g. `users.csv`) with statuses and dates checked."""
    origin = bundle.spelled(name)
    reader = csv_from_bytes(origin, bundle.read(name), faults, options, warnings)
    if reader is None:
        return []
    header = [ALIASES.get(h.strip(), h.strip()) for h in reader.fieldnames or []]
    missing = [c for c in required if c not in header]
    for column in missing:
        faults.append(
            f"{origin}:1: header: missing column {column}{_hint(column, header)}"
        )
    if missing:
        return []
    reader.fieldnames = header

    records = []
    for cells in reader:
        record = Record(origin, reader.line_num, cells)
        _check_cells(record, faults)
        records.append(record)
    return records


def _hint(column: str, header: list[str]) -> str:
    close = difflib.get_close_matches(column, header, n=1, cutoff=0.75)
    return f" (is {close[0]!r} a misspelling of it?)" if close else ""


def _check_cells(record: Record, faults: list[str]) -> None:
    """Status and dates, which every OneRoster file has in the same form."""
    if record.status and record.status not in STATUSES:
        faults.append(
            f"{record.where}: status: {record.get('status')!r}: expected one of "
            f"{', '.join(STATUSES)} or empty"
        )
    for column in DATE_COLUMNS:
        text = record.get(column)
        if text and not is_date(text):
            faults.append(
                f"{record.where}: {column}: {text!r}: expected a date "
                "(YYYY-MM-DD or an ISO 8601 date and time)"
            )


def is_date(text: str) -> bool:
    """An ISO 8601 date or date-time, or a slashed day/month/year.

    The slashed form is read only to be checked: MTSS stores no roster dates,
    so whether `1/05/2023` is in January or May does not matter, but text
    that is no date under either reading is a fault.
    """
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        return True
    except ValueError:
        pass
    found = _SLASHED.match(text)
    if not found:
        return False
    first, second, year = (int(g) for g in found.groups())
    for month, day in ((first, second), (second, first)):
        try:
            date(year, month, day)
            return True
        except ValueError:
            continue
    return False


def values(text: str) -> list[str]:
    """A multi-valued cell (`09,10,11`) as its values."""
    return [v.strip() for v in text.split(",") if v.strip()]


def grade(text: str) -> str:
    """A CEDS grade code as MTSS writes grades: `09` -> `9`, `KG` -> `K`."""
    code = text.strip()
    if code.isdigit():
        return str(int(code))
    upper = code.upper()
    return {"KG": "K", "PR": "PK"}.get(upper, upper)
