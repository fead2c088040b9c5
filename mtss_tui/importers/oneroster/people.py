"""Users into students and staff: who is which, and what MTSS keeps of them.

A user's kind comes from `role` in users.csv (1.0, 1.1) or from the user's
roles in roles.csv (1.2). Of a student MTSS keeps the id, legal given and
family name, grade, school and whether they are still enrolled; of a staff
member the id, name and role. Everything else a roster carries (usernames,
passwords, e-mail, phone, user ids, demographics) is never read into a row.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import TABLES, check_row
from mtss_tui.importers.oneroster.files import Record, grade, values

STUDENT = "student"
STAFF_ROLES = {
    r.lower(): r
    for r in (
        "administrator",
        "aide",
        "counselor",
        "districtAdministrator",
        "principal",
        "proctor",
        "siteAdministrator",
        "systemAdministrator",
        "teacher",
    )
}
FAMILY_ROLES = {r: r for r in ("guardian", "parent", "relative")}
ROLES = {STUDENT: STUDENT, **STAFF_ROLES, **FAMILY_ROLES}
ENDED = ("inactive", "tobedeleted")

STUDENT_COLUMNS = {
    "student_id": "sourcedId",
    "given_name": "givenName",
    "family_name": "familyName",
    "grade": "grades",
    "school": "orgSourcedIds",
}
"""Which OneRoster column each student field comes from, for faults."""


@dataclass(frozen=True)
class Person:
    """What the roster says a user is, and the file line that says so."""

    kind: str
    """student, staff or family."""
    role: str
    where: str


def kind_of(role: str) -> str:
    if role == STUDENT:
        return STUDENT
    return "staff" if role.lower() in STAFF_ROLES else "family"


def checked_role(record: Record, column: str, faults: list[str]) -> str | None:
    """The role in `column`, spelled as the spec does, or None with a fault."""
    text = record.get(column)
    role = ROLES.get(text.lower())
    if role is None:
        faults.append(
            f"{record.where}: {column}: {text!r}: expected one of {', '.join(ROLES)}"
        )
    return role


@dataclass(frozen=True)
class RoleLine:
    """One role a user holds: its value, org and where it was read."""

    role: str
    org: str
    primary: bool
    record: Record


def roles_from_users(
    users: list[Record], orgs: dict[str, Record], faults: list[str]
) -> dict[str, list]:
    """1.0 and 1.1: each user's one role, from users.csv.

    Of a user's orgs, the first of type `school` is theirs; failing that (a
    roster of departments, say), the first listed.
    """
    found: dict[str, list[RoleLine]] = {}
    for user in users:
        role = checked_role(user, "role", faults)
        if role is None:
            continue
        listed = values(user.get("orgSourcedIds"))
        schools = [o for o in listed if o in orgs and orgs[o].get("type") == "school"]
        org = (schools or listed or [""])[0]
        found[user.get("sourcedId")] = [RoleLine(role, org, True, user)]
    return found


def roles_from_file(roles: list[Record], faults: list[str]) -> dict[str, list]:
    """1.2: each user's roles from roles.csv.

    Roles being removed count only for a user who has no other: a student
    leaving has just their student role, marked `tobedeleted`.
    """
    held: dict[str, list[RoleLine]] = {}
    ending: dict[str, list[RoleLine]] = {}
    for record in roles:
        role = checked_role(record, "role", faults)
        if role is None:
            continue
        primary = record.get("roleType").lower() != "secondary"
        line = RoleLine(role, record.get("orgSourcedId"), primary, record)
        found = ending if record.status in ENDED else held
        found.setdefault(record.get("userSourcedId"), []).append(line)
    return {**ending, **held}


def person_of(user_id: str, lines: list[RoleLine], faults: list[str]) -> Person:
    """The user's kind; a student who also holds a staff role is a fault."""
    student = next((r for r in lines if r.role == STUDENT), None)
    staff = sorted(
        (r for r in lines if kind_of(r.role) == "staff"), key=lambda r: not r.primary
    )
    if student and staff:
        faults.append(
            f"{staff[0].record.where}: role: {staff[0].role!r}: user {user_id!r} "
            f"is a student at {student.record.where}; expected one or the other"
        )
    if student:
        return Person(STUDENT, STUDENT, student.record.where)
    if staff:
        return Person("staff", staff[0].role, staff[0].record.where)
    return Person("family", lines[0].role, lines[0].record.where)


