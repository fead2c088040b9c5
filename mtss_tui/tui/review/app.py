"""The review app: past meetings, students, follow-ups and search, read-only.

Each section is a Textual mode with its own stack of screens, so `escape`
goes back within a section and the number keys move between sections. The
screens are imported when first shown: the meetings list comes up without
loading the charting code the student history needs.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from mtss_tui.paths import ascii_wanted
from mtss_tui.services.review import Reviewer


def _meetings() -> Screen:
    from mtss_tui.tui.review.meetings import MeetingsScreen

    return MeetingsScreen()


def _students() -> Screen:
    from mtss_tui.tui.review.students import StudentsScreen

    return StudentsScreen()


def _follow_ups() -> Screen:
    from mtss_tui.tui.review.followups import FollowUpsScreen

    return FollowUpsScreen()


def _quality() -> Screen:
    from mtss_tui.tui.review.quality import QualityScreen

    return QualityScreen()


def _search() -> Screen:
    from mtss_tui.tui.review.search import SearchScreen

    return SearchScreen()


class ReviewApp(App[None]):
    """Reads every meeting's record through a read-only connection."""

    CSS_PATH = "review.tcss"
    TITLE = "mtss review"
    MODES = {
        "meetings": _meetings,
        "students": _students,
        "follow_ups": _follow_ups,
        "search": _search,
        "quality": _quality,
    }
    DEFAULT_MODE = "meetings"
    BINDINGS = [
        Binding("1", "switch_mode('meetings')", "Meetings"),
        Binding("2", "switch_mode('students')", "Students"),
        Binding("3", "switch_mode('follow_ups')", "Follow-ups"),
        Binding("4", "switch_mode('search')", "Search"),
        Binding("5", "switch_mode('quality')", "Quality"),
        Binding("slash", "switch_mode('search')", "Search", show=False),
        Binding("escape", "back", "Back"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, reviewer: Reviewer, ascii_only: bool | None = None) -> None:
        super().__init__()
        self.reviewer = reviewer
        self.ascii_only = ascii_wanted() if ascii_only is None else ascii_only

    def on_mount(self) -> None:
        if self.ascii_only:
            self.add_class("-ascii")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The key of the section on screen is shown dimmed (that is where you
        are); `escape` is offered only over a section's first screen."""
        if (
            action == "switch_mode"
            and parameters
            and parameters[0] == self.current_mode
        ):
            return None
        if action == "back":
            return len(self.screen_stack) > 1
        return True

    async def action_switch_mode(self, mode: str) -> None:
        await super().action_switch_mode(mode)
        self.refresh_bindings()

    def open_minutes(self, meeting_id: str) -> None:
        """The meeting's minutes, over the section that asked for them."""
        from mtss_tui.tui.review.minutes import MinutesScreen

        self.push_screen(MinutesScreen(meeting_id))

    def open_student(self, student_id: str) -> None:
        """The student's history, over the section that asked for it."""
        from mtss_tui.tui.review.history import HistoryScreen

        self.push_screen(HistoryScreen(student_id))

    def notify(self, message: str, **options) -> None:
        """Notifications show text as written: a name's `[` is not markup."""
        options["markup"] = False
        super().notify(message, **options)

    def _fatal_error(self) -> None:
        """On a crash, name the exception and the frames, never a value: the
        screens hold students' names and notes, and Textual's own report
        prints local variables."""
        from mtss_tui.tui.crash import exit_with_report

        exit_with_report(
            self,
            "mtss review stopped",
            "Nothing was changed (the review is read-only); run it again.",
        )
