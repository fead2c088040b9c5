"""The search section: every meeting's decisions, action items and notes,
best first, the matched words highlighted; `enter` opens the meeting's
minutes, `s` the student's history."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from mtss_tui.store.search import MARK_END, MARK_START, Hit
from mtss_tui.tui.review.base import ReviewScreen

KIND_LABELS = {"decision": "Decision", "action_item": "Action item", "note": "Note"}
MATCH = "bold reverse"
"""How a matched word stands out: reversed as well as bold, not by colour."""


def highlighted(body: str) -> Text:
    """The hit's text with each matched word (between the markers) styled."""
    text = Text()
    for n, piece in enumerate(body.split(MARK_START)):
        word, marked, rest = piece.partition(MARK_END)
        if n and marked:
            text.append(word, style=MATCH)
            text.append(rest)
        else:
            text.append(piece)
    return text


def hit_prompt(hit: Hit) -> Text:
    about = f"{hit.student_id} {hit.student_name}" if hit.student_id else "the team"
    text = Text.assemble(
        (KIND_LABELS.get(hit.kind, hit.kind), "bold"),
        f" · {hit.meeting_id} · {about}",
    )
    if hit.restricted:
        text.append(" [RESTRICTED]", style="bold")
    text.append("\n  ")
    text.append_text(highlighted(hit.body))
    text.append(
        f"\n  recorded by {hit.recorded_by or '-'} at {hit.recorded_at}", style="dim"
    )
    return text


class SearchScreen(ReviewScreen):
    SECTION = "Search"
    BINDINGS = [
        Binding("s", "open_student", "Student's history"),
        Binding("down", "to_results", "Results", show=False),
        Binding("escape", "to_results", "Leave the field"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search decisions, action items, notes", id="query")
        yield Static(
            "Type words; each matches as a prefix, all must appear.",
            id="search-status",
            classes="status",
        )
        yield OptionList(id="hits")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_to_results()

    def run_search(self, text: str) -> None:
        self.hits = self.read(lambda: self.reviewer.search(text), [])
        results = self.query_one("#hits", OptionList)
        results.clear_options()
        results.add_options(
            Option(hit_prompt(hit), id=str(n)) for n, hit in enumerate(self.hits)
        )
        if self.hits:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if not text.strip():
            status.update("Type words; each matches as a prefix, all must appear.")
        else:
            status.update(
                f"{len(self.hits)} results, best first · enter: the meeting's "
                "minutes · s: the student's history"
                if self.hits
                else "Nothing found."
            )
        self.refresh_bindings()

    @property
    def hit(self) -> Hit | None:
        results = self.query_one("#hits", OptionList)
        if results.highlighted is None or not self.hits:
            return None
        return self.hits[results.highlighted]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_student":
            hit = self.hit
            return bool(hit and hit.student_id) and not isinstance(self.focused, Input)
        if action == "to_results":
            return isinstance(self.focused, Input)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def on_option_list_option_highlighted(
        self, event: OptionList.OptionHighlighted
    ) -> None:
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.open_minutes(self.hits[int(event.option.id)].meeting_id)

    def action_open_student(self) -> None:
        hit = self.hit
        if hit and hit.student_id:
            self.app.open_student(hit.student_id)

    def action_to_results(self) -> None:
        self.query_one("#hits", OptionList).focus()
