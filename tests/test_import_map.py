"""`mtss import map`: NWEA MAP Growth's combined data file, results and students.

The synthetic files below use the export's own column names; the real training
district files are read from ../shared/data when that folder is present (their
licence does not allow copying them into the project).
"""

import csv
import json
from pathlib import Path

import pytest

from mtss_tui.cli import main
from mtss_tui.store import open_db

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL = SHARED / "nwea-map-cdf-training-sample"

RESULTS = (
    "TermName,StudentID,SchoolName,MeasurementScale,Discipline,GrowthMeasureYN,"
    "TestType,TestStartDate,TestRITScore,TestStandardError,TestPercentile\n"
)
STUDENTS = (
    "TermName,DistrictName,SchoolName,StudentLastName,StudentFirstName,StudentMI,"
    "StudentID,StudentDateOfBirth,StudentEthnicGroup,StudentGender,Grade\n"
)


def write_pair(folder: Path, results: str, students: str) -> list[str]:
    (folder / "results.csv").write_text(RESULTS + results)
    (folder / "students.csv").write_text(STUDENTS + students)
    return [str(folder / "results.csv"), str(folder / "students.csv")]


def table_counts(path) -> dict[str, int]:
    db = open_db(path, readonly=True)
    found = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("students", "scores", "measures", "cut_scores", "teams", "audit")
    }
    db.close()
    return found


def test_latest_term_growth_events_and_the_low_percentile_flag(tmp_path, capsys):
    files = write_pair(
        tmp_path,
        # T1 reads at the 15th percentile in winter (flagged: below 21), T2 at the
        # 21st (not flagged: 21 is the first "LoAvg" percentile). T1's retest in
        # winter is not a growth event and is skipped.
        "Fall 2025-2026,T1,Elm School,Reading,Reading,TRUE,Survey With Goals,"
        "9/15/2025,180,3.1,30\n"
        "Winter 2025-2026,T1,Elm School,Reading,Reading,TRUE,Survey With Goals,"
        "1/20/2026,182,3.0,15\n"
        "Winter 2025-2026,T1,Elm School,Reading,Reading,FALSE,Survey,"
        "1/27/2026,190,3.0,35\n"
        "Winter 2025-2026,T2,Elm School,Language Usage,Language,TRUE,Survey,"
        "01/21/2026,195,3.0,21\n",
        # The winter row comes first in the file; the latest term still wins.
        "Winter 2025-2026,Dist,Elm School,Quill,Tansy,A,T1,2016-01-01,X,F,4\n"
        "Fall 2025-2026,Dist,Oak School,Quill,Tansy,A,T1,2016-01-01,X,F,3\n"
        "Winter 2025-2026,Dist,Elm School,Bright,Bram,B,T2,2016-02-02,Y,M,4\n",
    )
    db = tmp_path / "map.db"

    assert main(["import", "map", *files, "--db", str(db)]) == 0
    out = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["students", "2", "0", "0", "1"] in out  # T1's fall row skipped
    assert ["scores", "6", "0", "0", "2"] in out  # 3 growth events x 2; the retest

    conn = open_db(db, readonly=True)
    [t1] = conn.query("SELECT * FROM students WHERE student_id = 'T1'")
    assert (t1["grade"], t1["school"]) == ("4", "Elm School")
    [team] = conn.query("SELECT * FROM teams")
    assert (team["team"], team["schools"]) == ("map-elm_school", "Elm School")
    scores = conn.query(
        "SELECT measure, date, value FROM scores WHERE student_id = 'T1' "
        "ORDER BY measure, date"
    )
    assert [tuple(s.values()) for s in scores] == [
        ("map_reading", "2025-09-15", 180.0),
        ("map_reading", "2026-01-20", 182.0),
        ("map_reading_pctl", "2025-09-15", 30.0),
        ("map_reading_pctl", "2026-01-20", 15.0),
    ]
    conn.close()
    assert b"2016-01-01" not in db.read_bytes()  # dates of birth are never stored

    assert main(["flags", "--db", str(db), "--format", "json"]) == 0
    flags = json.loads(capsys.readouterr().out)
    assert [(f["student_id"], f["reason"]) for f in flags] == [
        (
            "T1",
            "map_reading_pctl 15 percentile on 2026-01-20 (winter); "
            "below the cut score 21",
        )
    ]


