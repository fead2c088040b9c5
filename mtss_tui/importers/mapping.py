"""Any CSV export into a canonical table, by a TOML mapping.

A mapping names the target table, the source column of each field, the date
format of date fields, code tables (a source value to a canonical one) and
constants for fields the export lacks:

    table = "students"
    [columns]
    student_id = "Student_Number"
    [dates]
    start_date = "%m/%d/%Y"
    [codes.grade]
    "0" = "K"
    [constants]
    school = "MHE"

Each mapped row then goes through the canonical table's own checks, so a bad
cell is reported as in a canonical file, with the source file's line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mtss_tui.importers.canonical import (
    READ_AS_GIVEN,
    TABLES,
    CsvOptions,
    Table,
    _Fault,
    check_row,
    open_csv,
)


class MappingError(Exception):
    """A mapping file that cannot be used; the message names file, line and key."""


@dataclass
class Mapping:
    path: Path
    table: Table
    columns: dict[str, str]
    dates: dict[str, str] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)


def load_mapping(path: Path) -> Mapping:
    from mtss_tui.config import ConfigError, read_toml
    from mtss_tui.toml_lines import locate

    try:
        data, text = read_toml(path)
    except ConfigError as error:
        raise MappingError(str(error)) from None

    def fault(loc: tuple, problem: str) -> MappingError:
        key = ".".join(str(p) for p in loc)
        return MappingError(f"{path}:{locate(text, loc)}: {key}: {problem}")

    unknown = set(data) - {"table", "columns", "dates", "codes", "constants"}
    if unknown:
        raise fault((sorted(unknown)[0],), "unknown key")
    name = data.get("table")
    if name not in TABLES:
        raise fault(("table",), f"{name!r}: expected one of {', '.join(TABLES)}")
    table = TABLES[name]
    sections = {k: data.get(k, {}) for k in ("columns", "dates", "codes", "constants")}
    for section, values in sections.items():
        if not isinstance(values, dict):
            raise fault((section,), "expected a table of field = value")
        for target, value in values.items():
            if target not in table.columns:
                raise fault((section, target), f"not a field of {name}")
            wanted = dict if section == "codes" else str
            if not isinstance(value, wanted):
                raise fault((section, target), f"expected a {wanted.__name__}")
    missing = [
        c
        for c in table.required
        if c not in sections["columns"] and c not in sections["constants"]
    ]
    if missing:
        raise fault(("columns",), f"required field(s) not mapped: {', '.join(missing)}")
    return Mapping(path, table, **sections)


def read_mapped(
    source: Path,
    mapping: Mapping,
    faults: list[str],
    options: CsvOptions = READ_AS_GIVEN,
    warnings: list[str] | None = None,
) -> list[tuple[int, dict[str, Any]]]:
    """(line, canonical row) for each good row of `source`; faults appended."""
    reader = open_csv(source, faults, options, warnings)
    if reader is None:
        return []
    header = [h.strip() for h in reader.fieldnames or []]
    absent = [c for c in mapping.columns.values() if c not in header]
    if absent:
        faults.append(
            f"{source}:1: header: missing column(s) {', '.join(absent)} "
            f"named in {mapping.path}"
        )
        return []
    reader.fieldnames = header

    rows = []
    for row in reader:
        where = f"{source}:{reader.line_num}"
        raw: dict[str, str] = {}
        good = True
        for target in mapping.table.columns:
            if target in mapping.columns:
                text = (row.get(mapping.columns[target]) or "").strip()
            elif target in mapping.constants:
                text = mapping.constants[target]
            else:
                continue
            try:
                raw[target] = _translate(target, text, mapping)
            except _Fault as expected:
                shown = mapping.columns.get(target, target)
                faults.append(f"{where}: {shown}: {text!r}: expected {expected}")
                good = False
        clean = check_row(mapping.table, raw, where, faults, mapping.columns)
        if good and clean is not None:
            rows.append((reader.line_num, clean))
    return rows


def _translate(target: str, raw: str, mapping: Mapping) -> str:
    codes = mapping.codes.get(target)
    if codes is not None and raw in codes:
        raw = codes[raw]
    form = mapping.dates.get(target)
    if form and raw:
        try:
            return datetime.strptime(raw, form).date().isoformat()
        except ValueError:
            raise _Fault(f"a date as {form}") from None
    return raw
