"""Any CSV export into canonical tables, by a TOML mapping.

A mapping names the target table, the source column of each field, the date
format of date fields, code tables (a source value to a canonical one),
templates for fields the export can only give as a pattern, and constants:

    table = "students"
    [columns]
    student_id = "Student_Number"
    [dates]
    start_date = "%m/%d/%Y"
    [codes.grade]
    "0" = "K"
    [templates]
    family_name = "{file}-{line}"
    [constants]
    school = "MHE"

An export whose rows hold several kinds of data (a student, three grading
periods and an absence count on one line) lists one `[[output]]` per canonical
row each line gives, each with the same sections; `[[fixed]]` rows (a measure,
a cut score, a team) are written once, as given. Every row then goes through
the canonical table's own checks, so a bad cell is reported with the source
file's line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from mtss_tui.errors import UserError
from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import (
    NAME_COLUMNS,
    READ_AS_GIVEN,
    TABLES,
    CsvOptions,
    Table,
    _Fault,
    check_row,
    open_csv,
)

SECTIONS = ("columns", "dates", "codes", "templates", "constants")
DATE_FIELDS = {"date", "start_date", "end_date", "goal_date"}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class MappingError(UserError):
    """A mapping file that cannot be used; the message names file, line and key."""


@dataclass
class Output:
    """One canonical row that each line of the export gives."""

    table: Table
    columns: dict[str, str]
    dates: dict[str, str] = field(default_factory=dict)
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)
    constants: dict[str, str] = field(default_factory=dict)


@dataclass
class Mapping:
    path: Path
    outputs: list[Output]
    fixed: list[tuple[int, Table, dict[str, str]]] = field(default_factory=list)
    """(TOML line, table, row) written once per import."""

    @property
    def table(self) -> Table:
        return self.outputs[0].table

    def private_fields(self) -> set[tuple[str, str]]:
        """Fields whose template uses a column that holds a name."""
        names = {
            column
            for output in self.outputs
            for target, column in output.columns.items()
            if target in NAME_COLUMNS
        }
        return {
            (output.table.name, target)
            for output in self.outputs
            for target, template in output.templates.items()
            if names & set(PLACEHOLDER.findall(template))
        }


def load_mapping(path: Path) -> Mapping:
    from mtss_tui.config import ConfigError, read_toml

    try:
        data, text = read_toml(path)
    except ConfigError as error:
        raise MappingError(str(error)) from None

    def fault(where: tuple, problem: str) -> MappingError:
        key = ".".join(str(p) for p in where if not isinstance(p, int))
        return MappingError(f"{path}:{_line_of(text, where)}: {key}: {problem}")

    if "output" in data:
        unknown = set(data) - {"output", "fixed"}
        entries = data["output"]
        if not isinstance(entries, list) or not entries:
            raise fault(("output",), "expected one or more [[output]] tables")
        outputs = [_output(e, ("output", n), fault) for n, e in enumerate(entries)]
    else:
        unknown = set(data) - {"table", "fixed", *SECTIONS}
        outputs = [_output(data, (), fault)]
    if unknown:
        raise fault((sorted(unknown)[0],), "unknown key")
    fixed = []
    entries = data.get("fixed", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise fault(("fixed",), "expected [[fixed]] tables")
    for number, entry in enumerate(entries):
        where = ("fixed", number)
        row = {k: v for k, v in entry.items() if k != "table"}
        table = _table_of(entry, where, fault)
        for name, value in row.items():
            if name not in table.columns:
                raise fault((*where, name), f"not a field of {table.name}")
            if not isinstance(value, str | int | float):
                raise fault((*where, name), "expected a string or a number")
        fixed.append(
            (_line_of(text, where), table, {k: str(v) for k, v in row.items()})
        )
    return Mapping(path, outputs, fixed)


def _table_of(entry, where: tuple, fault) -> Table:
    name = entry.get("table") if isinstance(entry, dict) else None
    if name not in TABLES:
        raise fault((*where, "table"), f"{name!r}: expected one of {', '.join(TABLES)}")
    return TABLES[name]


def _output(entry: dict, where: tuple, fault) -> Output:
    table = _table_of(entry, where, fault)
    if where:
        unknown = set(entry) - {"table", *SECTIONS}
        if unknown:
            raise fault((*where, sorted(unknown)[0]), "unknown key")
    sections = {k: entry.get(k, {}) for k in SECTIONS}
    for section, values in sections.items():
        if not isinstance(values, dict):
            raise fault((*where, section), "expected a table of field = value")
        for target, value in values.items():
            if target not in table.columns:
                raise fault((*where, section, target), f"not a field of {table.name}")
            wanted = dict if section == "codes" else str
            if not isinstance(value, wanted):
                raise fault((*where, section, target), f"expected a {wanted.__name__}")
            if section == "codes":
                for code, meant in value.items():
                    if not isinstance(meant, str):
                        raise fault(
                            (*where, section, target, code),
                            f"{meant!r}: expected a string (quote it)",
                        )
            if section == "dates" and target not in DATE_FIELDS:
                raise fault(
                    (*where, section, target), f"not a date field of {table.name}"
                )
    given = {*sections["columns"], *sections["templates"], *sections["constants"]}
    missing = [c for c in table.required if c not in given]
    if missing:
        raise fault(
            (*where, "columns"), f"required field(s) not mapped: {', '.join(missing)}"
        )
    return Output(table, **sections)


def read_mapped(
    source: Path,
    mapping: Mapping,
    batch: Batch,
    options: CsvOptions = READ_AS_GIVEN,
) -> None:
    """Every output row of each line of `source` into `batch`; faults noted."""
    faults = batch.faults
    reader = open_csv(source, faults, options, batch.warnings)
    if reader is None:
        return
    header = [h.strip() for h in reader.fieldnames or []]
    named = {c for o in mapping.outputs for c in o.columns.values()}
    named |= {
        p
        for o in mapping.outputs
        for t in o.templates.values()
        for p in PLACEHOLDER.findall(t)
    } - {"line", "file"}
    absent = sorted(c for c in named if c not in header)
    if absent:
        faults.append(
            f"{source}:1: header: missing column(s) {', '.join(absent)} "
            f"named in {mapping.path}"
        )
        return
    reader.fieldnames = header

    for row in reader:
        line = reader.line_num
        for output in mapping.outputs:
            clean = _mapped_row(output, row, source, line, faults)
            if clean is not None:
                batch.add(output.table.name, str(source), line, clean)


def add_fixed(mapping: Mapping, batch: Batch) -> None:
    for line, table, row in mapping.fixed:
        where = f"{mapping.path}:{line}"
        clean = check_row(table, row, where, batch.faults)
        if clean is not None:
            batch.add(table.name, str(mapping.path), line, clean)


def _mapped_row(output: Output, row, source: Path, line: int, faults):
    where = f"{source}:{line}"
    raw: dict[str, str] = {}
    good = True
    for target in output.table.columns:
        if target in output.columns:
            text = (row.get(output.columns[target]) or "").strip()
        elif target in output.templates:
            text = _fill(output.templates[target], row, source, line)
        elif target in output.constants:
            text = output.constants[target]
        else:
            continue
        try:
            raw[target] = _translate(target, text, output)
        except _Fault as expected:
            shown = output.columns.get(target, target)
            value = "(a name, not shown)" if target in NAME_COLUMNS else repr(text)
            faults.append(f"{where}: {shown}: {value}: expected {expected}")
            good = False
    clean = check_row(output.table, raw, where, faults, output.columns)
    return clean if good else None


def _fill(template: str, row, source: Path, line: int) -> str:
    """`{line}`, `{file}` (the file's name without suffix) or `{Column}`."""

    def value(match: re.Match) -> str:
        name = match[1]
        if name == "line":
            return str(line)
        if name == "file":
            return source.stem
        return (row.get(name) or "").strip()

    return PLACEHOLDER.sub(value, template)


def _translate(target: str, raw: str, output: Output) -> str:
    codes = output.codes.get(target)
    if codes is not None and raw in codes:
        raw = codes[raw]
    form = output.dates.get(target)
    if form and raw:
        try:
            return datetime.strptime(raw, form).date().isoformat()
        except ValueError:
            raise _Fault(f"a date as {form}") from None
    return raw


def _line_of(text: str, where: tuple) -> int:
    """The line of a key in the mapping, also inside the n-th [[output]]."""
    lines = text.splitlines()
    start, end, found = 0, len(lines), 1
    parts = list(where)
    if len(parts) >= 2 and isinstance(parts[1], int):
        array, index = parts[:2]
        heads = [n for n, s in enumerate(lines) if s.strip() == f"[[{array}]]"]
        if index < len(heads):
            start = heads[index]
            end = heads[index + 1] if index + 1 < len(heads) else len(lines)
            found = start + 1
        prefix, parts = f"{array}.", parts[2:]
    else:
        prefix = ""
    for n, part in enumerate(parts):
        head = f"[{prefix}{'.'.join(parts[: n + 1])}]"
        hits = [i for i in range(start, end) if lines[i].strip() == head]
        if hits:
            start, found = hits[0], hits[0] + 1
            continue
        key = re.compile(rf"^\s*\"?{re.escape(str(part))}\"?\s*=")
        hits = [i for i in range(start, end) if key.match(lines[i])]
        if hits:
            start, found = hits[0], hits[0] + 1
    return found
