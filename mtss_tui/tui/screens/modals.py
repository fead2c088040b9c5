"""Dialogs for the entries a team makes: a decision, an action item."""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select


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
        self.query_one(".dialog-error", Label).update(message)


class DecisionDialog(_EntryDialog):
    """Decision and rationale for the student on the card."""

    def __init__(self, student_label: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.student_label = student_label
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Decision for {self.student_label}", classes="dialog-title")
            yield Select(self.choices, prompt="Choose a decision", id="decision-kind")
            yield Input(
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
        self.dismiss({"kind": kind, "rationale": rationale})


class ActionItemDialog(_EntryDialog):
    """What is to be done, by whom, by when."""

    def __init__(self, about: str, owners: list[str], today: date) -> None:
        super().__init__()
        self.about = about
        self.owners = owners
        self.default_due = (today + timedelta(days=14)).isoformat()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Action item · {self.about}", classes="dialog-title")
            yield Input(placeholder="What is to be done", id="item-what")
            yield Select([(o, o) for o in self.owners], prompt="Owner", id="item-owner")
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
            date.fromisoformat(due)
        except ValueError:
            self._error("Due date as YYYY-MM-DD, for example 2026-12-18.")
            return
        self.dismiss({"what": what, "owner": owner, "due": due})
