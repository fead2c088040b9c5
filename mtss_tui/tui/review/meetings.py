"""The meetings section: every meeting by team and date; `enter` opens one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from mtss_tui.services.review import MeetingSummary
from mtss_tui.tui.review.base import ReviewScreen

COLUMNS = ("team", "date", "status", "decisions", "items", "protocol", "meeting")


class MeetingsScreen(ReviewScreen):
    SECTION = "Meetings"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meetings-status", classes="status")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        table.add_columns(*COLUMNS)
        self.show(self.read(self.reviewer.meetings, []))
        table.focus()

    def show(self, meetings: list[MeetingSummary]) -> None:
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for m in meetings:
            table.add_row(
                Text(m.team_title),
                m.date,
                m.status.replace("_", " "),
                str(m.decisions),
                str(m.items),
                m.protocol,
                m.meeting_id,
                key=m.meeting_id,
            )
        self.query_one("#meetings-status", Static).update(
            f"{len(meetings)} meetings · enter: the minutes as recorded"
            if meetings
            else "No meetings recorded yet."
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_minutes(event.row_key.value)
