"""Delimited text files as schools save them, read strictly enough to trust.

Forgiving where files really differ: UTF-8 with or without a byte-order mark,
UTF-16 with one, Windows-1252 lines (with a warning naming them), CRLF or LF,
comma, semicolon, tab or pipe, blank trailing rows. Strict where a silent
guess would store wrong values: a row with more or fewer cells than the header,
a quote that is never closed (which would swallow the rest of the file into one
cell), a column named twice, a NUL byte. Each is a fault naming file and line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CsvOptions:
    """How to read a delimited file when it cannot be told from the file."""

    encoding: str | None = None
    """`utf-8` or `cp1252`; None reads UTF-8 and falls back to Windows-1252."""
    delimiter: str | None = None
    """None reads it off the header line (comma, semicolon, tab or pipe)."""


DELIMITERS = (",", ";", "\t", "|")
READ_AS_GIVEN = CsvOptions()
SHOWN_LINES = 5


def open_csv(
    path: Path,
    faults: list[str],
    options: CsvOptions = READ_AS_GIVEN,
    warnings: list[str] | None = None,
) -> CheckedReader | None:
    """A reader over the file, or None with the fault noted."""
    try:
        if not path.is_file():
            problem = "a folder, expected a file" if path.is_dir() else "no such file"
            faults.append(f"{path}: {problem}")
            return None
        data = path.read_bytes()
    except OSError as error:
        faults.append(f"{path}: cannot read it: {error.strerror}")
        return None
    return csv_from_bytes(str(path), data, faults, options, warnings)


def csv_from_bytes(
    name: str,
    data: bytes,
    faults: list[str],
    options: CsvOptions = READ_AS_GIVEN,
    warnings: list[str] | None = None,
) -> CheckedReader | None:
    """As `open_csv`, for bytes already in memory (a zip member, say).

    `name` is how faults and warnings name the file.
    """
    text = _decode(name, data, options.encoding, faults, warnings)
    if text is None:
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        faults.append(f"{name}:{line}: a NUL byte: not a text file (or a damaged one)")
        return None
    first = text.split("\n", 1)[0]
    delimiter = options.delimiter or max(DELIMITERS, key=first.count)
    lines = text.splitlines(keepends=True)
    while lines and not lines[-1].strip(delimiter + " \r\n"):
        lines.pop()  # blank trailing rows, often a spreadsheet's leftovers
    return CheckedReader(name, lines, delimiter, faults)


class CheckedReader:
    """Rows as dicts by header name, like `csv.DictReader`, with each row's
    shape checked: a row that does not fit the header is a fault, not a guess.

    `line_num` is the line the current row is on; `fieldnames` may be replaced
    (with cleaned names) before iterating.
    """

    def __init__(self, name: str, lines: list[str], delimiter: str, faults) -> None:
        self.name = name
        self.faults = faults
        self.line_num = 1
        csv.field_size_limit(max(csv.field_size_limit(), 1 << 24))
        self._rows = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            header = next(self._rows, [])
        except csv.Error as error:
            faults.append(f"{name}:1: header: {error}")
            header = []
        self.fieldnames = [h.replace("\ufeff", "") for h in header]
        named = [h.strip() for h in self.fieldnames if h.strip()]
        twice = sorted({h for h in named if named.count(h) > 1})
        if twice:
            faults.append(
                f"{name}:1: header: column(s) {', '.join(twice)} given twice; "
                "expected each column once"
            )

    def __iter__(self) -> Iterator[dict[str, str]]:
        width = len(self.fieldnames)
        named = max(
            (n + 1 for n, h in enumerate(self.fieldnames) if h.strip()), default=0
        )
        while True:
            start = self._rows.line_num + 1
            try:
                cells = next(self._rows)
            except StopIteration:
                return
            except csv.Error as error:
                self.faults.append(
                    f"{self.name}:{start}: row: {error}; a quote opened on this "
                    "row is not closed"
                )
                return
            self.line_num = start
            end = self._rows.line_num
            if not any(c.strip() for c in cells):
                continue  # a blank row
            if end > start or any("\n" in c or "\r" in c for c in cells):
                self.faults.append(
                    f"{self.name}:{start}: row: a value runs on to line {end}; "
                    "expected one row per line (a quote is not closed)"
                )
                continue
            if len(cells) > width and not any(c.strip() for c in cells[width:]):
                cells = cells[:width]  # separators at the end of a line
            if named <= len(cells) < width:
                cells += [""] * (width - len(cells))  # unnamed trailing columns
            if len(cells) != width:
                more = "more" if len(cells) > width else "fewer"
                self.faults.append(
                    f"{self.name}:{start}: row: {len(cells)} cells, {more} than the "
                    f"header's {width}; expected one cell per column (quote a value "
                    "that holds the separator)"
                )
                continue
            clean = [c.replace("\ufeff", "") for c in cells]
            yield dict(zip(self.fieldnames, clean, strict=True))


def _decode(name, data: bytes, encoding, faults, warnings) -> str | None:
    """The file's text; a Windows-1252 line in a UTF-8 file is read as such."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        if encoding is not None:
            faults.append(
                f"{name}:1: UTF-16 text (it starts with a UTF-16 byte-order mark), "
                f"not {encoding}; save it as UTF-8 or leave out --encoding"
            )
            return None
        if warnings is not None:
            warnings.append(f"{name}:1: UTF-16 text; read as such")
        return data.decode("utf-16")
    if encoding == "cp1252":
        return _cp1252(name, data, faults)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if encoding == "utf-8":
            line = data[: error.start].count(b"\n") + 1
            faults.append(f"{name}:{line}: not UTF-8 text; save the file as UTF-8")
            return None

    lines, odd = [], []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError:
            text = _cp1252(f"{name}", raw, faults, number)
            if text is None:
                return None
            lines.append(text)
            odd.append(number)
    if warnings is not None:
        shown = ", ".join(str(n) for n in odd[:SHOWN_LINES])
        more = f" and {len(odd) - SHOWN_LINES} more" if len(odd) > SHOWN_LINES else ""
        warnings.append(
            f"{name}:{odd[0]}: not UTF-8; line(s) {shown}{more} read as Windows-1252 "
            "(check accented names there, or give --encoding)"
        )
    return "\n".join(lines)


def _cp1252(name, data: bytes, faults, line: int | None = None) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        at = line or data[: error.start].count(b"\n") + 1
        faults.append(
            f"{name}:{at}: neither UTF-8 nor Windows-1252 text; save it as UTF-8"
        )
        return None
