"""Who is still at the table, confirmed before the meeting closes.

TIPS asks for the attendance at the start and at the end. The table starts
from the marks at the start; space (or enter) toggles the member under the
cursor, and each mark is stored as it is made.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static


class EndAttendance(Vertical):
    BINDINGS = [Binding("space", "toggle", "Still here?")]

    def compose(self) -> ComposeResult:
        yield Static(
            "Still here at the end? space or enter marks the member under the "
            "cursor (as at the start until marked)",
            classes="note-help",
        )
        yield DataTable(id="end-attendance", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("Start", "End", "Name")
        self.reload()

    def reload(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        self.members = self.app.session.members()
        for member in self.members:
            table.add_row(
                "✓" if member["present"] else "absent",
                "✓" if member["present_at_end"] else "left",
                Text(member["name"]),
                key=member["staff_id"],
            )
        if self.members:
            table.move_cursor(row=max(0, min(row, len(self.members) - 1)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_toggle()

    def action_toggle(self) -> None:
        table = self.query_one(DataTable)
        if not self.members:
            return
        member = self.members[table.cursor_row]
        self.app.session.set_present_at_end(
            member["staff_id"], not member["present_at_end"]
        )
        self.reload()
