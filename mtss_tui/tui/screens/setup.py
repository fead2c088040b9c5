"""Before the clock starts: who is present, and who holds each role."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Static

from mtss_tui.services.meeting import MeetingError


class SetupScreen(Screen):
    """One table of the team: each mark is stored as it is made.

    Space toggles a member's presence; the digit keys make the member under
    the cursor a role's primary holder, `b` then a digit its backup (pressing
    it again takes the role back). Two keys rather than shift+digit, because
    what shift+digit sends depends on the keyboard layout. `a` adds someone
    who is not on the team's list (a team imported from files without staff
    starts empty).
    """

    BINDINGS = [
        Binding("space", "toggle_present", "Present/absent"),
        Binding("a", "add_member", "Add a member"),
        Binding("b", "backup_next", "Backup: b, digit"),
        Binding("ctrl+s", "start", "Start meeting", priority=True),
    ]

    def compose(self) -> ComposeResult:
        session = self.app.session
        protocol = session.protocol
        roles = self.app.settings.vocabulary.roles
        yield Static(
            Text.assemble(
                (protocol.title, "bold"),
                f" · team {session.team} · {protocol.planned_minutes:g} minutes "
                f"planned · {session.meeting_id}",
            ),
            id="setup-title",
        )
        yield Static(
            "Agenda: "
            + " → ".join(f"{s.title} ({s.minutes:g})" for s in protocol.steps),
            id="setup-agenda",
            markup=False,
        )
        yield DataTable(id="members", cursor_type="row", zebra_stripes=True)
        keys = " · ".join(f"{n} {role.label}" for n, role in enumerate(roles, 1))
        yield Static(markup=False, id="setup-roles")
        yield Static(
            f"ctrl+s start the clock · space present/absent · a add a member · "
            f"roles (primary): {keys} · b then a digit: the role's backup",
            id="setup-hint",
            markup=False,
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Present", "Name", "Team role", "Meeting role")
        self.reload()
        table.focus()
        if not self.members:
            self.notify(
                "This team has no members on record: press a to add the people "
                "at the table.",
                timeout=8,
            )

    def on_key(self, event) -> None:
        roles = self.app.settings.vocabulary.roles
        backup = getattr(self, "backup_pending", False)
        if event.key != "b":
            self.backup_pending = False
        if event.character and event.character.isdigit():
            index = int(event.character) - 1
            if 0 <= index < len(roles):
                event.stop()
                self.assign_role(roles[index].id, backup=backup)
        if backup and not self.backup_pending:
            self.show_roles()

    def action_backup_next(self) -> None:
        """The next digit names the role whose backup the member becomes."""
        self.backup_pending = True
        self.query_one("#setup-roles", Static).update(
            "Backup: press the role's digit (any other key cancels)"
        )

    def reload(self) -> None:
        session = self.app.session
        vocabulary = self.app.settings.vocabulary
        assigned = session.role_assignments()
        held = session.roles()
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.members = session.members()
        for member in self.members:
            mine = []
            for role, pair in assigned.items():
                label = vocabulary.label("roles", role)
                if pair.get("primary") == member["staff_id"]:
                    mine.append(label)
                elif pair.get("backup") == member["staff_id"]:
                    acting = held.get(role) == member["staff_id"] and "primary" in pair
                    mine.append(f"{label} (backup{', acting' if acting else ''})")
            table.add_row(
                "✓" if member["present"] else "absent",
                Text(member["name"]),
                Text(member["role"]),
                Text(", ".join(mine)),
                key=member["staff_id"],
            )
        table.move_cursor(row=max(0, min(row, len(self.members) - 1)))
        self.show_roles()

    def show_roles(self) -> None:
        """Say which backups hold a role because its primary is marked absent."""
        session = self.app.session
        label = self.app.settings.vocabulary.label
        names = {m["staff_id"]: m["name"] for m in self.members}
        lines = [
            f"{label('roles', role)}: {names.get(primary, primary)} is absent, so "
            f"the backup {names.get(backup, backup)} takes the role."
            for role, primary, backup in session.backups_acting()
        ]
        self.query_one("#setup-roles", Static).update("\n".join(lines))

    def _member(self) -> dict | None:
        table = self.query_one(DataTable)
        if not self.members:
            return None
        return self.members[table.cursor_row]

    def action_toggle_present(self) -> None:
        member = self._member()
        if member is not None:
            self.app.session.set_present(member["staff_id"], not member["present"])
            self.reload()

    def assign_role(self, role: str, backup: bool = False) -> None:
        member = self._member()
        if member is None:
            return
        kind = "backup" if backup else "primary"
        holder = self.app.session.role_assignments().get(role, {}).get(kind)
        staff_id = None if holder == member["staff_id"] else member["staff_id"]
        try:
            self.app.session.set_role(role, staff_id, backup=backup)
        except MeetingError as error:
            self.notify(
                f"{member['name']} is marked absent: {error}", severity="warning"
            )
            return
        self.reload()

    def action_add_member(self) -> None:
        from mtss_tui.tui.screens.modals import MemberDialog  # off the start path

        def added(answer: dict | None) -> None:
            if answer:
                staff_id = self.app.session.add_member(answer["name"], answer["role"])
                self.reload()
                ids = [m["staff_id"] for m in self.members]
                self.query_one(DataTable).move_cursor(row=ids.index(staff_id))

        self.app.push_screen(MemberDialog(), added)

    def action_start(self) -> None:
        roles = self.app.session.roles()
        missing = [
            r.label for r in self.app.settings.vocabulary.roles if r.id not in roles
        ]
        if missing:
            self.app.notify(
                "Started without: " + ", ".join(missing), severity="warning", timeout=6
            )
        self.app.begin_meeting()
