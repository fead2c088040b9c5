"""`mtss import oneroster`: roster bundles into students, staff and teams.

Expected figures are counted by hand from the fixture files in
tests/fixtures/oneroster/ (the comments say which rows); the broken real sets
are copies of GPL test data (see PROVENANCE.md there).
"""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import pytest

from mtss_tui.cli import main
from mtss_tui.store import open_db

FIXTURES = Path(__file__).parent / "fixtures" / "oneroster"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TABLES = ("students", "staff", "teams", "team_members")


def run(capsys, *args) -> tuple[int, str, str]:
    code = main(["import", "oneroster", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def rows(db_path: Path, table: str) -> list[tuple]:
    db = open_db(db_path, readonly=True)
    found = sorted(tuple(r) for r in db.execute(f"SELECT * FROM {table}"))
    db.close()
    return found


def counts(db_path: Path) -> dict[str, int]:
    return {t: len(rows(db_path, t)) for t in TABLES}


def student(db_path: Path, student_id: str) -> dict:
    db = open_db(db_path, readonly=True)
    found = next(
        db.query(
            "SELECT grade, school, active FROM students WHERE student_id = ?",
            [student_id],
        )
    )
    db.close()
    return found


def summary(out: str) -> dict[str, list[str]]:
    """The summary table: table -> [added, updated, unchanged, skipped]."""
    return {
        cells[0]: cells[1:]
        for cells in (line.split() for line in out.splitlines())
        if cells and cells[0] in TABLES
    }


def test_bulk_1p1_folder(tmp_path, capsys):
    db = tmp_path / "school.db"

    code, out, err = run(capsys, FIXTURES / "v1p1", "--db", db)

    assert code == 0, err
    # users.csv: stu-1..5 are students; tch-1, tch-2, aide-1 staff; par-1 a
    # parent; the four non-students are counted as skipped students.
    # classes.csv: cls-a3 (03), cls-ak (KG), cls-b78 ("07,08") give four teams;
    # cls-old is tobedeleted and cls-club has no grades.
    # enrollments.csv: tch-1 in cls-a3 and cls-ak, aide-1 in cls-a3, tch-2 in
    # cls-b78 (two teams) = 5 members.
    assert summary(out) == {
        "students": ["5", "0", "0", "4"],
        "staff": ["3", "0", "0", "0"],
        "teams": ["4", "0", "0", "0"],
        "team_members": ["5", "0", "0", "0"],
    }
    assert "1 class(es) give no team, having no grades (first at classes.csv:6)" in err
    # stu-1: orgSourcedIds "dist-1,sch-ash" (the school, not the district), 03
    assert student(db, "stu-1") == {"grade": "3", "school": "sch-ash", "active": 1}
    assert student(db, "stu-3")["grade"] == "K"  # KG
    assert student(db, "stu-4")["active"] == 0  # status inactive
    assert student(db, "stu-5")["grade"] == "7"  # first of "07,08"
    assert ("sch-ash-grade-3", "Ashgrove Elementary grade 3", "3", "sch-ash") in rows(
        db, "teams"
    )
    assert rows(db, "team_members") == sorted(
        [
            ("sch-ash-grade-3", "tch-1"),
            ("sch-ash-grade-3", "aide-1"),
            ("sch-ash-grade-K", "tch-1"),
            ("sch-bir-grade-7", "tch-2"),
            ("sch-bir-grade-8", "tch-2"),
        ]
    )


def test_bulk_1p2_roles_file_and_misspelled_optional_columns(tmp_path, capsys):
    db = tmp_path / "school.db"

    code, out, err = run(capsys, FIXTURES / "v1p2", "--db", db)

    assert code == 0, err
    # roles.csv: u-10, u-11, u-12 students; u-20 teacher (and guardian),
    # u-21 principal; u-30 guardian only. classes: grade 4 and grade 5 at
    # sch-ash. enrollments: u-20 in both, u-21 in cls-5 = 3 members.
    assert counts(db) == {"students": 3, "staff": 2, "teams": 2, "team_members": 3}
    assert summary(out)["students"][3] == "3"
    assert student(db, "u-12") == {"grade": "PK", "school": "sch-bir", "active": 1}
    assert ("u-21", "principal") in [(r[0], r[2]) for r in rows(db, "staff")]


def test_same_bundle_twice_changes_nothing(tmp_path, capsys):
    db = tmp_path / "school.db"
    run(capsys, FIXTURES / "v1p1", "--db", db)

    code, out, _ = run(capsys, FIXTURES / "v1p1", "--db", db)

    assert code == 0
    assert summary(out) == {
        "students": ["0", "0", "5", "4"],
        "staff": ["0", "0", "3", "0"],
        "teams": ["0", "0", "4", "0"],
        "team_members": ["0", "0", "5", "0"],
    }


def zipped(folder: Path, target: Path, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(target, "w") as bundle:
        for path in sorted(folder.iterdir()):
            bundle.write(path, path.name)
        for name, data in (extra or {}).items():
            bundle.writestr(zipfile.ZipInfo(name), data)
    return target


def test_zip_and_folder_give_the_same_rows(tmp_path, capsys):
    from_folder, from_zip = tmp_path / "folder.db", tmp_path / "zip.db"
    bundle = zipped(FIXTURES / "v1p2", tmp_path / "roster.zip")

    assert run(capsys, FIXTURES / "v1p2", "--db", from_folder)[0] == 0
    assert run(capsys, bundle, "--db", from_zip)[0] == 0

    for table in TABLES:
        assert rows(from_zip, table) == rows(from_folder, table)
    assert counts(from_zip)["students"] == 3  # as in the 1.2 test above


@pytest.mark.parametrize("member", ["../evil.csv", "/tmp/evil.csv", "..\\evil.csv"])
def test_unsafe_zip_member_is_refused(tmp_path, capsys, member):
    db = tmp_path / "school.db"
    run(capsys, FIXTURES / "v1p1", "--db", db)
    before = counts(db)
    inner = tmp_path / "inner"
    inner.mkdir()
    bundle = zipped(FIXTURES / "v1p2", inner / "roster.zip", {member: b"x,y\n"})

    code, _, err = run(capsys, bundle, "--db", db)

    assert code == 2
    assert f"member {member!r}: refused; expected a name inside the zip" in err
    assert counts(db) == before
    assert not (tmp_path / "evil.csv").exists()


def test_delta_marks_a_leaver_inactive_and_keeps_them(tmp_path, capsys):
    db = tmp_path / "school.db"
    run(capsys, FIXTURES / "v1p1", "--db", db)
    before = counts(db)

    # delta/users.csv: one row, stu-2 tobedeleted, names and grade left empty
    code, out, err = run(capsys, FIXTURES / "delta", "--db", db)

    assert code == 0, err
    assert summary(out) == {"students": ["0", "1", "0", "0"]}
    assert counts(db) == before
    assert student(db, "stu-2") == {"grade": "3", "school": "sch-ash", "active": 0}


def test_delta_enrolment_may_name_a_user_imported_before(tmp_path, capsys):
    db = tmp_path / "school.db"
    run(capsys, FIXTURES / "v1p1", "--db", db)
    delta = tmp_path / "delta"
    delta.mkdir()
    (delta / "manifest.csv").write_text(
        "propertyName,value\noneroster.version,1.1\nfile.classes,delta\n"
        "file.enrollments,delta\n"
    )
    (delta / "classes.csv").write_text(
        "sourcedId,status,title,grades,schoolSourcedId\n"
        "cls-a4,active,Grade 4 Reading,04,sch-ash\n"
    )
    (delta / "enrollments.csv").write_text(
        "sourcedId,status,classSourcedId,userSourcedId,role\n"
        "enr-20,active,cls-a4,tch-1,teacher\n"
        "enr-21,active,cls-a4,stu-9,student\n"
    )

    code, _, err = run(capsys, delta, "--db", db)

    # tch-1 is held from the bulk import; stu-9 is in neither files nor database
    assert code == 2
    assert "enrollments.csv:3: userSourcedId: 'stu-9': expected a user in" in err
    assert "enr-20" not in err and "enrollments.csv:2" not in err

    (delta / "enrollments.csv").write_text(
        "sourcedId,status,classSourcedId,userSourcedId,role\n"
        "enr-20,active,cls-a4,tch-1,teacher\n"
    )
    assert run(capsys, delta, "--db", db)[0] == 0
    assert ("sch-ash-grade-4", "tch-1") in rows(db, "team_members")


BROKEN = {
    "Test_full_data_set": [
        # enrollments.csv lines 3 and 6 enrol usr-222-987654 as a student;
        # users.csv line 5 gives that user the role teacher.
        "enrollments.csv:3: role: 'student': user 'usr-222-987654' is a teacher "
        "in users.csv:5; expected one or the other",
        "enrollments.csv:6: role: 'student': user 'usr-222-987654' is a teacher "
        "in users.csv:5; expected one or the other",
    ],
    "Test_minimal_data_set": [
        # (its students on users.csv lines 3, 6 and 7 have no grade: a warning)
        "enrollments.csv:3: role: 'student': user 'usr-222-987654' is a teacher "
        "in users.csv:5",
    ],
    "v1p2_full_dataset": [
        # roles.csv line 5: rol-345-9876, usr-222-987654 primary teacher
        "enrollments.csv:3: role: 'student': user 'usr-222-987654' is a teacher "
        "in roles.csv:5; expected one or the other",
    ],
    "oat-sa": [
        # manifest.csv line 10 is file.users,bulk; users.csv was not kept
        "manifest.csv:10: file.users: 'bulk': expected users.csv in the bundle",
        "enrollments.csv:2: userSourcedId: 'user1': expected a user in users.csv",
        "enrollments.csv:4: userSourcedId: 'user2': expected a user in users.csv",
    ],
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_real_set_names_every_fault_and_writes_nothing(tmp_path, capsys, name):
    db = tmp_path / "school.db"
    run(capsys, FIXTURES / "v1p1", "--db", db)
    before = db.read_bytes()

    code, out, err = run(capsys, FIXTURES / "real" / name, "--db", db)

    assert code == 2
    for fault in BROKEN[name]:
        assert fault in err
    assert out == ""
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0


def test_broken_real_set_dry_run_also_fails(tmp_path, capsys):
    code, _, err = run(
        capsys, FIXTURES / "real" / "oat-sa", "--db", tmp_path / "x.db", "--dry-run"
    )

    assert code == 2
    assert "enrollments.csv:3: userSourcedId: 'user1'" in err


def copy_of(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_bytes().decode()
    assert old in text
    path.write_bytes(text.replace(old, new).encode())


def test_misspelled_required_column_is_named_with_its_file(tmp_path, capsys):
    bundle = copy_of(tmp_path, "v1p1")
    replace(bundle / "users.csv", "sourcedId,status", "sourceId,status")

    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    assert code == 2
    assert (
        "users.csv:1: header: missing column sourcedId "
        "(is 'sourceId' a misspelling of it?)"
    ) in err


def test_bad_dates_roles_and_statuses_are_faults(tmp_path, capsys):
    bundle = copy_of(tmp_path, "v1p1")
    users, enrollments = bundle / "users.csv", bundle / "enrollments.csv"
    replace(users, "stu-2,active,2026-08-02,", "stu-2,active,2026-13-02,")
    replace(users, ",sch-bir,teacher,", ",sch-bir,coach,")
    replace(enrollments, "enr-4,active,", "enr-4,archived,")
    replace(enrollments, "tch-1,teacher,false", "tch-1,instructor,false")

    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    assert code == 2
    assert "users.csv:3: dateLastModified: '2026-13-02': expected a date" in err
    assert "users.csv:8: role: 'coach': expected one of student, administrator" in err
    assert "enrollments.csv:5: status: 'archived': expected one of active" in err
    assert "enrollments.csv:4: role: 'instructor': expected one of student" in err


def test_manifest_promises_and_leftovers(tmp_path, capsys):
    bundle = copy_of(tmp_path, "v1p1")
    replace(bundle / "manifest.csv", "file.courses,absent", "file.courses,bulk")
    shutil.copy(FIXTURES / "v1p2" / "roles.csv", bundle / "roles.csv")

    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    # manifest.csv line 11 is file.courses: header, two versions, the five
    # roster files, then categories and classResources
    assert code == 2
    assert "manifest.csv:11: file.courses: 'bulk': expected courses.csv" in err

    replace(bundle / "manifest.csv", "file.courses,bulk", "file.courses,absent")
    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    assert code == 0
    assert "roles.csv: present but manifest.csv marks it absent; not read" in err


def secrets_in(folder: Path) -> set[str]:
    """Every password, e-mail, phone, username and user id in users.csv."""
    with (folder / "users.csv").open(newline="") as file:
        return {
            row[column].strip()
            for row in csv.DictReader(file)
            for column in ("password", "email", "sms", "phone", "username", "userIds")
            if row[column].strip()
        }


def test_no_password_email_or_phone_reaches_the_database(tmp_path, capsys):
    db = tmp_path / "school.db"
    assert run(capsys, FIXTURES / "v1p1", "--db", db)[0] == 0
    assert run(capsys, FIXTURES / "v1p2", "--db", db)[0] == 0
    secrets = secrets_in(FIXTURES / "v1p1") | secrets_in(FIXTURES / "v1p2")
    assert len(secrets) > 40  # the fixtures fill these columns on purpose

    stored = db.read_bytes() + (
        Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b""
    )

    assert b"Tr1cky-Pass-01" not in stored
    assert [s for s in secrets if s.encode() in stored] == []


def test_real_1p2_quirks_are_read_once_the_contradiction_is_fixed(tmp_path, capsys):
    bundle = copy_of(tmp_path, "real/v1p2_full_dataset")
    enrollments = bundle / "enrollments.csv"
    lines = enrollments.read_bytes().split(b"\r\n")
    # drop lines 3 and 6: the teacher usr-222-987654 enrolled as a student
    enrollments.write_bytes(b"\r\n".join(lines[:2] + lines[3:5]))
    db = tmp_path / "school.db"

    code, _, err = run(capsys, bundle, "--db", db)

    assert code == 0, err
    # roles.csv: three students (lines 3, 6, 7), two teachers and one
    # siteAdministrator; cls-222-123456 grades "09,10,11" gives three teams,
    # cls-222-123478 is tobedeleted; usr-222-123456 teaches in the first.
    assert counts(db) == {"students": 3, "staff": 3, "teams": 3, "team_members": 3}
    assert student(db, "usr-222-66778899") == {
        "grade": "12",
        "school": "org-sch-222-456",
        "active": 1,
    }
    assert [s for s in secrets_in(bundle) if s.encode() in db.read_bytes()] == []


def test_flags_run_on_an_imported_roster(tmp_path, capsys):
    db = tmp_path / "school.db"
    run(capsys, FIXTURES / "v1p1", "--db", db)

    assert main(["flags", "--db", str(db)]) == 0
    assert capsys.readouterr().out == "No students are flagged.\n"


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs the shared data folder")
@pytest.mark.parametrize(
    "copy, original",
    [
        ("Test_full_data_set", "catalyst-moodle-enrol_oneroster/Test_full_data_set"),
        ("v1p2_full_dataset", "catalyst-moodle-enrol_oneroster/v1p2_full_dataset"),
        ("oat-sa", "oat-sa-oneroster-import-v1p1"),
    ],
)
def test_real_copies_match_the_shared_originals(copy, original):
    source = SHARED / "oneroster-samples" / original
    for path in source.iterdir():
        assert (FIXTURES / "real" / copy / path.name).read_bytes() == path.read_bytes()


def test_1p2_student_who_also_teaches_and_a_role_of_nobody(tmp_path, capsys):
    bundle = copy_of(tmp_path, "v1p2")
    roles = bundle / "roles.csv"
    roles.write_bytes(
        roles.read_bytes()
        + b"\nr-8,active,2026-09-01,u-11,secondary,teacher,,,sch-ash"
        + b"\nr-9,active,2026-09-01,u-99,primary,student,,,sch-ash"
    )

    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    # r-2 (line 3) makes u-11 a student; the new lines are 9 and 10
    assert code == 2
    assert (
        "roles.csv:9: role: 'teacher': user 'u-11' is a student at roles.csv:3; "
        "expected one or the other"
    ) in err
    assert "roles.csv:10: userSourcedId: 'u-99': expected a user in users.csv" in err


def test_bundle_without_manifest_or_with_a_link_outside(tmp_path, capsys):
    bundle = copy_of(tmp_path, "v1p1")
    (bundle / "manifest.csv").unlink()

    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    assert code == 2
    assert f"{bundle}: no manifest.csv; expected one at the bundle's top level" in err

    shutil.copy(FIXTURES / "v1p1" / "manifest.csv", bundle / "manifest.csv")
    outside = tmp_path / "elsewhere.csv"
    outside.write_text("sourcedId\n")
    (bundle / "orgs.csv").unlink()
    (bundle / "orgs.csv").symlink_to(outside)

    code, _, err = run(capsys, bundle, "--db", tmp_path / "x.db")

    assert code == 2
    assert "orgs.csv: links outside" in err


def test_a_student_without_a_grade_is_kept_as_unknown_with_a_warning(tmp_path, capsys):
    bundle = copy_of(tmp_path, "v1p1")
    users = bundle / "users.csv"
    # stu-2 on line 3: grades "3" becomes empty.
    users.write_text(
        users.read_text().replace(",,3,Tr1cky-Pass-02", ",,,Tr1cky-Pass-02")
    )
    db = tmp_path / "school.db"

    code, _, err = run(capsys, bundle, "--db", db)

    assert code == 0
    assert "users.csv:3: grades: '': no grade given; stored as 'unknown'" in err
    conn = open_db(db, readonly=True)
    [grade] = conn.execute("SELECT grade FROM students WHERE student_id = 'stu-2'")
    conn.close()
    assert grade == ("unknown",)
