"""`mtss import edfi DIR`: a folder of Ed-Fi interchange XML files.

Every `.xml` file in the folder is opened and recognised by its root element
(`InterchangeStudent`, `InterchangeStudentAttendance`, ...), whatever its
name; interchanges MTSS does not use (surveys, gradebooks, descriptors) are
passed over. The records are collected first and joined afterwards, since
one file refers to another's records.
"""

from __future__ import annotations

from pathlib import Path

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import CsvOptions
from mtss_tui.importers.edfi.assessments import build_assessments
from mtss_tui.importers.edfi.attendance import build_attendance
from mtss_tui.importers.edfi.discipline import build_incidents
from mtss_tui.importers.edfi.interchanges import Collector
from mtss_tui.importers.edfi.interventions import build_interventions
from mtss_tui.importers.edfi.people import build_students, build_teams
from mtss_tui.importers.edfi.periods import build_period_attendance
from mtss_tui.importers.edfi.xmlstream import read_records


def interchange_files(path: Path) -> list[Path]:
    """The XML files to look at: the folder's `.xml` files, or the one file."""
    if path.is_dir():
        return sorted(
            p for p in path.iterdir() if p.suffix.lower() == ".xml" and p.is_file()
        )
    return [path]


def read_edfi(path: Path, options: CsvOptions | None = None) -> Batch:
    """The batch the Ed-Fi files in `path` give; `options` are for CSV only."""
    batch = Batch(files=[])
    if not path.exists():
        batch.faults.append(f"{path}: no such file or folder")
        return batch

    collector = Collector()
    used = []
    for file in interchange_files(path):
        root = read_records(
            file,
            lambda root, file=file: collector.handler_for(str(file), root),
            batch.faults,
        )
        if collector.handler_for(str(file), root) is not None:
            used.append(str(file))
    if batch.faults:
        return batch

    found = collector.found
    schools = build_students(found, batch)
    build_teams(found, batch, schools)
    build_assessments(found, batch)
    build_attendance(found, batch)
    build_period_attendance(found, batch)
    build_incidents(found, batch)
    build_interventions(found, batch)
    for table, count in found.left_out.items():
        batch.skip(table, count)
    batch.files = used
    return batch
