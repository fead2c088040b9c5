"""NWEA MAP Growth's combined data file: assessment results and students by school.

The export is a pair of CSV files, told apart by their headers: assessment
results (one row per test event: RIT score, percentile, goal strands) and
students by school (one row per student per term: name, grade, school). They
become students (grade and school from the latest term), a team per school,
two screening measures per subject (the RIT score, charted over the terms, and
the national percentile, which carries the cut score) and their scores.

Only the test event NWEA counts for growth (`GrowthMeasureYN` true) is kept;
a retest in the same term is skipped, so each term has one score. Names,
dates of birth, ethnicity and gender columns other than the names are never
read.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import TABLES, CsvOptions, check_row, open_csv

LOW_PERCENTILE = 21.0
"""NWEA's achievement quintiles call a percentile below 21 "Low" (1st-20th)."""

CUT_SOURCE = "NWEA MAP achievement quintile Low: percentile below 21"
RESULTS = ("TermName", "StudentID", "MeasurementScale", "GrowthMeasureYN")
RESULT_VALUES = ("TestStartDate", "TestRITScore", "TestPercentile")
STUDENTS = ("TermName", "StudentID", "StudentFirstName", "StudentLastName", "Grade")
SEASONS = {"fall": 0, "winter": 1, "spring": 2}
SOURCE = "nwea-map"


def read_map(paths: list[Path], options: CsvOptions) -> Batch:
    """Every results and students file given, joined on StudentID."""
    batch = Batch(files=[str(p) for p in paths])
    students: dict[str, tuple[tuple, str, int, dict]] = {}
    scales: set[str] = set()
    seen_scores: set[tuple] = set()
    kinds_found = set()

    for path in paths:
        reader = open_csv(path, batch.faults, options, batch.warnings)
        if reader is None:
            continue
        header = [h.strip() for h in reader.fieldnames or []]
        reader.fieldnames = header
        if all(c in header for c in STUDENTS):
            kinds_found.add("students")
            _read_students(path, reader, students, batch)
        elif all(c in header for c in RESULTS + RESULT_VALUES):
            kinds_found.add("results")
            _read_results(path, reader, scales, seen_scores, batch)
        else:
            batch.faults.append(
                f"{path}:1: header: neither a MAP assessment results file "
                f"(needs {', '.join(RESULTS + RESULT_VALUES)}) nor a students by "
                f"school file (needs {', '.join(STUDENTS)})"
            )
    if batch.faults:
        return batch
    if "students" not in kinds_found and "results" in kinds_found:
        batch.warnings.append(
            "no students by school file given: the results' students must already "
            "be in the database"
        )

    for _, origin, line, row in students.values():
        batch.add("students", origin, line, row)
    for school in sorted({s[3]["school"] for s in students.values()}):
        team = {
            "team": "map-" + _slug(school),
            "title": school,
            "grades": "",
            "schools": school,
        }
        batch.add("teams", paths[0].name, 0, team)
    _add_measures(sorted(scales), batch)
    return batch


def _read_students(path, reader, students: dict, batch: Batch) -> None:
    """The latest term's row for each student; earlier terms are history."""
    for row in reader:
        line = reader.line_num
        term = _term(row.get("TermName") or "")
        if term is None:
            batch.faults.append(
                f"{path}:{line}: TermName: {row.get('TermName')!r}: expected a term "
                "such as 'Fall 2013-2014'"
            )
            continue
        raw = {
            "student_id": row.get("StudentID") or "",
            "given_name": row.get("StudentFirstName") or "",
            "family_name": row.get("StudentLastName") or "",
            "grade": _grade(row.get("Grade") or ""),
            "school": (row.get("SchoolName") or "").strip(),
        }
        shown = {
            "student_id": "StudentID",
            "given_name": "StudentFirstName",
            "family_name": "StudentLastName",
            "grade": "Grade",
        }
        clean = check_row(
            TABLES["students"], raw, f"{path}:{line}", batch.faults, shown
        )
        if clean is None:
            continue
        held = students.get(clean["student_id"])
        if held is None or term >= held[0]:
            if held is not None:
                batch.skip("students")
            students[clean["student_id"]] = (term, str(path), line, clean)
        else:
            batch.skip("students")


def _read_results(path, reader, scales: set, seen: set, batch: Batch) -> None:
    """Two scores per growth test event: the RIT score and the percentile."""
    for row in reader:
        line = reader.line_num
        where = f"{path}:{line}"
        if (row.get("GrowthMeasureYN") or "").strip().upper() != "TRUE":
            batch.skip("scores", 2)
            continue
        scale = _scale(row.get("MeasurementScale") or "")
        if not scale:
            batch.faults.append(
                f"{where}: MeasurementScale: '': expected a subject such as Reading"
            )
            continue
        when = _date(row.get("TestStartDate") or "")
        if when is None:
            batch.faults.append(
                f"{where}: TestStartDate: {row.get('TestStartDate')!r}: expected a "
                "date as M/D/YYYY"
            )
            continue
        scales.add(scale)
        for measure, column in (
            (scale, "TestRITScore"),
            (f"{scale}_pctl", "TestPercentile"),
        ):
            raw = {
                "student_id": row.get("StudentID") or "",
                "measure": f"map_{measure}",
                "date": when,
                "value": row.get(column) or "",
                "source": SOURCE,
            }
            shown = {"student_id": "StudentID", "value": column}
            clean = check_row(TABLES["scores"], raw, where, batch.faults, shown)
            if clean is None:
                continue
            key = (clean["student_id"], clean["measure"], clean["date"], clean["value"])
            if key in seen:
                batch.skip("scores")  # the same event from another serialisation
                continue
            seen.add(key)
            batch.add("scores", str(path), line, clean)


def _add_measures(scales: list[str], batch: Batch) -> None:
    for scale in scales:
        title = scale.replace("_", " ").title()
        batch.add(
            "measures",
            "MAP",
            0,
            {
                "measure": f"map_{scale}",
                "domain": "academics",
                "unit": "RIT",
                "direction": "higher",
                "kind": "screening",
                "title": f"MAP Growth {title} (RIT)",
            },
        )
        batch.add(
            "measures",
            "MAP",
            0,
            {
                "measure": f"map_{scale}_pctl",
                "domain": "academics",
                "unit": "percentile",
                "direction": "higher",
                "kind": "screening",
                "title": f"MAP Growth {title} (national percentile)",
            },
        )
        for window in SEASONS:
            batch.add(
                "cut_scores",
                "MAP",
                0,
                {
                    "measure": f"map_{scale}_pctl",
                    "grade": "*",
                    "window": window,
                    "cut": LOW_PERCENTILE,
                    "source": CUT_SOURCE,
                },
            )


def _term(name: str) -> tuple[int, int] | None:
    """`Fall 2013-2014` -> (2013, 0): school year, then season within it."""
    found = re.fullmatch(r"\s*(Fall|Winter|Spring)\s+(\d{4})-\d{4}\s*", name, re.I)
    if not found:
        return None
    return int(found[2]), SEASONS[found[1].lower()]


def _date(text: str) -> str | None:
    try:
        return datetime.strptime(text.strip(), "%m/%d/%Y").date().isoformat()
    except ValueError:
        return None


def _grade(text: str) -> str:
    """NWEA writes kindergarten as K or 0; other grades as numbers."""
    text = text.strip()
    return "K" if text in ("0", "K", "KG") else text.lstrip("0") or text


def _scale(text: str) -> str:
    """`Science - General Science` -> `science`; `Language Usage` -> `language`."""
    return _slug(re.split(r"\s+-\s+|\s+usage\b", text.strip(), flags=re.I)[0])


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
