"""Tardies by class period, where a school's data has periods."""

import shutil
from pathlib import Path

from mtss_tui.cli import main
from mtss_tui.services.school import School
from mtss_tui.store import open_db

EDFI = Path(__file__).parent / "fixtures" / "edfi"

SECTION_EVENT = """\t<StudentSectionAttendanceEvent>
\t\t<AttendanceEvent>
\t\t\t<EventDate>{day}</EventDate>
\t\t\t<AttendanceEventCategory>uri://ed-fi.org/AttendanceEventCategoryDescriptor#{category}</AttendanceEventCategory>
\t\t</AttendanceEvent>
\t\t<StudentReference><StudentIdentity><StudentUniqueId>{student}</StudentUniqueId></StudentIdentity></StudentReference>
\t\t<SectionReference><SectionIdentity>
\t\t\t<SectionIdentifier>S-{course}</SectionIdentifier>
\t\t\t<CourseOfferingReference><CourseOfferingIdentity>
\t\t\t\t<LocalCourseCode>{course}</LocalCourseCode>
\t\t\t</CourseOfferingIdentity></CourseOfferingReference>
\t\t</SectionIdentity></SectionReference>
\t</StudentSectionAttendanceEvent>
"""


def attendance_panel(db_path, student_id) -> list[str]:
    from mtss_tui.config import load_settings
    from mtss_tui.paths import bundled

    db = open_db(db_path, readonly=True)
    card = School(db, load_settings(bundled("config"))).card(student_id)
    db.close()
    return next(p.lines for p in card.panels if p.domain == "attendance")


def test_canonical_period_tardies_on_the_card(sample_path, tmp_path, capsys):
    marks = tmp_path / "period_attendance.csv"
    marks.write_text(
        "student_id,date,period,status\n"
        "S3001,2026-11-02,1st,tardy\nS3001,2026-11-09,1st,tardy\n"
        "S3001,2026-11-10,5th,tardy\nS3001,2026-11-11,3rd,absent\n"
    )
    args = ["import", "period_attendance", str(marks), "--db", str(sample_path)]

    assert main(args) == 0
    lines = attendance_panel(sample_path, "S3001")
    # Three tardies: two to 1st period, one to 5th; the absence is not a tardy.
    assert lines[-2:] == ["tardy to class 3:", "1st 2, 5th 1"]

    marks.write_text("student_id,date,period,status\nS3001,2026-11-12,2nd,late\n")
    assert main(args) == 2
    assert f"{marks}:2: status: 'late': expected one of tardy, absent" in (
        capsys.readouterr().err
    )


def test_a_student_without_periods_shows_no_period_line(sample_path):
    assert not any(
        "tardy to class" in line for line in attendance_panel(sample_path, "S3002")
    )


def test_edfi_section_tardies_by_course(tmp_path, capsys):
    folder = tmp_path / "edfi"
    shutil.copytree(EDFI, folder)
    events = [
        ("2021-09-13", "Tardy", "604822", "MATH-03"),
        ("2021-09-20", "Tardy", "604822", "MATH-03"),
        ("2021-09-21", "Tardy", "604822", "SCI-04"),
        ("2021-09-22", "Unexcused Absence", "604822", "SCI-04"),
        ("2021-09-22", "In Attendance", "604823", "MATH-03"),
    ]
    body = "".join(
        SECTION_EVENT.format(day=d, category=c, student=s, course=k)
        for d, c, s, k in events
    )
    (folder / "section.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<InterchangeStudentAttendance xmlns="http://ed-fi.org/5.2.0">\n'
        f"{body}</InterchangeStudentAttendance>\n"
    )
    db = tmp_path / "edfi.db"

    assert main(["import", "edfi", str(folder), "--db", str(db)]) == 0
    out = [line.split() for line in capsys.readouterr().out.splitlines()]
    # Four marks kept; the in-attendance mark adds nothing and is skipped.
    assert ["period_attendance", "4", "0", "0", "1"] in out
    assert attendance_panel(db, "604822")[-2:] == [
        "tardy to class 3:",
        "MATH-03 2, SCI-04 1",
    ]
