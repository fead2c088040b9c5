"""A note from any step: its text, whether it is restricted, whom it is about."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, Static

from mtss_tui.tui.screens.modals import _EntryDialog

RESTRICTED_HELP = (
    "Restricted: kept out of the shared minutes, the CSV and `mtss follow`; "
    "`mtss minutes --restricted` prints it for the team."
)


class NoteDialog(_EntryDialog):
    """The note is tied to the student on the card unless the box is cleared."""

    def __init__(self, student_label: str | None = None) -> None:
        super().__init__()
        self.student_label = student_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Note", classes="dialog-title")
            yield Input(
                placeholder="The note, as it goes in the minutes", id="note-text"
            )
            yield Checkbox("Restricted", id="note-restricted")
            yield Static(RESTRICTED_HELP, classes="note-help", markup=False)
            if self.student_label:
                yield Checkbox(
                    Text(f"About {self.student_label}"), value=True, id="note-student"
                )
            yield Label("", classes="dialog-error")
            yield self._buttons()

    def on_mount(self) -> None:
        self.query_one("#note-text", Input).focus()

    @on(Input.Submitted, "#note-text")
    def action_save(self) -> None:
        text = self.query_one("#note-text", Input).value
        if not text.strip():
            self._error("Write the note first.")
            return
        about = self.query(Checkbox).filter("#note-student")
        self.dismiss(
            {
                "text": text,
                "restricted": self.query_one("#note-restricted", Checkbox).value,
                "about_student": bool(about) and about.first().value,
            }
        )
