"""`mtss import edfi`: Ed-Fi interchange XML into the store, checked whole.

Figures are counted here from the fixture XML with `xml.etree`, apart from
the importer, or worked out by hand from the files where the comment says.
"""

import csv
import io
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from mtss_tui.cli import main
from mtss_tui.store import open_db

FIXTURES = Path(__file__).parent / "fixtures"
EDFI = FIXTURES / "edfi"
ENROLMENT = FIXTURES / "edfi-enrollment" / "StudentEnrollment.xml"
FULL_SAMPLE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "edfi-grand-bend-sample-xml"
)
NS = "{http://ed-fi.org/5.2.0}"
TABLES = ("students", "teams", "measures", "scores", "attendance", "incidents")


def records(path: Path, tag: str) -> list[ET.Element]:
    return ET.parse(path).getroot().findall(NS + tag)


def text(element: ET.Element, tag: str) -> str:
    return element.find(f".//{NS}{tag}").text


def counts(db_path: Path) -> dict[str, int]:
    db = open_db(db_path, readonly=True)
    found = {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    db.close()
    return found


def query(db_path: Path, sql: str, params=()) -> list[tuple]:
    db = open_db(db_path, readonly=True)
    found = [tuple(r) for r in db.execute(sql, params)]
    db.close()
    return found


def run_import(folder: Path, db_path: Path, capsys) -> tuple[int, str, str]:
    code = main(["import", "edfi", str(folder), "--db", str(db_path)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def event_counts(folder: Path) -> tuple[int, set[str], set[tuple[str, str]]]:
    """Events, students with events, and distinct (student, day) pairs."""
    events = []
    for path in folder.glob("*.xml"):
        events += ET.parse(path).getroot().findall(NS + "StudentSchoolAttendanceEvent")
    pairs = {(text(e, "StudentUniqueId"), text(e, "EventDate")) for e in events}
    return len(events), {s for s, _ in pairs}, pairs


def test_counts_match_the_files(tmp_path, capsys):
    db_path = tmp_path / "edfi.db"

    code, out, err = run_import(EDFI, db_path, capsys)

    assert code == 0, err
    students = records(EDFI / "Student.xml", "Student")
    scores = [
        score
        for path in EDFI.glob("StudentAssessment-*.xml")
        for assessment in records(path, "StudentAssessment")
        for score in assessment.findall(NS + "ScoreResult")  # not objectives'
    ]
    behaviours = records(
        EDFI / "StudentDiscipline.xml", "StudentDisciplineIncidentBehaviorAssociation"
    )
    schools = records(EDFI / "EducationOrganization.xml", "School")
    events, with_events, pairs = event_counts(EDFI)
    found = counts(db_path)
    assert found["students"] == len(students) == 9
    assert found["scores"] == len(scores)
    assert found["incidents"] == len(behaviours) == 3
    assert found["teams"] == len(schools) == 3
    # One student has two events on one day (an absence and a partial day):
    # the day is one row, so rows other than `present` are the distinct days.
    assert len(pairs) == events - 1
    recorded = query(
        db_path, "SELECT count(*) FROM attendance WHERE status != ?", ["present"]
    )
    assert recorded[0][0] == len(pairs)
    # Every student with an event has a row for each of the 189 school days:
    # weekdays of the two sessions in EducationOrgCalendar.xml, 2021-08-23 to
    # 2021-12-17 (17 weeks, 85) and 2022-01-04 to 2022-05-27 (21 weeks less
    # Monday 2022-01-03, 104); the fixture's events are all on such days.
    assert found["attendance"] == len(with_events) * 189
    assert "students" in out and "written" in out


def test_flag_reasons_are_worked_out_from_the_files(tmp_path, capsys):
    db_path = tmp_path / "edfi.db"
    assert run_import(EDFI, db_path, capsys)[0] == 0

    assert main(["flags", "--db", str(db_path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))

    reasons = {(r["student_id"], r["rule"]): r for r in rows}
    # 605253: 19 Excused Absence events in StudentSchoolAttendance.xml, on 19
    # different days, out of 189 school days (see above): 19 / 189 = 10.05%.
    absent = reasons[("605253", "chronic_absence")]
    assert absent["team"] == "school-255901001"
    assert absent["reason"] == "absent 19 of 189 days, 10.1%; threshold 10%"
    # 604837 scored 25 raw on the fifth-grade state mathematics test
    # (2021-04-01); its "Met Standard" level starts at 28 in the metadata.
    below = reasons[("604837", "screening_below_cut")]
    assert below["grade"] == "5"
    assert below["reason"] == (
        "sa-2011-mathematics-fifth-grade:raw-score 25 raw score on 2021-04-01 "
        "(spring); below the cut score 28"
    )
    # 604875: reading raw 28, below that test's 30; mathematics 34, not below 28.
    assert reasons[("604875", "screening_below_cut")]["reason"].startswith(
        "sa-2011-reading-fifth-grade:raw-score 28 "
    )
    assert {r["student_id"] for r in rows} == {"605253", "604837", "604875"}


def test_incidents_join_behaviour_and_actions(tmp_path, capsys):
    db_path = tmp_path / "edfi.db"
    assert run_import(EDFI, db_path, capsys)[0] == 0

    # From StudentDiscipline.xml: incident 18 of school 255901001, 2022-01-18
    # 13:45, behaviour "Other", and two DisciplineActions (18 and 25), both
    # in-school suspension; the witness association of 605275 adds no row.
    assert query(
        db_path,
        "SELECT incident_id, date, time, type, action FROM incidents "
        "WHERE student_id = ?",
        ["604848"],
    ) == [
        ("255901001-18-604848", "2022-01-18", "13:45", "Other", "In School Suspension")
    ]
    assert query(
        db_path, "SELECT count(*) FROM incidents WHERE student_id = ?", ["605275"]
    ) == [(1,)]


def test_importing_twice_changes_nothing(tmp_path, capsys):
    db_path = tmp_path / "edfi.db"
    assert run_import(EDFI, db_path, capsys)[0] == 0
    before = counts(db_path)

    code, out, _ = run_import(EDFI, db_path, capsys)

    assert code == 0
    for line in out.splitlines()[1:-1]:
        table, added, updated, unchanged, _ = line.split()
        assert (added, updated) == ("0", "0"), line
        assert int(unchanged) > 0
    assert counts(db_path) == before


HOSTILE = {
    "laughs.xml": """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<InterchangeStudent xmlns="http://ed-fi.org/5.2.0">&lol2;</InterchangeStudent>
""",
    "external.xml": """<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<InterchangeStudent xmlns="http://ed-fi.org/5.2.0">&secret;</InterchangeStudent>
""",
    "dtd.xml": """<?xml version="1.0"?>
<!DOCTYPE InterchangeStudent SYSTEM "http://127.0.0.1:9/x.dtd">
<InterchangeStudent xmlns="http://ed-fi.org/5.2.0"/>
""",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_entities_and_dtds_are_refused(name, sample_path, tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EDFI, folder)
    (folder / name).write_text(HOSTILE[name])
    before = counts(sample_path)

    code, _, err = run_import(folder, sample_path, capsys)

    assert code == 2
    faults = [line for line in err.splitlines() if str(folder / name) in line]
    assert len(faults) == 1
    assert f"{folder / name}:2: refused: the file declares" in faults[0]
    assert "root:" not in err and "lollol" not in err
    assert counts(sample_path) == before


def test_a_file_that_is_not_xml_is_named_with_its_line(sample_path, tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EDFI, folder)
    (folder / "export.xml").write_text("student,grade\n604822,3\n")
    before = counts(sample_path)

    code, _, err = run_import(folder, sample_path, capsys)

    assert code == 2
    assert f"{folder / 'export.xml'}:1: not well-formed XML" in err
    assert counts(sample_path) == before


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line holding `needle`."""
    lines = path.read_text().splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_bad_elements_name_file_line_and_value(sample_path, tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EDFI, folder)
    attendance = folder / "StudentSchoolAttendance.xml"
    body = attendance.read_text()
    body = body.replace(
        "<EventDate>2021-08-31</EventDate>", "<EventDate>2021-08-32</EventDate>", 1
    )
    body = body.replace(
        "AttendanceEventCategoryDescriptor#Excused Absence<",
        "AttendanceEventCategoryDescriptor#Field trip<",
        1,
    )
    attendance.write_text(body)
    state = folder / "StudentAssessment-StateAssessment.xml"
    state.write_text(
        state.read_text().replace("<Result>25</Result>", "<Result>2 5</Result>")
    )
    before = counts(sample_path)

    code, _, err = run_import(folder, sample_path, capsys)

    assert code == 2
    # The record's start tag: the line before the AttendanceEvent holding it.
    bad_day = line_of(attendance, "2021-08-32") - 2
    odd = line_of(attendance, "#Field trip") - 3
    result = line_of(state, "<Result>2 5</Result>") - 1
    assert (
        f"{attendance}:{bad_day}: StudentSchoolAttendanceEvent/AttendanceEvent/"
        "EventDate: '2021-08-32': expected a date as YYYY-MM-DD"
    ) in err
    assert (
        f"{attendance}:{odd}: StudentSchoolAttendanceEvent/AttendanceEvent/"
        "AttendanceEventCategory: 'uri://ed-fi.org/AttendanceEventCategoryDescriptor"
        "#Field trip': expected one of"
    ) in err
    assert (
        f"{state}:{result}: StudentAssessment/ScoreResult/Result: '2 5': "
        "expected a number"
    ) in err
    assert counts(sample_path) == before


def test_enrolment_gives_grade_school_and_enrolled_days(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EDFI, folder)
    shutil.copy(ENROLMENT, folder / "enrolment-export.xml")
    db_path = tmp_path / "edfi.db"

    code, _, err = run_import(folder, db_path, capsys)

    assert code == 0, err
    # StudentEnrollment.xml: 604823 entered seventh grade at 255901044 (its
    # attendance events are at 255901001); 605414 left on 2022-01-31.
    assert query(
        db_path,
        "SELECT student_id, grade, school, active FROM students "
        "WHERE student_id IN ('604823', '605414') ORDER BY student_id",
    ) == [("604823", "7", "255901044", 1), ("605414", "3", "255901107", 0)]
    assert query(
        db_path,
        "SELECT max(date) FROM attendance WHERE student_id = ? AND status = ?",
        ["605414", "present"],
    ) == [("2022-01-31",)]


def test_birth_dates_and_contact_details_are_never_stored(tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(EDFI, folder)
    shutil.copy(ENROLMENT, folder / "StudentEnrollment.xml")
    db_path = tmp_path / "edfi.db"
    assert run_import(folder, db_path, capsys)[0] == 0

    private = {e.text for e in ET.parse(folder / "Student.xml").iter(NS + "BirthDate")}
    for tag in ("StreetNumberName", "TelephoneNumber", "ElectronicMailAddress"):
        for path in (
            folder / "StudentEnrollment.xml",
            folder / "EducationOrganization.xml",
        ):
            private |= {e.text for e in ET.parse(path).iter(NS + tag)}
    stored = db_path.read_bytes()
    assert len(private) > 9
    assert [value for value in private if value.encode() in stored] == []


def test_files_are_known_by_root_element_not_name(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(EDFI / "Student.xml", folder / "roster-2022.xml")
    shutil.copy(EDFI / "Survey.xml", folder / "Student.xml")
    shutil.copy(EDFI / "PROVENANCE.md", folder)
    db_path = tmp_path / "edfi.db"

    code, out, err = run_import(folder, db_path, capsys)

    assert code == 0, err
    assert counts(db_path)["students"] == len(records(EDFI / "Student.xml", "Student"))
    # Only the file with students in it was used; the survey was passed over.
    assert "9 rows from 1 file(s): 9 written" in out


@pytest.mark.skipif(not FULL_SAMPLE.is_dir(), reason="the full Ed-Fi sample is absent")
def test_full_grand_bend_sample(tmp_path, capsys):
    db_path = tmp_path / "edfi.db"

    code, _, err = run_import(FULL_SAMPLE, db_path, capsys)

    assert code == 0, err
    events, with_events, pairs = event_counts(FULL_SAMPLE)
    weekend = {p for p in pairs if p[1] == "2022-05-15"}  # a Sunday, 3 events
    found = counts(db_path)
    assert found["students"] == len(records(FULL_SAMPLE / "Student.xml", "Student"))
    assert (events, len(with_events), len(weekend)) == (1917, 227, 3)
    assert found["attendance"] == len(with_events) * 189 + len(weekend)
    categories = Counter(
        status
        for (status,) in query(db_path, "SELECT status FROM attendance")
        if status != "present"
    )
    assert sum(categories.values()) == len(pairs)
    assert found["incidents"] == 21
