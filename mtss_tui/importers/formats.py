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


def _oneroster(path: Path, options: CsvOptions) -> Batch:
    """Loaded on use, so `mtss meet` never imports the roster reader."""
    from mtss_tui.importers.oneroster import read_bundle

    return read_bundle(path, options)


READERS["oneroster"] = _oneroster
