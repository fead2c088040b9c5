"""One meeting's minutes as recorded, as Markdown the reviewer scrolls."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, MarkdownViewer

from mtss_tui.reports.minutes import MinutesError
from mtss_tui.tui.review.base import ReviewScreen, read_only_title


class MinutesScreen(ReviewScreen):
    SECTION = "Minutes"

    def __init__(self, meeting_id: str) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.title = read_only_title(f"Minutes of {meeting_id}")

    def compose(self) -> ComposeResult:
        yield Header()
        yield MarkdownViewer(id="minutes", show_table_of_contents=False)
        yield Footer()

    async def on_mount(self) -> None:
        try:
            text = self.read(lambda: self.reviewer.minutes(self.meeting_id), None)
        except MinutesError as error:
            text = f"# No minutes\n\n{error}"
        viewer = self.query_one("#minutes", MarkdownViewer)
        if text is not None:
            await viewer.document.update(text)
        viewer.focus()
