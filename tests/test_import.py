"""`mtss import` of canonical CSV files: checked whole, then written whole."""

from mtss_tui.cli import main
from mtss_tui.store import open_db

STUDENTS = "student_id,given_name,family_name,grade,school\n"


def counts(path) -> dict[str, int]:
    db = open_db(path, readonly=True)
    found = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("students", "scores", "audit")
    }
    db.close()
    return found


def test_one_bad_row_writes_nothing_and_names_every_fault(
    sample_path, tmp_path, capsys
):
    scores = tmp_path / "scores.csv"
    scores.write_text(
        "student_id,measure,date,value\n"
        "S3001,orf,2026-12-02,99\n"
        "S9999,orf,2026-12-02,50\n"
        "S3002,orf,2026-13-02,50\n"
        "S3003,zzz,2026-12-02,lots\n"
    )
    before = counts(sample_path)

    assert main(["import", "scores", str(scores), "--db", str(sample_path)]) == 2
    err = capsys.readouterr().err
    assert f"{scores}:3: student_id: 'S9999': expected a student_id already in" in err
    assert f"{scores}:4: date: '2026-13-02': expected a date as YYYY-MM-DD" in err
    assert f"{scores}:5: value: 'lots': expected a number" in err
    assert counts(sample_path) == before


def test_bom_crlf_semicolons_dry_run_and_idempotence(sample_path, tmp_path, capsys):
    students = tmp_path / "students.csv"
    students.write_bytes(
        "\ufeffstudent_id;given_name;family_name;grade;school\r\n"
        "S4001;Tansy;Quillbright;3;MHE\r\n"
        "S4002;Bramble;Oakhollow;3;MHE\r\n".encode()
    )
    before = counts(sample_path)

    assert (
        main(
            ["import", "students", str(students), "--db", str(sample_path), "--dry-run"]
        )
        == 0
    )
    assert capsys.readouterr().out.splitlines() == [
        "table         added    updated  unchanged    skipped",
        "students          2          0          0          0",
        "2 rows from 1 file(s): dry run: checked, nothing written",
    ]
    assert counts(sample_path) == before

    assert main(["import", "students", str(students), "--db", str(sample_path)]) == 0
    assert main(["import", "students", str(students), "--db", str(sample_path)]) == 0
    students.write_bytes(students.read_bytes().replace(b"Bramble", b"Brambly"))
    assert main(["import", "students", str(students), "--db", str(sample_path)]) == 0
    out = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert [line for line in out if line[0] == "students"] == [
        ["students", "2", "0", "0", "0"],
        ["students", "0", "0", "2", "0"],  # the same file again changes nothing
        ["students", "0", "1", "1", "0"],  # one name corrected
    ]
    after = counts(sample_path)
    assert after["students"] == before["students"] + 2
    assert after["audit"] == before["audit"] + 2  # one per import that changed rows


def test_a_key_given_twice_is_a_fault(sample_path, tmp_path, capsys):
    students = tmp_path / "students.csv"
    students.write_text(STUDENTS + "S5001,A,B,2,MHE\nS5001,C,D,2,MHE\n")

    assert main(["import", "students", str(students), "--db", str(sample_path)]) == 2
    assert f"{students}:3: student_id: 'S5001': expected once; already at " in (
        capsys.readouterr().err
    )


def test_unknown_kind_and_missing_file(sample_path, tmp_path, capsys):
    assert (
        main(["import", "grades", str(tmp_path / "x.csv"), "--db", str(sample_path)])
        == 2
    )
    assert (
        "unknown kind 'grades'; valid: csv, students, staff" in capsys.readouterr().err
    )
    assert (
        main(
            ["import", "students", str(tmp_path / "none.csv"), "--db", str(sample_path)]
        )
        == 2
    )
    assert "none.csv: no such file" in capsys.readouterr().err


