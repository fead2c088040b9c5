"""Files built to hurt: each gets one clear fault line, never a traceback."""

import csv
import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest

from mtss_tui.cli import main
from mtss_tui.store import open_db

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_name_that_is_a_formula_stays_text_in_csv_exports(sample_path, capsys):
    db = open_db(sample_path)
    db.execute(
        'UPDATE students SET given_name = \'=HYPERLINK("http://127.0.0.1/x","o")\' '
        "WHERE student_id = 'S3005'"
    )
    db.execute(
        "UPDATE action_items SET what = '+1 more session' WHERE student_id = 'S3005'"
    )
    db.close()

    code, out, _ = run(
        capsys,
        "actions",
        "--db",
        str(sample_path),
        "--format",
        "csv",
        "--status",
        "all",
    )
    assert code == 0
    rows = [r for r in csv.DictReader(io.StringIO(out)) if r["student_id"] == "S3005"]
    assert rows and all(r["student_name"].startswith("'=HYPERLINK") for r in rows)
    assert all(r["what"] == "'+1 more session" for r in rows)

    code, out, _ = run(
        capsys, "minutes", "M-2026-11-13-grade-3", "--db", str(sample_path),
        "--format", "csv",
    )  # fmt: skip
    cells = [c for r in csv.reader(io.StringIO(out)) for c in r]
    assert not any(c.startswith(("=", "+")) for c in cells)


def test_an_owner_filter_is_words_not_wildcards(sample_path, capsys):
    base = ["actions", "--db", str(sample_path), "--format", "json"]
    assert json.loads(run(capsys, *base, "--owner", "%")[1]) == []
    assert len(json.loads(run(capsys, *base, "--owner", "mossbottom")[1])) == 1


def bundle_zip(tmp_path, replace: dict[str, bytes], name="roster.zip") -> Path:
    target = tmp_path / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in sorted((FIXTURES / "oneroster" / "v1p1").iterdir()):
            archive.writestr(member.name, replace.get(member.name, member.read_bytes()))
    return target


def test_a_zip_that_expands_hugely_is_refused(tmp_path, capsys, monkeypatch):
    from mtss_tui.importers.oneroster import bundle

    monkeypatch.setattr(bundle, "MAX_MEMBER_BYTES", 10_000)
    users = (FIXTURES / "oneroster" / "v1p1" / "users.csv").read_bytes()
    bomb = bundle_zip(tmp_path, {"users.csv": users + b"\n" * 50_000})

    code, _, err = run(
        capsys, "import", "oneroster", str(bomb), "--db", str(tmp_path / "x.db")
    )
    assert code == 2
    assert "member 'users.csv': expands to 5" in err
    assert "more than a roster file holds" in err
    assert not (tmp_path / "x.db").exists()


def test_a_damaged_zip_member_is_one_fault(tmp_path, capsys):
    good = bundle_zip(tmp_path, {})
    data = bytearray(good.read_bytes())
    start = data.find(b"users.csv") + len("users.csv") + 10
    data[start : start + 40] = b"\x00" * 40  # inside the compressed users.csv
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))

    code, _, err = run(
        capsys, "import", "oneroster", str(damaged), "--db", str(tmp_path / "x.db")
    )
    assert code == 2
    assert "Traceback" not in err
    assert "damaged" in err


def test_edfi_deep_nesting_and_entries_that_are_not_files(tmp_path, capsys):
    folder = tmp_path / "edfi"
    folder.mkdir()
    shutil.copy(FIXTURES / "edfi" / "Student.xml", folder)
    (folder / "Student-copy.xml").mkdir()  # a folder named like a file
    os.symlink(tmp_path / "nowhere.xml", folder / "dangling.xml")
    deep = "<a>" * 5000 + "</a>" * 5000
    (folder / "StudentDiscipline.xml").write_text(
        '<?xml version="1.0"?>\n<InterchangeStudentDiscipline xmlns="http://ed-fi.org/5.2.0">'
        f"<DisciplineAction>{deep}</DisciplineAction></InterchangeStudentDiscipline>\n"
    )

    code, _, err = run(
        capsys, "import", "edfi", str(folder), "--db", str(tmp_path / "x.db")
    )
    assert "Traceback" not in err
    assert code in (0, 2)
    if code == 2:
        assert f"{folder / 'StudentDiscipline.xml'}" in err


def test_one_unknown_student_in_ed_fi_attendance_is_one_fault(tmp_path, capsys):
    folder = tmp_path / "edfi"
    shutil.copytree(FIXTURES / "edfi", folder)
    attendance = folder / "StudentSchoolAttendance.xml"
    body = attendance.read_text()
    first = body.index("<StudentUniqueId>") + len("<StudentUniqueId>")
    end = body.index("<", first)
    attendance.write_text(body[:first] + "999999" + body[end:])

    code, _, err = run(
        capsys, "import", "edfi", str(folder), "--db", str(tmp_path / "x.db")
    )
    assert code == 2
    lines = [line for line in err.splitlines() if "'999999'" in line]
    # The event and the school days made for it: never one line per day.
    assert 1 <= len(lines) <= 2
    assert any(line.endswith("rows)") for line in lines) or len(lines) == 1


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        (
            'table = "students"\n[columns]\nstudent_id = "Id"\ngiven_name = "G"\n'
            'family_name = "F"\ngrade = "Gr"\n[codes.grade]\n"12" = 12\n',
            "m.toml:8: codes.grade.12: 12: expected a string (quote it)",
        ),
        (
            'fixed = "x"\ntable = "students"\n[columns]\nstudent_id = "Id"\n'
            'given_name = "G"\nfamily_name = "F"\ngrade = "Gr"\n',
            "m.toml:1: fixed: expected [[fixed]] tables",
        ),
        (
            'table = "students"\n[columns]\nstudent_id = "Id"\ngiven_name = "G"\n'
            'family_name = "F"\ngrade = "Gr"\n[dates]\nfamily_name = "%Y"\n',
            "m.toml:8: dates.family_name: not a date field of students",
        ),
    ],
)
def test_a_mapping_of_the_wrong_shape_is_located(tmp_path, capsys, text, fault):
    mapping = tmp_path / "m.toml"
    mapping.write_text(text)
    export = tmp_path / "export.csv"
    export.write_text("Id,G,F,Gr\n1,A,B,12\n")

    code, _, err = run(
        capsys, "import", "csv", str(export), "--mapping", str(mapping),
        "--db", str(tmp_path / "x.db"),
    )  # fmt: skip
    assert code == 2
    assert f"{tmp_path}/{fault}" in err