def test_bad_cells_are_listed_and_nothing_is_written(tmp_path, capsys):
    files = write_pair(
        tmp_path,
        "Fall 2025-2026,T1,Elm,Reading,Reading,TRUE,S,13/40/2025,180,3,30\n"
        "Fall 2025-2026,T1,Elm,Mathematics,Mathematics,TRUE,S,9/15/2025,high,3,30\n"
        "Fall 2025-2026,T9,Elm,Mathematics,Mathematics,TRUE,S,9/16/2025,170,3,30\n",
        "Autumn 2025,Dist,Elm,Quill,Tansy,A,T1,2016-01-01,X,F,4\n"
        "Fall 2025-2026,Dist,Elm,Quill,Tansy,A,T1,2016-01-01,X,F,4\n",
    )
    results, students = files
    db = tmp_path / "map.db"
    assert main(["sample", "--db", str(db)]) == 0
    before = table_counts(db)

    assert main(["import", "map", *files, "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert (
        f"{results}:2: TestStartDate: '13/40/2025': expected a date as M/D/YYYY" in err
    )
    assert f"{results}:3: TestRITScore: 'high': expected a number" in err
    assert f"{students}:2: TermName: 'Autumn 2025': expected a term" in err
    assert f"{results}:4: student_id: 'T9': expected a student_id already in" in err
    assert table_counts(db) == before


def test_a_file_that_is_neither_half_of_the_export(tmp_path, capsys):
    other = tmp_path / "grades.csv"
    other.write_text("id,score\n1,2\n")

    assert main(["import", "map", str(other), "--db", str(tmp_path / "m.db")]) == 2
    assert f"{other}:1: header: neither a MAP assessment results file" in (
        capsys.readouterr().err
    )


@pytest.mark.skipif(not REAL.is_dir(), reason="the MAP training files are not here")
def test_the_training_district_files_end_to_end(tmp_path, capsys):
    results = REAL / "CombinedAssessmentResults.csv"
    students = REAL / "CombinedStudentsBySchool.csv"
    with results.open() as handle:
        events = [r for r in csv.DictReader(handle) if r["GrowthMeasureYN"] == "TRUE"]
    with students.open() as handle:
        people = {r["StudentID"] for r in csv.DictReader(handle)}
    db = tmp_path / "map.db"

    assert main(["import", "map", str(results), str(students), "--db", str(db)]) == 0
    found = table_counts(db)
    assert found["students"] == len(people)  # 714 in the file
    assert found["scores"] == 2 * len(events)  # RIT and percentile per event
    assert found["teams"] == 4  # one per school

    # The same events again, in the per-term serialisation, change nothing.
    fall = REAL / "Fall2013AssessmentResults.csv"
    capsys.readouterr()
    assert main(["import", "map", str(fall), str(students), "--db", str(db)]) == 0
    assert "nothing to change" in capsys.readouterr().out
    assert table_counts(db)["scores"] == found["scores"]

    # Flags: a student's latest growth percentile per subject below 21,
    # counted here straight from the file.
    latest: dict[tuple, tuple] = {}
    for r in events:
        month, day, year = (int(p) for p in r["TestStartDate"].split("/"))
        key = (r["StudentID"], r["MeasurementScale"])
        latest[key] = max(
            latest.get(key, (0, 0, 0, 0)),
            (year, month, day, float(r["TestPercentile"])),
        )
    low = {student for (student, _), v in latest.items() if v[3] < 21}
    assert main(["flags", "--db", str(db), "--format", "json"]) == 0
    flagged = {f["student_id"] for f in json.loads(capsys.readouterr().out)}
    assert flagged == low
