"""New concerns and administrative items: notes, and team action items.

A note may be marked restricted (the checkbox, or ctrl+r while typing): it is
stored with `notes.restricted` set, shown here with its mark, and kept out of
the shared minutes.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input, Static

from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.steps.base import StepPane

RESTRICTED_MARK = "(restricted) "


class NotesPane(StepPane):
    BINDINGS = [
        Binding("ctrl+r", "toggle_restricted", "Restricted", priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_prompts()
        with Horizontal(classes="note-entry"):
            yield Input(
                placeholder="Type a note and press enter", id=f"note-{self.step.id}"
            )
            yield Checkbox("Restricted", id=f"restricted-{self.step.id}")
        yield VerticalScroll(
            Static(markup=False, id=f"notes-{self.step.id}"), classes="notes-log"
        )
        yield Static(self.hint_text(), classes="hint")

    def hint_text(self) -> str:
        return (
            "enter save note · ctrl+r restricted · ctrl+a action item · "
            "ctrl+n next step"
        )

    def action_toggle_restricted(self) -> None:
        box = self.query_one(Checkbox)
        box.value = not box.value

    def on_mount(self) -> None:
        self.reload()

    def shown(self) -> None:
        self.reload()  # items added at another step show here too
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """ctrl+r only while this step's pane is the one shown."""
        if action == "toggle_restricted":
            return self.app.session.step.id == self.step.id
        return True

    def glossary_words(self) -> tuple[str, str]:
        return self.query_one(Input).value, "note being typed"

    @on(Input.Submitted)
    def save_note(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        restricted = self.query_one(Checkbox)
        try:
            self.app.session.add_note(event.value, restricted=restricted.value)
        except MeetingError as error:
            return self.entry_failed(error)
        event.input.value = ""
        restricted.value = False  # each note is marked on its own
        self.reload()

    def extra_lines(self) -> Text:
        """What a kind of notes step lists above its notes (nothing here)."""
        return Text()

    def reload(self) -> None:
        """This step's notes and the team's action items, as plain text."""
        session = self.app.session
        text = self.extra_lines()
        for note in session.notes(self.step.id):
            text.append("• ")
            if note["restricted"]:
                text.append(RESTRICTED_MARK, style="bold yellow")
            if note["student_id"]:
                text.append(f"[{note['student_id']}] ")
            text.append(f"{note['text']}\n")
        for item in session.team_items():
            text.append(
                f"→ {item['what']} ({item['owner']}, by {item['due_date'] or '-'})\n",
                style="bold",
            )
        text.rstrip()
        self.query_one(f"#notes-{self.step.id}", Static).update(
            text if text.plain else Text("No notes yet.")
        )
