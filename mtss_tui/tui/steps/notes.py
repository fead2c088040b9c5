"""New concerns and administrative items: notes, and team action items."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.steps.base import StepPane


class NotesPane(StepPane):
    def compose(self) -> ComposeResult:
        yield from self.compose_prompts()
        yield Input(
            placeholder="Type a note and press enter", id=f"note-{self.step.id}"
        )
        yield VerticalScroll(
            Static(markup=False, id=f"notes-{self.step.id}"), classes="notes-log"
        )
        yield Static(
            "enter save note · ctrl+a action item · ctrl+n next step", classes="hint"
        )

    def on_mount(self) -> None:
        self.reload()

    def shown(self) -> None:
        self.reload()  # items added at another step show here too
        self.query_one(Input).focus()

    def glossary_words(self) -> tuple[str, str]:
        return self.query_one(Input).value, "note being typed"

    @on(Input.Submitted)
    def save_note(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        try:
            self.app.session.add_note(event.value)
        except MeetingError as error:
            return self.entry_failed(error)
        event.input.value = ""
        self.reload()

    def reload(self) -> None:
        """This step's notes and the team's action items, as plain text."""
        session = self.app.session
        text = Text()
        for note in session.notes(self.step.id):
            text.append(f"• {note['text']}\n")
        for item in session.team_items():
            text.append(
                f"→ {item['what']} ({item['owner']}, by {item['due_date'] or '-'})\n",
                style="bold",
            )
        text.rstrip()
        self.query_one(f"#notes-{self.step.id}", Static).update(
            text if text.plain else Text("No notes yet.")
        )
