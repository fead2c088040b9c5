"""Dialogs for the entries a team makes: a decision, an action item, a member."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from mtss_tui.domain.dates import DateProblem, parse_day


class _EntryDialog(ModalScreen[dict | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    def _buttons(self) -> Horizontal:
        return Horizontal(
            Button("Save (ctrl+s)", id="save", variant="primary"),
            Button("Cancel (esc)", id="cancel"),
            classes="dialog-buttons",
        )

    def _error(self, message: str) -> None:
        self.query_one(".dialog-error", Label).update(Text(message))


class DecisionDialog(_EntryDialog):
    """Decision and rationale for the student on the card."""

    BINDINGS = [
        Binding("question_mark", "look_up", "Define"),
        Binding("ctrl+g", "look_up", "Define", show=False, priority=True),
    ]

    def action_look_up(self) -> None:
        """Define the glossary terms in the decision chosen and the rationale."""
        kind = self.query_one("#decision-kind", Select).value
        labels = dict((choice_id, label) for label, choice_id in self.choices)
        chosen = labels.get(kind, "") if kind is not Select.NULL else ""
        rationale = self.query_one("#decision-rationale", Input).value
        self.app.look_up(f"{chosen}\n{rationale}", "decision and rationale")

    def __init__(
        self,
        student_label: str,
        choices: list[tuple[str, str]],
        current: dict | None = None,
    ) -> None:
        super().__init__()
        self.student_label = student_label
        self.choices = choices
        self.current = current or {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = f"Decision for {self.student_label}"
            if self.current:
                title += " (correcting the one recorded)"
            yield Label(Text(title), classes="dialog-title")
            yield Label("Decision")
            yield Select(
                self.choices,
                prompt="Choose a decision",
                id="decision-kind",
                value=self.current.get("kind", Select.NULL),
            )
            yield Label("Rationale")
            yield Input(
                value=self.current.get("rationale", ""),
                placeholder="Rationale: what the data show, why this",
                id="decision-rationale",
            )
            yield Label("", classes="dialog-error")
            yield self._buttons()

    def on_mount(self) -> None:
        self.query_one("#decision-kind", Select).focus()

    @on(Input.Submitted, "#decision-rationale")
    def action_save(self) -> None:
        kind = self.query_one("#decision-kind", Select).value
        if kind is Select.NULL:
            self._error("Choose a decision first.")
            return
        rationale = self.query_one("#decision-rationale", Input).value
        if not rationale.strip():
            self._error("Give the rationale: what the data show, why this decision.")
            return
        self.dismiss({"kind": kind, "rationale": rationale})


class ActionItemDialog(_EntryDialog):
    """What is to be done, by whom, by when."""

    def __init__(
        self,
        about: str,
        owners: list[str],
        today: date,
        what: str = "",
        owner: str | None = None,
    ) -> None:
        super().__init__()
        self.about = about
        self.owners = owners
        self.today = today
        self.what = what
        self.owner = owner
        self.default_due = (today + timedelta(days=14)).isoformat()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(f"Action item · {self.about}"), classes="dialog-title")
            yield Label("What is to be done")
            yield Input(
                value=self.what, placeholder="What is to be done", id="item-what"
            )
            yield Label("Owner")
            yield Select(
                [(o, o) for o in self.owners],
                prompt="Owner",
                id="item-owner",
                value=self.owner if self.owner in self.owners else Select.NULL,
            )
            yield Label("Due (YYYY-MM-DD)")
            yield Input(
                value=self.default_due, placeholder="Due YYYY-MM-DD", id="item-due"
            )
            yield Label("", classes="dialog-error")
            yield self._buttons()

    def on_mount(self) -> None:
        self.query_one("#item-what", Input).focus()

    @on(Input.Submitted, "#item-due")
    def action_save(self) -> None:
        what = self.query_one("#item-what", Input).value.strip()
        owner = self.query_one("#item-owner", Select).value
        due = self.query_one("#item-due", Input).value.strip()
        if not what:
            self._error("Say what is to be done.")
            return
        if owner is Select.NULL:
            self._error("Choose an owner.")
            return
        try:
            parse_day(due, "due date", not_before=self.today)
        except DateProblem as problem:
            self._error(str(problem))
            return
        self.dismiss({"what": what, "owner": owner, "due": due})


class MemberDialog(_EntryDialog):
    """Someone at the table who is not on the team's list yet."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(
                "Add a member to this meeting and the team", classes="dialog-title"
            )
            yield Label("Name")
            yield Input(placeholder="Name as it goes in the minutes", id="member-name")
            yield Label("Team role (optional)")
            yield Input(placeholder="e.g. counselor, grade 3 teacher", id="member-role")
            yield Label("", classes="dialog-error")
            yield self._buttons()

    def on_mount(self) -> None:
        self.query_one("#member-name", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        name = self.query_one("#member-name", Input).value
        if not name.strip():
            self._error("Give the member's name.")
            return
        role = self.query_one("#member-role", Input).value
        self.dismiss({"name": name, "role": role})
