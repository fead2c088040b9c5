"""The meetings section: every meeting by team and date; `enter` opens one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from mtss_tui.services.review import MeetingSummary
from mtss_tui.tui.review.base import ReviewScreen

KEYS = "enter minutes · 2 students · 3 follow-ups · 4 search · 5 quality · q quit"
COLUMNS = ("team", "date", "status", "decisions", "items", "protocol", "meeting")


class MeetingsScreen(ReviewScreen):
    SECTION = "Meetings"

    def compose(self) -> ComposeResult:
        # The first screen: a title line of its own rather than a Header, which
        # costs a noticeable share of the start-up for a clock nobody needs here.
        yield Static(self.title, id="meetings-title", classes="title")
        yield Static(id="meetings-status", classes="status")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        # The keys in one line of text, as on the meeting's set-up screen: the
        # first screen shows no context keys, and a Footer's widgets would be
        # the largest part of its start-up. Every other section has a Footer.
        yield Static(KEYS, id="meetings-keys", classes="keys")

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        for column in COLUMNS:
            table.add_column(column, key=column)
        self.show(self.read(self.reviewer.meetings, []))
        table.focus()
        self.call_after_refresh(self.count_entries)

    def count_entries(self) -> None:
        """Fill in how much each meeting recorded, once the list is on screen."""
        counts = self.read(self.reviewer.meeting_counts, {})
        table = self.query_one("#meetings", DataTable)
        for row_key in list(table.rows):
            decisions, items = counts.get(row_key.value, (0, 0))
            table.update_cell(row_key, "decisions", str(decisions))
            table.update_cell(row_key, "items", str(items))

    def show(self, meetings: list[MeetingSummary]) -> None:
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for m in meetings:
            table.add_row(
                Text(m.team_title),
                m.date,
                m.status.replace("_", " "),
                "…" if m.decisions is None else str(m.decisions),
                "…" if m.items is None else str(m.items),
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
