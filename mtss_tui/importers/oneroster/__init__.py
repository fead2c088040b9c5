"""`mtss import oneroster PATH`: a OneRoster 1.0, 1.1 or 1.2 CSV bundle.

PATH is a folder or a zip with `manifest.csv` at its top. Read are orgs,
users, roles (1.2), classes and enrollments; what each gives is in `people`
and `classes`. Every id is the roster's `sourcedId`, the one id a roster
promises to keep (`identifier` is often empty); a student's school is the
org's sourcedId too, so renaming a school splits no team.

A bulk file is the whole roster; in a delta only what changed is listed, and
rows are upserted: a student marked `tobedeleted` becomes inactive, never
deleted, so the decisions meetings recorded about them stay. Faults name the
bundle's file, line and column; names of people are never shown.
"""

from __future__ import annotations

from pathlib import Path

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.canonical import CsvOptions
from mtss_tui.importers.oneroster.bundle import (
    MODES,
    VERSIONS,
    Bundle,
    BundleError,
    Manifest,
)
from mtss_tui.importers.oneroster.classes import add_teams, link_enrollments
from mtss_tui.importers.oneroster.files import Record, read_file
from mtss_tui.importers.oneroster.people import (
    add_people,
    roles_from_file,
    roles_from_users,
)

REQUIRED = {
    "orgs": ("sourcedId", "name"),
    "users": ("sourcedId", "givenName", "familyName"),
    "roles": ("userSourcedId", "role"),
    "classes": ("sourcedId", "schoolSourcedId"),
    "enrollments": ("classSourcedId", "userSourcedId", "role"),
}
"""The columns MTSS reads and cannot do without, per file."""


def read_bundle(path: Path, options: CsvOptions) -> Batch:
    """The students, staff, teams and team members a bundle gives."""
    batch = Batch()
    try:
        bundle = Bundle(path)
    except BundleError as error:
        batch.faults.append(str(error))
        return batch
    try:
        manifest = read_manifest(bundle, options, batch)
        if manifest is not None:
            _read_roster(bundle, manifest, options, batch)
    except BundleError as error:
        batch.faults.append(str(error))
    finally:
        bundle.close()
    return batch


def read_manifest(bundle: Bundle, options: CsvOptions, batch: Batch):
    """The manifest, with files it promises but lacks as faults."""
    if not bundle.has("manifest.csv"):
        batch.faults.append(
            f"{bundle.where}: no manifest.csv; expected one at the bundle's top level"
        )
        return None
    records = read_file(
        bundle, "manifest.csv", ("propertyName", "value"), batch.faults, options, []
    )
    manifest = Manifest()
    version_line = None
    for record in records:
        name, value = record.get("propertyName"), record.get("value")
        if name == "oneroster.version":
            manifest.version, version_line = value, record
        elif name.startswith("file."):
            mode = value.lower() or "absent"
            if mode not in MODES:
                batch.faults.append(
                    f"{record.where}: {name}: {value!r}: expected one of "
                    f"{', '.join(MODES)} (or empty)"
                )
            manifest.modes[name[5:].lower()] = mode
            manifest.lines[name[5:].lower()] = record.line
    if manifest.version not in VERSIONS:
        where = version_line.where if version_line else "manifest.csv:1"
        batch.faults.append(
            f"{where}: oneroster.version: {manifest.version!r}: expected one of "
            f"{', '.join(VERSIONS)}"
        )

    for name, mode in manifest.modes.items():
        if mode in ("bulk", "delta") and not bundle.has(f"{name}.csv"):
            batch.faults.append(
                f"{bundle.spelled('manifest.csv')}:{manifest.lines[name]}: "
                f"file.{name}: {mode!r}: expected {name}.csv in the bundle"
            )
    for member in bundle.names():
        stem = member[:-4].lower()
        if stem != "manifest" and manifest.mode(stem) == "absent":
            batch.warnings.append(
                f"{member}: present but manifest.csv marks it absent; not read"
            )
    return manifest


def _read_roster(bundle, manifest: Manifest, options, batch: Batch) -> None:
    def read(name: str) -> list[Record]:
        if manifest.mode(name) == "absent" or not bundle.has(f"{name}.csv"):
            return []
        required = REQUIRED[name]
        if name == "users" and manifest.version != "1.2":
            required = (*required, "role")
        return read_file(
            bundle, f"{name}.csv", required, batch.faults, options, batch.warnings
        )

    orgs = {r.get("sourcedId"): r for r in read("orgs")}
    check_orgs = manifest.mode("orgs") == "bulk"
    users = read("users")
    if manifest.version == "1.2":
        if users and manifest.mode("roles") == "absent":
            batch.faults.append(
                f"{bundle.spelled('manifest.csv')}: file.roles: 'absent': expected "
                "roles.csv: a 1.2 roster gives users' roles there"
            )
        role_lines = read("roles")
        if manifest.mode("users") == "bulk":
            _check_role_users(role_lines, users, batch.faults)
        roles = roles_from_file(role_lines, batch.faults)
    else:
        roles = roles_from_users(users, orgs, batch.faults)
    delta = manifest.mode("users") == "delta"
    people = add_people(users, roles, orgs, check_orgs, batch, delta)

    classes = add_teams(read("classes"), orgs, check_orgs, batch)
    enrollments = read("enrollments")
    check_classes = manifest.mode("classes") == "bulk"
    users_file = bundle.spelled("users.csv")
    batch.pending.append(
        lambda db, b: link_enrollments(
            db, b, enrollments, classes, people, check_classes, users_file
        )
    )


def _check_role_users(roles: list[Record], users: list[Record], faults) -> None:
    """A bulk roster's roles are of its own users; a delta's may be of anyone's."""
    known = {u.get("sourcedId") for u in users}
    for record in roles:
        if record.get("userSourcedId") not in known:
            faults.append(
                f"{record.where}: userSourcedId: {record.get('userSourcedId')!r}: "
                "expected a user in users.csv"
            )
