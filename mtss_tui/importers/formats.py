"""The whole-system readers `mtss import` knows, by kind.

Each reader takes one path (a file, a folder or a zip) and returns a `Batch`
whose `faults` list every bad cell as `file:line: field: value: expected ...`;
the rows it returns are canonical (`canonical.check_row`), and it never writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import CsvOptions

Reader = Callable[[Path, CsvOptions], Batch]

READERS: dict[str, Reader] = {}


def _read_edfi(path: Path, options: CsvOptions) -> Batch:
    """Ed-Fi XML; imported only when asked for, to keep `mtss` quick to start."""
    from mtss_tui.importers.edfi import read_edfi

    return read_edfi(path, options)


READERS["edfi"] = _read_edfi
