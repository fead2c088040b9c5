"""Classes and enrolments into MTSS teams and their members.

An MTSS team meets about the students of one grade in one school, so each
school and grade found among the classes (`schoolSourcedId`, `grades`) gives a
team `<school sourcedId>-grade-<grade>`, titled with the org's name. Its
members are the staff enrolled in those classes (teacher, aide, ...). A class
being removed gives no team. Student enrolments give no rows: a team's
students are those of its grade and school. They are still checked, since a
teacher enrolled as a student means the roster is wrong somewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import TABLES, check_row
from mtss_tui.importers.oneroster.files import Record, grade, values
from mtss_tui.importers.oneroster.people import (
    ENDED,
    STAFF_ROLES,
    STUDENT,
    Person,
    kind_of,
)

ENROLMENT_ROLES = {STUDENT: STUDENT, **STAFF_ROLES}


@dataclass
class ClassTeams:
    """The teams each class belongs to, by class sourcedId."""

    teams: dict[str, list[str]]
    origin: str


def add_teams(
    classes: list[Record], orgs: dict[str, Record], check_orgs: bool, batch: Batch
) -> ClassTeams:
    """A team per school and grade of the classes that are not being removed."""
    teams: dict[str, list[str]] = {}
    made: set[str] = set()
    ungraded = []
    for record in classes:
        class_id = record.get("sourcedId")
        school = record.get("schoolSourcedId")
        teams[class_id] = []
        if not school or (check_orgs and school not in orgs):
            batch.faults.append(
                f"{record.where}: schoolSourcedId: {school!r}: expected an org in "
                "orgs.csv"
            )
            continue
        grades = [grade(g) for g in values(record.get("grades") or record.get("grade"))]
        if record.status in ENDED:
            continue
        if not grades:
            ungraded.append(record.where)
        for each in dict.fromkeys(grades):
            team = f"{school}-grade-{each}"
            teams[class_id].append(team)
            if team in made:
                continue
            made.add(team)
            name = orgs[school].get("name") if school in orgs else school
            raw = {
                "team": team,
                "title": f"{name or school} grade {each}",
                "grades": each,
                "schools": school,
            }
            row = check_row(TABLES["teams"], raw, record.where, batch.faults)
            if row is not None:
                batch.add("teams", record.origin, record.line, row)
    if ungraded:
        batch.warnings.append(
            f"{len(ungraded)} class(es) give no team, having no grades "
            f"(first at {ungraded[0]})"
        )
    origin = classes[0].origin if classes else "classes.csv"
    return ClassTeams(teams, origin)


def link_enrollments(
    db,
    batch: Batch,
    enrollments: list[Record],
    classes: ClassTeams,
    people: dict[str, Person],
    check_classes: bool,
    users_file: str,
) -> None:
    """Team members from staff enrolments; every enrolment's user checked.

    Run once the database is at hand: a user not in users.csv may have been
    imported before (a delta names only what changed); a user in neither is a
    fault, and so is an enrolment whose role contradicts the user's.
    """
    members: set[tuple[str, str]] = set()
    for record in enrollments:
        role = ENROLMENT_ROLES.get(record.get("role").lower())
        if role is None:
            batch.faults.append(
                f"{record.where}: role: {record.get('role')!r}: expected one of "
                f"{', '.join(ENROLMENT_ROLES)}"
            )
            continue
        user_id = record.get("userSourcedId")
        person = people.get(user_id) or _held(db, user_id)
        if person is None:
            batch.faults.append(
                f"{record.where}: userSourcedId: {user_id!r}: expected a user in "
                f"{users_file}"
            )
            continue
        if kind_of(role) != person.kind:
            batch.faults.append(
                f"{record.where}: role: {record.get('role')!r}: user {user_id!r} is "
                f"{_a(person.role)} in {person.where}; expected one or the other"
            )
            continue
        class_id = record.get("classSourcedId")
        if class_id not in classes.teams:
            if check_classes:
                batch.faults.append(
                    f"{record.where}: classSourcedId: {class_id!r}: expected a class "
                    f"in {classes.origin}"
                )
            else:
                batch.warnings.append(
                    f"{record.where}: classSourcedId: {class_id!r}: not in this "
                    "delta; the enrolment gives no team member"
                )
            continue
        if person.kind == "staff" and record.status not in ENDED:
            for team in classes.teams[class_id]:
                if (team, user_id) not in members:
                    members.add((team, user_id))
                    raw = {"team": team, "staff_id": user_id}
                    row = check_row(
                        TABLES["team_members"], raw, record.where, batch.faults
                    )
                    if row is not None:
                        batch.add("team_members", record.origin, record.line, row)


def _a(role: str) -> str:
    return ("an " if role[:1].lower() in "aeiou" else "a ") + role


def _held(db, user_id: str) -> Person | None:
    """The user as imported before, if they were."""
    if next(db.query("SELECT 1 FROM students WHERE student_id = ?", [user_id]), None):
        return Person(STUDENT, STUDENT, "the database (imported before)")
    staff = next(db.query("SELECT role FROM staff WHERE staff_id = ?", [user_id]), None)
    if staff is not None:
        role = staff["role"] or "staff member"
        return Person("staff", role, "the database (imported before)")
    return None
