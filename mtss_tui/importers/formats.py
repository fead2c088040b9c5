"""The whole-system readers `mtss import` knows, by kind.

Each reader takes the paths given (files, folders or zips) and returns a `Batch`
whose `faults` list every bad cell as `file:line: field: value: expected ...`;
the rows it returns are canonical (`canonical.check_row`), and it never writes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import CsvOptions

Reader = Callable[[list[Path], CsvOptions], Batch]


def _each(read_one: Callable[[Path, CsvOptions], Batch]) -> Reader:
    """A reader of one bundle at a time, over every path given."""

    def read(paths: list[Path], options: CsvOptions) -> Batch:
        batch = Batch()
        for path in paths:
            one = read_one(path, options)
            batch.merge(one)
            if not one.files:
                batch.files.append(str(path))
        return batch

    return read


def _map(paths: list[Path], options: CsvOptions) -> Batch:
    from mtss_tui.importers.nwea_map import read_map

    return read_map(paths, options)


def _oneroster(path: Path, options: CsvOptions) -> Batch:
    from mtss_tui.importers.oneroster import read_bundle

    return read_bundle(path, options)


def _edfi(path: Path, options: CsvOptions) -> Batch:
    from mtss_tui.importers.edfi import read_edfi

    return read_edfi(path, options)


READERS: dict[str, Reader] = {
    "edfi": _each(_edfi),
    "map": _map,
    "oneroster": _each(_oneroster),
}
"""Readers are imported when their kind is asked for, so `mtss meet` never
loads them."""
