"""The students section: type to narrow the list by id or name, `enter` opens
the student's history across every meeting."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from mtss_tui.services.review import StudentChoice
from mtss_tui.tui.review.base import ReviewScreen


class StudentsScreen(ReviewScreen):
    SECTION = "Students"
    BINDINGS = [
        Binding("down", "to_list", "List", show=False),
        Binding("escape", "to_list", "Leave the filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.choices: list[StudentChoice] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="type an id or a name to filter", id="student-filter")
        yield Static(id="students-status", classes="status")
        yield OptionList(id="students")
        yield Footer()

    def on_mount(self) -> None:
        self.choices = self.read(self.reviewer.students, [])
        self.show("")
        self.query_one("#student-filter", Input).focus()

    def show(self, text: str) -> None:
        found = [c for c in self.choices if c.matches(text)]
        listing = self.query_one("#students", OptionList)
        listing.clear_options()
        listing.add_options(
            Option(
                Text(
                    f"{c.student_id}  {c.name}  grade {c.grade}"
                    + ("" if c.active else "  (left)")
                ),
                id=c.student_id,
            )
            for c in found
        )
        if found:
            listing.highlighted = 0
        self.query_one("#students-status", Static).update(
            f"{len(found)} of {len(self.choices)} students · "
            "enter: their history · ↓ the list"
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """`enter` in the filter opens the highlighted student, the first match."""
        listing = self.query_one("#students", OptionList)
        if listing.highlighted is not None:
            option = listing.get_option_at_index(listing.highlighted)
            self.app.open_student(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.open_student(event.option.id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing, the number keys type; `escape` leaves the filter."""
        if action == "to_list":
            return isinstance(self.focused, Input)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_to_list(self) -> None:
        self.query_one("#students", OptionList).focus()
