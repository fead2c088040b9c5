"""Any export through a TOML mapping: the PowerSchool-style file and a coded one."""

from pathlib import Path

import pytest

from mtss_tui.cli import main
from mtss_tui.importers.mapping import MappingError, load_mapping
from mtss_tui.paths import bundled
from mtss_tui.store import open_db

FIXTURES = Path(__file__).resolve().parent / "fixtures"
POWERSCHOOL = FIXTURES / "powerschool_students_example.csv"
MAPPING = bundled("config") / "mappings" / "powerschool_students.toml"


def test_the_powerschool_export_through_its_mapping(sample_path, capsys):
    args = [
        "import",
        "csv",
        str(POWERSCHOOL),
        "--mapping",
        str(MAPPING),
        "--db",
        str(sample_path),
    ]
    assert main(args) == 0
    assert "students         19          0          0          0" in (
        capsys.readouterr().out
    )

    db = open_db(sample_path, readonly=True)
    [row] = db.query("SELECT * FROM students WHERE student_id = '355102'")
    assert (row["grade"], row["school"]) == ("3", "100")
    grades = {
        r["grade"]
        for r in db.query("SELECT grade FROM students WHERE length(student_id) = 6")
    }
    # The export has grade 0 (kindergarten); the mapping's codes make it K.
    assert "K" in grades and "0" not in grades
    # Phone and address columns are not read into the store at all.
    assert "Home_Phone" not in {c[1] for c in db.execute("PRAGMA table_info(students)")}


def test_codes_and_date_formats(sample_path, tmp_path, capsys):
    export = tmp_path / "sis_attendance.csv"
    export.write_text(
        "Student;Day;Code\nS3001;12/01/2026;A\nS3002;12/01/2026;P\n"
        "S3003;31/12/2026;A\nS3004;12/02/2026;Q\n"
    )
    mapping = tmp_path / "attendance.toml"
    mapping.write_text(
        'table = "attendance"\n[columns]\nstudent_id = "Student"\ndate = "Day"\n'
        'status = "Code"\n[dates]\ndate = "%m/%d/%Y"\n'
        '[codes.status]\nA = "absent_unexcused"\nP = "present"\n'
    )
    args = [
        "import",
        "csv",
        str(export),
        "--mapping",
        str(mapping),
        "--db",
        str(sample_path),
    ]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"{export}:4: Day: '31/12/2026': expected a date as %m/%d/%Y" in err
    assert f"{export}:5: Code: 'Q': expected one of present, absent_excused" in err

    export.write_text("Student;Day;Code\nS3001;12/01/2026;A\nS3002;12/01/2026;P\n")
    assert main(args) == 0
    db = open_db(sample_path, readonly=True)
    rows = dict(
        db.execute(
            "SELECT student_id, status FROM attendance "
            "WHERE date = '2026-12-01' AND student_id IN "
            "('S3001', 'S3002')"
        ).fetchall()
    )
    assert rows == {"S3001": "absent_unexcused", "S3002": "present"}


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('table = "grades"\n', "m.toml:1: table: 'grades': expected one of students"),
        (
            'table = "students"\n[columns]\nstudent_id = "Id"\nshoe = "Size"\n',
            "m.toml:4: columns.shoe: not a field of students",
        ),
        (
            'table = "students"\n[columns]\nstudent_id = "Id"\n',
            "m.toml:2: columns: required field(s) not mapped: given_name, family_name",
        ),
        (
            '[[output]]\ntable = "students"\n'
            '[output.templates]\nstudent_id = "{line}"\n'
            'given_name = "A"\nfamily_name = "B"\ngrade = "3"\n'
            '[[output]]\ntable = "scores"\n[output.columns]\nstudent_id = "Id"\n'
            'measure = "M"\ndate = "D"\nscore = "V"\n',
            "m.toml:14: output.columns.score: not a field of scores",
        ),
        (
            'table = "students"\n[columns]\nstudent_id = "Id"\ngiven_name = "G"\n'
            'family_name = "F"\ngrade = "Gr"\n[[fixed]]\ntable = "measures"\n'
            'measure = "m"\nhue = "red"\n',
            "m.toml:10: fixed.hue: not a field of measures",
        ),
    ],
)
def test_a_broken_mapping_is_located(tmp_path, text, fault):
    path = tmp_path / "m.toml"
    path.write_text(text)
    with pytest.raises(MappingError) as error:
        load_mapping(path)
    assert fault in str(error.value)
