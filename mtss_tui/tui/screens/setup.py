"""Before the clock starts: who is present, and who holds each role."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Select, SelectionList, Static


class SetupScreen(Screen):
    """Marks attendance and roles; each mark is stored as it is made."""

    BINDINGS = [
        Binding("ctrl+s", "start", "Start meeting", priority=True),
    ]

    def compose(self) -> ComposeResult:
        session = self.app.session
        protocol = session.protocol
        members = session.members()
        roles = session.roles()

        yield Header()
        with VerticalScroll(id="setup"):
            yield Static(
                f"[b]{protocol.title}[/b] · team {session.team} · "
                f"{protocol.planned_minutes:g} minutes planned",
                id="setup-title",
            )
            yield Static(
                "Agenda: "
                + " → ".join(f"{s.title} ({s.minutes:g})" for s in protocol.steps),
                id="setup-agenda",
            )
            with Horizontal(id="setup-columns"):
                with Vertical(id="setup-attendance"):
                    yield Label("Present (space toggles)")
                    yield SelectionList[str](
                        *[
                            (f"{m['name']} · {m['role']}", m["staff_id"], m["present"])
                            for m in members
                        ],
                        id="present",
                    )
                with Vertical(id="setup-roles"):
                    for role in self.app.settings.vocabulary.roles:
                        yield Label(role.label)
                        yield Select(
                            [(m["name"], m["staff_id"]) for m in members],
                            value=roles.get(role.id, Select.NULL),
                            prompt="(not assigned)",
                            id=f"role-{role.id}",
                        )
            yield Button("Start meeting (ctrl+s)", id="start", variant="primary")
        yield Footer()

    @on(SelectionList.SelectionToggled, "#present")
    def store_attendance(self, event: SelectionList.SelectionToggled) -> None:
        staff_id = event.selection.value
        present = staff_id in event.selection_list.selected
        self.app.session.set_present(staff_id, present)

    @on(Select.Changed)
    def store_role(self, event: Select.Changed) -> None:
        role = (event.select.id or "").removeprefix("role-")
        value = None if event.value is Select.NULL else str(event.value)
        self.app.session.set_role(role, value)

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        self.app.begin_meeting()
