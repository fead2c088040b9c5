"""The follower's screen: a meeting in progress, watched from a second terminal.

Nothing here writes. A short timer asks the follower whether anyone committed
and redraws only then; a second timer moves the clock every second from the
last state the facilitator stored.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from mtss_tui.domain.clock import mmss
from mtss_tui.services.follow import Entry, Follower, MeetingView

POLL_SECONDS = 0.25
"""How often the file is asked whether anyone committed: an entry shows well
within a second, and asking costs one pragma on an idle connection."""

NARROW = 110
"""Below this width the clock bar uses its short form, as the meeting screen does."""

KIND_LABELS = {
    "decision": "Decision",
    "action": "Action item",
    "note": "Note",
    "review": "Item review",
}


class FollowApp(App[None]):
    """A read-only live view of one meeting."""

    CSS_PATH = "follow.tcss"
    TITLE = "mtss follow"
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(
        self,
        follower: Follower,
        now: Callable[[], float] = time.time,
        tick: bool = True,
    ) -> None:
        super().__init__()
        self.follower = follower
        self.now = now
        self.tick = tick
        self.view: MeetingView | None = None
        self._shown_entries = 0
        self._read_problem: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(markup=False, id="follow-title")
        yield Static(markup=False, id="clock-bar")
        yield Static(markup=False, id="follow-status")
        yield Static(markup=False, id="focus")
        yield Static("Recorded so far", id="entries-title")
        with VerticalScroll(id="entries-scroll"):
            yield Static(markup=False, id="entries")
        yield Footer()

    def on_mount(self) -> None:
        self.read_meeting()
        if self.tick:
            self.set_interval(POLL_SECONDS, self.poll)
            self.set_interval(1, self.refresh_clock)

    def poll(self) -> None:
        """Read the meeting again if the file changed since the last read."""
        try:
            changed = self.follower.changed()
        except sqlite3.Error:
            changed = True
        if changed:
            self.read_meeting()

    def read_meeting(self) -> None:
        try:
            view = self.follower.view()
        except sqlite3.Error as error:
            # The facilitator's writes always win; the next poll reads again.
            self._read_problem = (
                f"Could not read the database just now ({type(error).__name__}); "
                "trying again."
            )
            self.refresh_clock()
            return
        self._read_problem = None
        self.view = view
        self.show_view()

    def show_view(self) -> None:
        view = self.view
        title = Text.assemble(
            " ",
            (view.meeting_id, "bold"),
            f" · {view.team_title} · {view.protocol.title} · ",
            ("read-only", "bold"),
        )
        self.query_one("#follow-title", Static).update(title)
        focus = self.query_one("#focus", Static)
        focus.update(self._focus(view))
        focus.set_class(view.focus is None, "-empty")
        self._show_entries(view.entries, follow_end=not view.closed)
        self.refresh_clock()

    def _status(self, view: MeetingView, now: float) -> str:
        if self._read_problem:
            return self._read_problem
        if view.closed:
            return "This meeting is closed: its record is final."
        if not view.started:
            return "The meeting is being set up: its clock has not started."
        if not view.held(now):
            return (
                "No word from the facilitator's screen (closed, or its "
                "connection dropped): the clock stands still until `mtss meet` "
                "resumes the meeting."
            )
        return "Following live: entries show as the facilitator records them."

    @staticmethod
    def _focus(view: MeetingView) -> Text:
        focus = view.focus
        if focus is None:
            return Text("No student on the card.", style="italic")
        lines = Text.assemble(
            "On the card: ", (f"{focus.student_id} {focus.name}".rstrip(), "bold")
        )
        for reason in focus.reasons:
            lines.append(f"\n  ! {reason}")
        if not focus.reasons:
            lines.append("\n  not flagged")
        return lines

    def _show_entries(self, entries: list[Entry], follow_end: bool) -> None:
        """Newest last; while the meeting runs the view keeps to the newest,
        and a closed meeting is read from its start."""
        self.query_one("#entries-title", Static).update(
            f"Recorded so far ({len(entries)}), newest last"
            if entries
            else "Nothing recorded yet"
        )
        text = Text()
        for n, entry in enumerate(entries):
            if n:
                text.append("\n")
            at = entry.recorded_at.partition("T")[2] or entry.recorded_at
            text.append(f"{at} ", style="dim")
            text.append(f"{entry.recorded_by} · ", style="dim")
            text.append(KIND_LABELS.get(entry.kind, entry.kind), style="bold")
            text.append(f" · {entry.about}: ")
            text.append(entry.headline, style="bold")
            if entry.detail:
                text.append(f"\n    {entry.detail}")
        self.query_one("#entries", Static).update(text)
        if follow_end and len(entries) > self._shown_entries:
            self.query_one("#entries-scroll", VerticalScroll).scroll_end(animate=False)
        self._shown_entries = len(entries)

    def refresh_clock(self) -> None:
        """The clock bar as the facilitator sees it, worked out for this second
        (and whether the facilitator's screen is still there)."""
        view = self.view
        if view is None:
            return
        now = self.now()
        self.query_one("#follow-status", Static).update(self._status(view, now))
        clock = view.clock(now)
        step = view.protocol.steps[clock.current]
        # A closed meeting's record is final: no warning colours any more.
        phase = "closed" if view.closed else clock.phase(now)
        remaining = clock.remaining(now)
        bar = self.query_one("#clock-bar", Static)
        for name in ("ok", "warning", "overtime"):
            bar.set_class(phase == name, f"-{name}")
        bar.set_class(not clock.running, "-paused")

        if view.closed:
            bar.update(self._closed_bar(view, clock, now))
            return
        if not view.started:
            state = "NOT STARTED · "
        elif not clock.running:
            state = "PAUSED · "
        else:
            state = ""
        narrow = self.size.width < NARROW
        gap = " · " if narrow else "  ·  "
        left_total = clock.total_planned() - clock.total_spent(now)
        parts = [f"meeting {mmss(left_total)} {'over' if left_total < 0 else 'left'}"]
        if view.focus is not None and step.kind == "student_review":
            spent = clock.subject_seconds(view.focus.student_id, now)
            left = view.protocol.student_minutes * 60 - spent
            parts.insert(0, f"student {mmss(left)} {'over' if left < 0 else 'left'}")
        word = "" if narrow else "Step "
        bar.update(
            Text.assemble(
                f" {state}",
                (f"{mmss(remaining)} {'over' if remaining < 0 else 'left'}", "bold"),
                gap,
                f"{word}{clock.current + 1}/{len(clock.steps)} ",
                (step.title, "bold"),
                *[piece for part in parts for piece in (gap, part)],
            )
        )

    @staticmethod
    def _closed_bar(view: MeetingView, clock, now: float) -> Text:
        """A closed meeting's bar: where it ended and what it took, not a countdown."""
        if view.clock_state is None:
            return Text.assemble(" CLOSED · ", ("no clock was recorded", "italic"))
        step = view.protocol.steps[clock.current]
        took = clock.total_spent(now)
        return Text.assemble(
            " CLOSED · ended on step ",
            f"{clock.current + 1}/{len(clock.steps)} ",
            (step.title, "bold"),
            f" · took {mmss(took)} of {mmss(clock.total_planned())} planned",
        )

    def _fatal_error(self) -> None:
        """On a crash, name the exception and where, never a value: the screen
        held students' names and notes, and Textual's report prints locals."""
        from mtss_tui.tui.crash import exit_with_report

        exit_with_report(
            self,
            "mtss follow stopped",
            "The meeting itself is unaffected; `mtss follow` again.",
        )