def test_windows_1252_is_detected_with_a_warning_or_refused_when_told(
    sample_path, tmp_path, capsys
):
    students = tmp_path / "students.csv"
    students.write_bytes(
        (STUDENTS + "S6001,Zoë,Ibáñez,2,MHE\n").encode("cp1252")  # ë is 0xEB
    )
    args = ["import", "students", str(students), "--db", str(sample_path)]

    assert main([*args, "--encoding", "utf-8"]) == 2
    assert f"{students}:2: not UTF-8 text" in capsys.readouterr().err

    assert main(args) == 0
    assert f"{students}:2: not UTF-8; line(s) 2 read as Windows-1252" in (
        capsys.readouterr().err
    )
    db = open_db(sample_path, readonly=True)
    [row] = db.query(
        "SELECT given_name, family_name FROM students WHERE student_id = 'S6001'"
    )
    db.close()
    assert (row["given_name"], row["family_name"]) == ("Zoë", "Ibáñez")


def test_a_pipe_separated_file_and_a_given_delimiter(sample_path, tmp_path, capsys):
    students = tmp_path / "students.txt"
    # Commas inside the names would fool a guess; the delimiter is given.
    students.write_text(
        "student_id|given_name|family_name|grade|school\n"
        "S6002|Ash, Jr.|Fernwhistle|3|MHE\n\n\n"
    )
    args = ["import", "students", str(students), "--db", str(sample_path)]
    assert main([*args, "--delimiter", "pipe"]) == 0
    assert (
        "students          1          0          0          0"
        in capsys.readouterr().out
    )


def test_the_progress_bar_draws_on_a_terminal_only():
    import io

    from mtss_tui.cli.import_report import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    shown = Terminal()
    bar = ProgressBar(shown, width=10)
    bar.update("writing scores", 5, 10)
    bar.update("writing scores", 10, 10)
    bar.close()
    assert "\r[#####-----] 5/10 writing scores" in shown.getvalue()
    assert "\r[##########] 10/10 writing scores" in shown.getvalue()

    piped = io.StringIO()
    bar = ProgressBar(piped)
    bar.update("writing scores", 5, 10)
    bar.close()
    assert piped.getvalue() == ""


def test_a_name_is_never_printed_in_a_fault(sample_path, tmp_path, capsys):
    staff = tmp_path / "staff.csv"
    # A name that is only spaces is missing; a staff id given twice is a fault
    # whose line shows the id, never the name.
    staff.write_text("staff_id,name\nT9,   \nT8,Wren Alderby\nT8,Wren Alderby\n")

    assert main(["import", "staff", str(staff), "--db", str(sample_path)]) == 2
    err = capsys.readouterr().err
    assert f"{staff}:2: name: (a name, not shown): expected a value" in err
    assert f"{staff}:4: staff_id: 'T8': expected once" in err
    assert "Wren" not in err


def test_a_refused_or_dry_run_import_leaves_no_new_database_behind(tmp_path, capsys):
    students = tmp_path / "students.csv"
    students.write_text(STUDENTS + "S7001,Ash,Fernwhistle,,MHE\n")  # no grade
    fresh = tmp_path / "new-school.db"
    args = ["import", "students", str(students), "--db", str(fresh)]

    assert main(args) == 2
    assert not fresh.exists()  # not an empty school that `flags` reads as fine

    students.write_text(STUDENTS + "S7001,Ash,Fernwhistle,3,MHE\n")
    assert main([*args, "--dry-run"]) == 0
    assert not fresh.exists()
    assert main(args) == 0
    assert counts(fresh)["students"] == 1


def test_meet_never_fills_a_named_database_with_the_sample_school(tmp_path):
    import pytest

    from mtss_tui.cli.commands import _open_school
    from mtss_tui.services.teams import SchoolError

    typo = tmp_path / "shcool.db"
    with pytest.raises(SchoolError) as error:
        _open_school(typo, "tester", default=False)
    assert "no such database" in str(error.value)
    assert "mtss import" in str(error.value) and "mtss sample --db" in str(error.value)
    assert not typo.exists()

    empty = tmp_path / "empty.db"
    open_db(empty).close()
    with pytest.raises(SchoolError) as error:
        _open_school(empty, "tester", default=False)
    assert "holds no students yet" in str(error.value)
    assert counts(empty)["students"] == 0

    db, message = _open_school(tmp_path / "default.db", "tester", default=True)
    db.close()
    assert message.startswith("Created the sample school database at")
