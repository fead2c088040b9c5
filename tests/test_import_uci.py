"""The UCI Student Performance files through their shipped mapping.

One line of the export gives a student, three period grades and two yearly
counts; the mapping's [[output]] tables say so, and its [[fixed]] rows bring
the measures, their cut scores and a team per school.
"""

import csv
import json
from pathlib import Path

import pytest

from mtss_tui.cli import main
from mtss_tui.paths import bundled
from mtss_tui.store import open_db

MAPPING = bundled("config") / "mappings" / "uci_student_performance.toml"
FIXTURE = Path(__file__).parent / "fixtures" / "uci" / "student-mat.csv"
REAL = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "uci-student-performance"
)


def run_import(db: Path, *files: Path) -> int:
    args = ["import", "csv", *map(str, files), "--mapping", str(MAPPING)]
    return main([*args, "--db", str(db)])


def flags_of(db: Path, capsys) -> list[tuple[str, str]]:
    capsys.readouterr()
    assert main(["flags", "--db", str(db), "--format", "json"]) == 0
    return [(f["student_id"], f["reason"]) for f in json.loads(capsys.readouterr().out)]


def test_twelve_real_rows_give_students_grades_and_flags(tmp_path, capsys):
    db = tmp_path / "uci.db"

    assert run_import(db, FIXTURE) == 0
    out = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["students", "12", "0", "0", "0"] in out
    assert ["scores", "60", "0", "0", "0"] in out  # 12 lines x (G1, G2, G3, 2 counts)

    conn = open_db(db, readonly=True)
    grades = conn.query(
        "SELECT date, value FROM scores WHERE student_id = 'student-mat-4' "
        "AND measure = 'period_grade' ORDER BY date"
    )
    # Line 4 of the file: G1 "7", G2 "8" (quoted), G3 10 (not quoted).
    assert [(g["date"], g["value"]) for g in grades] == [
        ("2005-12-16", 7.0),
        ("2006-03-31", 8.0),
        ("2006-06-23", 10.0),
    ]
    [team] = conn.query("SELECT team, title, schools FROM teams WHERE team = 'uci-gp'")
    assert team["schools"] == "GP"
    conn.close()

    # By hand from the file: G3 below 10 on lines 2 (6), 3 (6), 9 (6) and 12 (9);
    # line 4 has 3 past failures; no line has 18 or more absences.
    assert sorted(flags_of(db, capsys)) == [
        (
            "student-mat-12",
            "period_grade 9 of 20 on 2006-06-23 (spring); below the cut score 10",
        ),
        (
            "student-mat-2",
            "period_grade 6 of 20 on 2006-06-23 (spring); below the cut score 10",
        ),
        (
            "student-mat-3",
            "period_grade 6 of 20 on 2006-06-23 (spring); below the cut score 10",
        ),
        (
            "student-mat-4",
            "past_failures 3 failure(s) on 2006-06-23 (spring); "
            "at or above the cut score 1",
        ),
        (
            "student-mat-9",
            "period_grade 6 of 20 on 2006-06-23 (spring); below the cut score 10",
        ),
    ]

    assert run_import(db, FIXTURE) == 0  # the same file again: the same rows
    assert "nothing to change" in capsys.readouterr().out


def test_the_absence_cut_and_a_bad_grade(tmp_path, capsys):
    lines = FIXTURE.read_text().splitlines()
    header = lines[0].split(";")
    column = header.index("absences")

    def with_absences(line: str, count: str) -> str:
        cells = line.split(";")
        cells[column] = count
        return ";".join(cells)

    export = tmp_path / "student-x.csv"
    # Line 5's row (G3 15) twice: with 18 absences, at the cut; with 17, under it.
    export.write_text(
        "\n".join(
            [lines[0], with_absences(lines[4], "18"), with_absences(lines[4], "17")]
        )
        + "\n"
    )
    db = tmp_path / "uci.db"
    assert run_import(db, export) == 0
    assert flags_of(db, capsys) == [
        (
            "student-x-2",
            "absences_year 18 absences on 2006-06-23 (spring); "
            "at or above the cut score 18",
        )
    ]

    export.write_text(
        lines[0] + "\n" + lines[4].replace('"15";"14"', '"15";"x"') + "\n"
    )
    before = db.read_bytes()
    assert run_import(db, export) == 2
    assert f"{export}:2: G2: 'x': expected a number" in capsys.readouterr().err
    assert db.read_bytes() == before


@pytest.mark.skipif(not REAL.is_dir(), reason="the UCI files are not here")
def test_both_real_files(tmp_path, capsys):
    files = [REAL / "student-mat.csv", REAL / "student-por.csv"]
    rows = []
    for path in files:
        with path.open() as handle:
            rows += list(csv.DictReader(handle, delimiter=";"))
    db = tmp_path / "uci.db"

    assert run_import(db, *files) == 0
    conn = open_db(db, readonly=True)
    assert conn.execute("SELECT count(*) FROM students").fetchone()[0] == len(rows)
    assert conn.execute("SELECT count(*) FROM scores").fetchone()[0] == 5 * len(rows)
    conn.close()
    # Counted from the files: G3 below 10, or a past failure, or 18+ absences.
    expected = sum(
        1
        for r in rows
        if int(r["G3"]) < 10 or int(r["failures"]) >= 1 or int(r["absences"]) >= 18
    )
    assert len({s for s, _ in flags_of(db, capsys)}) == expected


def test_a_yearly_absence_count_speaks_for_attendance_on_the_card(tmp_path, capsys):
    from mtss_tui.config import load_settings
    from mtss_tui.services.school import School

    db = tmp_path / "uci.db"
    assert run_import(db, FIXTURE) == 0
    conn = open_db(db, readonly=True)
    card = School(conn, load_settings(bundled("config"))).card("student-mat-4")
    conn.close()

    [panel] = [p for p in card.panels if p.domain == "attendance"]
    # Line 4 of the file: 10 absences in the year; no daily records at all.
    assert panel.lines == ["absences_year: 10 absences (Jun 23)"]
    keys = [c.key for c in card.charts]
    assert "attendance" not in keys  # no chart of empty months
    assert keys[0] == "screening:period_grade" and keys[-1] == "incidents"