def add_people(
    users: list[Record],
    roles: dict[str, list[RoleLine]],
    orgs: dict[str, Record],
    check_orgs: bool,
    batch: Batch,
    delta: bool = False,
) -> dict[str, Person]:
    """Students and staff rows into `batch`; every user's kind, by sourcedId.

    A user with no role is a fault. Users who are not students (staff,
    parents, guardians) are counted as skipped students. A student being
    removed (`tobedeleted`, `inactive`) is kept with `active = 0`, so what
    meetings recorded about them stays; such a row in a delta may leave names
    and grade empty, and they are then taken from the database.
    """
    faults = batch.faults
    people: dict[str, Person] = {}
    for user in users:
        user_id = user.get("sourcedId")
        lines = roles.get(user_id)
        if not user_id:
            faults.append(f"{user.where}: sourcedId: '': expected the user's id")
            continue
        if not lines:
            if "role" not in user.cells:
                if delta:
                    batch.pending.append(lambda db, b, u=user: _role_from_db(db, b, u))
                else:
                    faults.append(_roleless(user))
            continue
        person = person_of(user_id, lines, faults)
        people[user_id] = person
        if person.kind == STUDENT:
            _add_student(user, lines, orgs, check_orgs, batch)
        else:
            batch.skip("students")
            if person.kind == "staff":
                _add_staff(user, person.role, batch)
    return people


def _add_student(user, lines, orgs, check_orgs, batch: Batch) -> None:
    role = next(r for r in lines if r.role == STUDENT)
    school = role.org or user.get("primaryOrgSourcedId")
    column = "orgSourcedIds" if "role" in user.cells else "orgSourcedId"
    if school and check_orgs and school not in orgs:
        batch.faults.append(
            f"{role.record.where}: {column}: {school!r}: expected an org in orgs.csv"
        )
        return
    grades = values(user.get("grades") or user.get("grade"))
    raw = {
        "student_id": user.get("sourcedId"),
        "given_name": user.get("givenName"),
        "family_name": user.get("familyName"),
        "grade": grade(grades[0]) if grades else "",
        "school": school,
        "active": "0" if user.status in ENDED else "1",
    }
    if user.status in ENDED and not all(raw[c] for c in TABLES["students"].required):
        batch.pending.append(lambda db, b: _ended_from_db(db, b, user, raw))
        return
    if not grades:
        raw["grade"] = "unknown"
        batch.warnings.append(
            f"{user.where}: grades: '': no grade given; stored as 'unknown', so the "
            "student is in no grade team until a roster gives one"
        )
    _add_row(batch, "students", user, raw, STUDENT_COLUMNS)


def _roleless(user: Record) -> str:
    return (
        f"{user.where}: sourcedId: {user.get('sourcedId')!r}: expected a role for "
        "this user in roles.csv"
    )


def _role_from_db(db, batch: Batch, user: Record) -> None:
    """A delta's user whose roles did not change: their kind as imported before."""
    user_id = user.get("sourcedId")
    student = next(
        db.query("SELECT school FROM students WHERE student_id = ?", [user_id]), None
    )
    staff = next(db.query("SELECT role FROM staff WHERE staff_id = ?", [user_id]), None)
    if student is not None:
        line = RoleLine(STUDENT, student["school"] or "", True, user)
        _add_student(user, [line], {}, False, batch)
    elif staff is not None:
        batch.skip("students")
        _add_staff(user, staff["role"] or "", batch)
    else:
        batch.faults.append(_roleless(user))


def _ended_from_db(db, batch: Batch, user: Record, raw: dict[str, str]) -> None:
    """A leaver's blank cells filled from the database; one never held is moot."""
    held = next(
        db.query("SELECT * FROM students WHERE student_id = ?", [raw["student_id"]]),
        None,
    )
    if held is None:
        batch.skip("students")
        return
    filled = {k: v or str(held[k] or "") for k, v in raw.items()}
    _add_row(batch, "students", user, filled, STUDENT_COLUMNS)


def _add_staff(user: Record, role: str, batch: Batch) -> None:
    if user.status in ENDED:
        batch.skip("staff")
        batch.warnings.append(
            f"{user.where}: status: {user.status!r}: staff member kept as before "
            "(MTSS keeps staff who leave, for the meetings they were in)"
        )
        return
    name = f"{user.get('givenName')} {user.get('familyName')}".strip()
    raw = {"staff_id": user.get("sourcedId"), "name": name, "role": role}
    _add_row(batch, "staff", user, raw, {"staff_id": "sourcedId", "name": "givenName"})


def _add_row(batch: Batch, table: str, user: Record, raw, shown) -> None:
    row = check_row(TABLES[table], raw, user.where, batch.faults, shown)
    if row is not None:
        batch.add(table, user.origin, user.line, row)
