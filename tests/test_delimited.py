"""Files that would store wrong values if read loosely are refused, line by line."""

import pytest

from mtss_tui.cli import main
from mtss_tui.store import open_db

HEADER = "student_id,given_name,family_name,grade,school\n"


def import_students(path, db, capsys) -> tuple[int, str]:
    code = main(["import", "students", str(path), "--db", str(db)])
    return code, capsys.readouterr().err


def student_count(db) -> int:
    conn = open_db(db, readonly=True)
    found = conn.execute("SELECT count(*) FROM students").fetchone()[0]
    conn.close()
    return found


@pytest.mark.parametrize(
    ("body", "fault"),
    [
        # A quote never closed would swallow every later row into one cell.
        (
            'S1,Ash,Fern,3,"MHE\nS2,Bram,Oak,3,MHE\nS3,Cy,Elm,3,MHE\n',
            ":2: row: unexpected end of data; a quote opened on this row is not closed",
        ),
        # A quote closed on a later line: one cell would hold two lines.
        (
            'S1,Ash,"Fern\nS2",3,MHE\nS3,Cy,Elm,3,MHE\n',
            ":2: row: a value runs on to line 3; expected one row per line",
        ),
        # An unquoted comma inside a name shifts the cells: never stored.
        ("S1,Ash,Fern, Jr.,3,MHE\n", ":2: row: 6 cells, more than the header's 5"),
        ("S1,Ash,3,MHE\n", ":2: row: 4 cells, fewer than the header's 5"),
        ("S1,Ash,Fern,3,MHE\nS2,Bram\x00,Oak,3,MHE\n", ":3: a NUL byte"),
    ],
)
def test_a_row_that_does_not_fit_its_header_is_a_fault(
    sample_path, tmp_path, capsys, body, fault
):
    students = tmp_path / "students.csv"
    students.write_text(HEADER + body)
    before = student_count(sample_path)

    code, err = import_students(students, sample_path, capsys)

    assert code == 2
    assert f"{students}{fault}" in err
    assert student_count(sample_path) == before


def test_a_column_named_twice(sample_path, tmp_path, capsys):
    students = tmp_path / "students.csv"
    students.write_text(HEADER.replace("school", "grade") + "S1,Ash,Fern,3,4\n")

    code, err = import_students(students, sample_path, capsys)

    assert code == 2
    assert f"{students}:1: header: column(s) grade given twice" in err


def test_separators_at_line_ends_and_a_stray_bom_are_harmless(tmp_path, capsys):
    students = tmp_path / "students.csv"
    # Trailing separators (a spreadsheet's empty columns) and a byte-order mark
    # pasted into the middle of the file, before an id.
    students.write_text(
        HEADER.strip() + ",,\nS1,Ash,Fern,3,MHE,,\n\ufeffS2,Bo,Oak,3,MHE,,\n"
    )
    db = tmp_path / "new.db"

    code, err = import_students(students, db, capsys)

    assert code == 0, err
    conn = open_db(db, readonly=True)
    ids = [r[0] for r in conn.execute("SELECT student_id FROM students ORDER BY 1")]
    conn.close()
    assert ids == ["S1", "S2"]


def test_utf16_and_a_single_windows_1252_line(tmp_path, capsys):
    db = tmp_path / "new.db"
    utf16 = tmp_path / "utf16.csv"
    utf16.write_bytes((HEADER + "S1,Zoë,Fern,3,MHE\n").encode("utf-16"))
    code, err = import_students(utf16, db, capsys)
    assert code == 0, err
    assert f"{utf16}:1: UTF-16 text; read as such" in err

    # Line 2 is UTF-8, line 3 Windows-1252: each is read as what it is.
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(
        HEADER.encode()
        + "S2,José,Oak,3,MHE\n".encode()
        + "S3,Inés,Elm,3,MHE\n".encode("cp1252")
    )
    code, err = import_students(mixed, db, capsys)
    assert code == 0, err
    assert f"{mixed}:3: not UTF-8; line(s) 3 read as Windows-1252" in err
    conn = open_db(db, readonly=True)
    names = dict(conn.execute("SELECT student_id, given_name FROM students"))
    conn.close()
    assert names == {"S1": "Zoë", "S2": "José", "S3": "Inés"}


def test_an_interventions_file_without_measure_keeps_the_measures_held(
    sample_path, tmp_path, capsys
):
    conn = open_db(sample_path, readonly=True)
    [(held,)] = conn.execute(
        "SELECT measure FROM interventions WHERE intervention_id = "
        "(SELECT min(intervention_id) FROM interventions WHERE measure IS NOT NULL)"
    ).fetchall()
    [row] = conn.query(
        "SELECT * FROM interventions WHERE measure = ? ORDER BY intervention_id "
        "LIMIT 1",
        [held],
    )
    conn.close()
    plan = tmp_path / "interventions.csv"
    columns = ["intervention_id", "student_id", "name", "domain", "tier", "start_date"]
    plan.write_text(
        ",".join(columns)
        + "\n"
        + ",".join(str(row[c]) for c in columns[:-2])
        + f",{row['tier']},{row['start_date']}\n"
    )

    assert main(["import", "interventions", str(plan), "--db", str(sample_path)]) == 0
    conn = open_db(sample_path, readonly=True)
    [(after,)] = conn.execute(
        "SELECT measure FROM interventions WHERE intervention_id = ?",
        [row["intervention_id"]],
    ).fetchall()
    conn.close()
    assert after == held  # a column the file does not give is left as held


def test_a_bad_delimiter_is_refused_in_one_line(sample_path, tmp_path, capsys):
    students = tmp_path / "students.csv"
    students.write_text(HEADER)
    args = ["import", "students", str(students), "--db", str(sample_path)]

    assert main([*args, "--delimiter", "::"]) == 2
    assert "--delimiter '::': expected comma, semicolon, tab, pipe" in (
        capsys.readouterr().err
    )
