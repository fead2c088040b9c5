"""The follow-ups section: action items by owner and status, overdue ones
marked in words and style; a filter bar narrows them by owner, team, status
and due date."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from mtss_tui.services.followups import FollowUp
from mtss_tui.services.review import FOLLOW_UP_STATUSES, FollowUpFilter
from mtss_tui.tui.review.base import ReviewScreen

COLUMNS = ("due", "status", "owner", "what", "student", "team", "recorded")
OVERDUE = "bold reverse"
"""Overdue rows: reversed and bold as well as the word, so no colour is needed."""


class FollowUpsScreen(ReviewScreen):
    SECTION = "Follow-ups"
    BINDINGS = [Binding("escape", "to_table", "Leave the filter")]

    def __init__(self) -> None:
        super().__init__()
        self.items: list[FollowUp] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="follow-up-filters"):
            yield Input(placeholder="owner", id="owner-filter")
            yield Select([], prompt="any team", id="team-filter")
            yield Select(
                [(s, s) for s in FOLLOW_UP_STATUSES],
                value="open",
                allow_blank=False,
                id="status-filter",
            )
            yield Input(placeholder="due before YYYY-MM-DD", id="due-filter")
        yield Static(id="follow-ups-status", classes="status")
        yield DataTable(id="follow-ups", cursor_type="row", zebra_stripes=True)
        yield Static(id="follow-up-detail", classes="detail")
        yield Footer()

    def on_mount(self) -> None:
        teams = self.read(self.reviewer.teams, [])
        self.query_one("#team-filter", Select).set_options(
            (title, team) for team, title in teams
        )
        self.query_one("#follow-ups", DataTable).add_columns(*COLUMNS)
        self.reload()
        self.query_one("#follow-ups", DataTable).focus()

    def wanted(self) -> FollowUpFilter | str:
        """The filter bar as a filter, or what is wrong with it in words."""
        due_text = self.query_one("#due-filter", Input).value.strip()
        due_before = None
        if due_text:
            try:
                due_before = date.fromisoformat(due_text)
            except ValueError:
                return f"due before {due_text!r}: expected a day as YYYY-MM-DD"
        team = self.query_one("#team-filter", Select).value
        return FollowUpFilter(
            owner=self.query_one("#owner-filter", Input).value,
            team=None if team is Select.NULL else str(team),
            status=str(self.query_one("#status-filter", Select).value),
            due_before=due_before,
        )

    def reload(self) -> None:
        wanted = self.wanted()
        status = self.query_one("#follow-ups-status", Static)
        if isinstance(wanted, str):
            status.update(Text(wanted, style="bold"))
            return
        self.items = self.read(lambda: self.reviewer.follow_ups(wanted), [])
        table = self.query_one("#follow-ups", DataTable)
        table.clear()
        for item in self.items:
            table.add_row(*self.cells(item), key=str(item.item_id))
        overdue = sum(1 for i in self.items if i.overdue)
        today = self.reviewer.today.isoformat()
        status.update(
            f"{len(self.items)} items, {overdue} overdue as of {today}"
            if self.items
            else "No action items match."
        )
        self.show_detail(0 if self.items else None)

    @staticmethod
    def cells(item: FollowUp) -> list[Text]:
        style = OVERDUE if item.overdue else ""
        status = "OVERDUE" if item.overdue else item.status
        student = (
            f"{item.student_id} {item.student_name}" if item.student_id else "team"
        )
        recorded = f"{item.recorded_by or '-'} {item.recorded_at.replace('T', ' ')}"
        values = [
            item.due_date or "no date",
            status,
            item.owner,
            item.what,
            student,
            item.team,
            recorded,
        ]
        return [Text(v, style=style) for v in values]

    def show_detail(self, row: int | None) -> None:
        """The item under the cursor in full, with who recorded it and when."""
        detail = self.query_one("#follow-up-detail", Static)
        if row is None or row >= len(self.items):
            detail.update("")
            return
        item = self.items[row]
        text = Text()
        if item.overdue:
            text.append("OVERDUE ", style=OVERDUE)
        text.append(item.what, style="bold")
        text.append(
            f"\nowner {item.owner}, due {item.due_date or 'no date'}, {item.status}; "
            f"from {item.meeting_id} ({item.meeting_date}); recorded by "
            f"{item.recorded_by or '-'} at {item.recorded_at}"
        )
        detail.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While typing in a filter the number keys type; `escape` leaves it."""
        if action == "to_table":
            return isinstance(self.focused, Input)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_to_table(self) -> None:
        self.query_one("#follow-ups", DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail(event.cursor_row)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.reload()
