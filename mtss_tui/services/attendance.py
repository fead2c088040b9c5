"""Who is at the table, who holds each role, and who is still there at the end.

Roles come in pairs: a primary holder and a backup. The role is held by the
primary while they are present, by the backup when the primary is marked
absent; the assignment itself is kept, so the minutes show who was meant to
hold the role and who did.
"""

from __future__ import annotations

from mtss_tui.services.entries import MeetingError
from mtss_tui.store import queries


class MeetingAttendance:
    """Attendance and roles, for `MeetingSession`: it supplies the recorder."""

    def members(self) -> list[dict]:
        """Team members with their marks: `present` (start) and `present_at_end`.

        Until the end is confirmed, `present_at_end` is the mark at the start.
        """
        marks = {
            r["staff_id"]: r
            for r in queries.rows(
                self.db,
                "SELECT staff_id, present, present_at_end FROM meeting_attendance "
                "WHERE meeting_id = ?",
                [self.meeting_id],
            )
        }
        members = []
        for member in queries.team_members(self.db, self.team):
            mark = marks.get(member["staff_id"], {})
            present = bool(mark.get("present"))
            at_end = mark.get("present_at_end")
            members.append(
                {
                    **member,
                    "present": present,
                    "present_at_end": present if at_end is None else bool(at_end),
                }
            )
        return members

    def add_member(self, name: str, role: str = "") -> str:
        """Someone at the table who is not on the team's list yet (a guest, or
        anyone at all when the school's files gave the team no staff). They
        join the team and are marked present; returns their new staff id."""
        name = " ".join(name.split())
        if not name:
            raise MeetingError("a member needs a name")
        taken = {r[0] for r in self.db.execute("SELECT staff_id FROM staff")}
        number = len(taken) + 1
        while f"added-{number}" in taken:
            number += 1
        staff_id = f"added-{number}"
        with self.db.atomic():
            self.recorder.insert(
                "staff",
                {"staff_id": staff_id, "name": name, "role": role.strip()},
                self.meeting_id,
            )
            self.recorder.insert(
                "team_members",
                {"team": self.team, "staff_id": staff_id},
                self.meeting_id,
            )
            self.set_present(staff_id, True)
        return staff_id

    def role_assignments(self) -> dict[str, dict[str, str]]:
        """{role: {"primary": staff id, "backup": staff id}}, as assigned."""
        assigned: dict[str, dict[str, str]] = {}
        for r in queries.rows(
            self.db,
            "SELECT role, backup, staff_id FROM meeting_roles WHERE meeting_id = ?",
            [self.meeting_id],
        ):
            kind = "backup" if r["backup"] else "primary"
            assigned.setdefault(r["role"], {})[kind] = r["staff_id"]
        return assigned

    def roles(self) -> dict[str, str]:
        """Who holds each role now: the primary if present, else the backup."""
        present = {m["staff_id"] for m in self.members() if m["present"]}
        held = {}
        for role, pair in self.role_assignments().items():
            for kind in ("primary", "backup"):
                if pair.get(kind) in present:
                    held[role] = pair[kind]
                    break
        return held

    def backups_acting(self) -> list[tuple[str, str, str]]:
        """(role, absent primary, acting backup) for each role the backup took."""
        held = self.roles()
        return [
            (role, pair["primary"], pair["backup"])
            for role, pair in self.role_assignments().items()
            if "primary" in pair and held.get(role) == pair.get("backup")
        ]

    def set_present(self, staff_id: str, present: bool) -> None:
        """Mark attendance at the start; an absent primary's backup takes over."""
        self.recorder.upsert(
            "meeting_attendance",
            {
                "meeting_id": self.meeting_id,
                "staff_id": staff_id,
                "present": int(present),
            },
            ["meeting_id", "staff_id"],
            self.meeting_id,
        )

    def set_present_at_end(self, staff_id: str, present: bool) -> None:
        """Confirm who is still at the table when the meeting closes."""
        self._open_for_entries()
        self.recorder.update(
            "meeting_attendance",
            {"meeting_id": self.meeting_id, "staff_id": staff_id},
            {"present_at_end": int(present)},
            self.meeting_id,
        )

    def confirm_end_attendance(self) -> None:
        """Store the end marks still unconfirmed: as at the start (the default)."""
        self.db.execute(
            "UPDATE meeting_attendance SET present_at_end = present "
            "WHERE meeting_id = ? AND present_at_end IS NULL",
            [self.meeting_id],
        )
        self.recorder.log(
            "update", "meeting_attendance", f"{self.meeting_id}/end", self.meeting_id
        )

    def set_role(self, role: str, staff_id: str | None, backup: bool = False) -> None:
        """Make a present member the role's primary (or backup); None frees it.

        One person is never both primary and backup of a role: giving them
        the other kind moves them.
        """
        kind = int(backup)
        if staff_id is None:
            self.recorder.delete(
                "meeting_roles",
                {"meeting_id": self.meeting_id, "role": role, "backup": kind},
                self.meeting_id,
            )
            return
        member = next((m for m in self.members() if m["staff_id"] == staff_id), None)
        if member is None or not member["present"]:
            raise MeetingError("a role goes to a member who is present")

        with self.db.atomic():
            other = self.role_assignments().get(role, {})
            if other.get("primary" if backup else "backup") == staff_id:
                self.set_role(role, None, backup=not backup)
            self.recorder.upsert(
                "meeting_roles",
                {
                    "meeting_id": self.meeting_id,
                    "role": role,
                    "backup": kind,
                    "staff_id": staff_id,
                },
                ["meeting_id", "role", "backup"],
                self.meeting_id,
            )
