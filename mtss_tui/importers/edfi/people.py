"""Students, and a team for each school, from the Ed-Fi files.

Ed-Fi's Student record has no grade or school; they come from the student's
StudentSchoolAssociation when the files have one (the latest entry), else the
grade the student was in when last assessed and the school of their
attendance events or discipline incidents. A student placed nowhere gets the
grade `unknown`, so a team filtered by grade leaves them out rather than
guess. Only the id, legal given and family name, grade and school are kept.

Ed-Fi has no MTSS teams and these files no staff rosters, so each school gets
a team of its own (`school-<SchoolId>`, titled with the school's name) whose
students are that school's; members are added in the app.
"""

from __future__ import annotations

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.edfi.descriptors import UNKNOWN_GRADE, grade
from mtss_tui.importers.edfi.interchanges import Collected, Place
from mtss_tui.importers.edfi.rows import day_of, emit

SHOWN = {
    "student_id": "Student/StudentUniqueId",
    "given_name": "Student/Name/FirstName",
    "family_name": "Student/Name/LastSurname",
}


def placements(found: Collected) -> dict[str, tuple[str, str, bool]]:
    """Student -> (grade, school, still enrolled), from the best source there is."""
    placed: dict[str, tuple[str, str, bool]] = {}

    assessed = sorted(
        (day_of(r.date), r.student_id, r.grade) for r in found.results if r.grade
    )
    grades = {student: grade(level) for _, student, level in assessed}
    schools: dict[str, str] = {}
    for behavior in found.behaviors:
        key = found.incident_key(behavior.incident)
        if key is not None:
            schools.setdefault(behavior.student_id, key[0])
    for event in sorted(found.events, key=lambda e: e.date):
        schools[event.student_id] = event.school
    for student in grades.keys() | schools.keys():
        placed[student] = (
            grades.get(student, UNKNOWN_GRADE),
            schools.get(student, ""),
            True,
        )

    for enrolment in sorted(found.enrolments, key=lambda e: day_of(e.entry_date)):
        was = placed.get(enrolment.student_id, (UNKNOWN_GRADE, "", True))
        placed[enrolment.student_id] = (
            grade(enrolment.grade) if enrolment.grade else was[0],
            enrolment.school or was[1],
            not enrolment.exit_date,
        )
    return placed


def build_students(found: Collected, batch: Batch) -> dict[str, Place]:
    """Add the students; returns their schools, each with its first student."""
    placed = placements(found)
    schools: dict[str, Place] = {}
    nowhere = 0
    for student in found.students:
        level, school, enrolled = placed.get(
            student.student_id, (UNKNOWN_GRADE, "", True)
        )
        raw = {
            "student_id": student.student_id,
            "given_name": student.given_name,
            "family_name": student.family_name,
            "grade": level,
            "school": school,
            "active": "yes" if enrolled else "no",
        }
        emit(batch, "students", student.at, raw, SHOWN)
        if school:
            schools.setdefault(school, student.at)
        else:
            nowhere += 1
    if nowhere:
        batch.warnings.append(
            f"{nowhere} student(s) have no school in the files (no enrolment, "
            "attendance event or incident): they are in no school's team"
        )
    return schools


def build_teams(found: Collected, batch: Batch, schools: dict[str, Place]) -> None:
    """A team per school in the files, with its students by the school filter."""
    for school in sorted(schools.keys() | found.schools.keys()):
        if not school:
            continue
        name, at = found.schools.get(school, ("", schools.get(school)))
        raw = {
            "team": f"school-{school}",
            "title": name or f"School {school}",
            "grades": "",
            "schools": school,
        }
        emit(batch, "teams", at, raw)
