"""The quality section: each team's meeting foundations, meeting by meeting,
and the share met of each, so a team sees whether its meetings get better."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from mtss_tui.tui.review.base import ReviewScreen

COLUMNS = (
    "team",
    "date",
    "meeting",
    "on time",
    "75% start",
    "75% end",
    "roles",
    "ended on time",
    "next set",
)
MARKS = {"yes": "yes", "no": "NO"}
"""A foundation missed reads in capitals and bold: not by colour alone."""


class QualityScreen(ReviewScreen):
    SECTION = "Meeting quality"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="quality-status", classes="status")
        yield DataTable(id="quality", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#quality", DataTable)
        table.add_columns(*COLUMNS)
        reports = self.read(self.reviewer.quality, [])
        lines = []
        for report in reports:
            for meeting in report["meetings"]:
                table.add_row(
                    Text(report["team"]),
                    meeting["date"],
                    meeting["meeting_id"],
                    *(_cell(meeting[f]) for f in report["foundations"]),
                )
            shares = report["shares"]
            parts = [
                f"{name} {s['met']}/{s['known']}"
                for name, s in zip(COLUMNS[3:], shares.values(), strict=True)
                if s["known"]
            ]
            lines.append(f"{report['team']}: " + (", ".join(parts) or "no record yet"))
        self.query_one("#quality-status", Static).update(
            Text("Share met · " + " · ".join(lines))
            if lines
            else Text("No closed meeting has a quality record yet.")
        )
        table.focus()


def _cell(value: str) -> Text:
    if value == "no":
        return Text(MARKS["no"], style="bold")
    return Text(MARKS.get(value, "?"))
