"""The meeting app: set up who is here, then run the protocol step by step."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from mtss_tui.config import Settings
from mtss_tui.paths import ascii_wanted
from mtss_tui.services.meeting import MeetingSession
from mtss_tui.store.audit import Recorder
from mtss_tui.store.db import Database

if TYPE_CHECKING:
    from mtss_tui.services.school import School


def _glossary_commands():
    """The palette's glossary entries, imported when the palette first opens."""
    from mtss_tui.tui.commands import GlossaryCommands

    return GlossaryCommands


CHECKPOINT_SECONDS = 2
"""How often a running clock is stored, bounding what a crash can lose."""


class MeetingApp(App[None]):
    """Runs one team meeting; every entry is stored as it is made."""

    CSS_PATH = "app.tcss"
    TITLE = "mtss"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_glossary_commands}

    def __init__(
        self,
        db: Database,
        db_path: Path,
        settings: Settings,
        team: str,
        protocol: str | None = None,
        actor: str = "",
        notice: str | None = None,
        now: Callable[[], float] = time.time,
        tick: bool = True,
        session: MeetingSession | None = None,
        ascii_only: bool | None = None,
        student: str | None = None,
    ) -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.settings = settings
        self.team = team
        self.protocol_name = protocol
        self.student = student
        self.actor = actor
        self.notice = notice
        self.now = now
        self.tick = tick
        self.minutes_path: Path | None = None
        self.meeting_id: str | None = None
        self.session = session
        self.ascii_only = ascii_wanted() if ascii_only is None else ascii_only
        self._school: School | None = None

    def on_mount(self) -> None:
        # Screens are imported when first shown: the setup screen comes up
        # without loading the charting code of the meeting screen.
        if self.session is None:
            self.session = MeetingSession.open(
                Recorder(self.db, self.actor),
                self.settings,
                self.team,
                self.protocol_name,
                now=self.now,
                student=self.student,
            )
        self.meeting_id = self.session.meeting_id
        self.sub_title = f"{self.meeting_id} · recording as {self.actor}"

        if self.ascii_only:
            self.add_class("-ascii")
        if self.notice:
            self.notify(self.notice, timeout=8)
        if self.session.started:
            from mtss_tui.tui.screens.meeting import MeetingScreen

            self.push_screen(MeetingScreen())
            self.notify(
                f"Resumed meeting {self.meeting_id} at step "
                f"{self.session.clock.current + 1}: {self.session.step.title}",
                timeout=6,
            )
        else:
            from mtss_tui.tui.screens.setup import SetupScreen

            if self.protocol_name and self.protocol_name != self.session.protocol.name:
                self.notify("an unfinished meeting uses another protocol", timeout=6)
            self.push_screen(SetupScreen())
        if self.tick:
            self.set_interval(1, self._refresh_clock)
            self.set_interval(CHECKPOINT_SECONDS, self._checkpoint)

    @property
    def school(self) -> School:
        """The school's data, read when a screen first needs it."""
        if self._school is None:
            from mtss_tui.services.school import School

            self._school = School(self.db, self.settings)
        return self._school

    def notify(self, message: str, **options) -> None:
        """Notifications show text as typed: a note's `[b]` is not markup."""
        options["markup"] = False
        super().notify(message, **options)

    def show_glossary(self, terms=None, title: str = "Glossary") -> None:
        """Every term, or the ones given; the glossary is read on first use."""
        from mtss_tui.tui.screens.glossary import GlossaryScreen

        self.push_screen(GlossaryScreen(terms, title))

    def look_up(self, text: str, where: str) -> None:
        """The definitions of the glossary terms that appear in a text."""
        terms = self.settings.glossary.found_in(text)
        if not terms:
            self.notify(f"No glossary term in the {where}; g lists every term")
            return
        self.show_glossary(terms, f"Terms in the {where}")

    def begin_meeting(self) -> None:
        """Called by the setup screen once attendance and roles are marked."""
        from mtss_tui.tui.screens.meeting import MeetingScreen

        self.session.begin()
        self.switch_screen(MeetingScreen())

    def meeting_closed(self, minutes_path: Path) -> None:
        self.minutes_path = minutes_path
        self._refresh_clock()
        self.screen.refresh_bindings()

    def _fatal_error(self) -> None:
        """On a crash, show where it happened but no values: they may name students.

        Textual's own report prints every local variable; this one prints the
        exception's type and the frames only. The meeting is already stored.
        """
        from mtss_tui.tui.crash import exit_with_report

        exit_with_report(
            self,
            "mtss stopped on an internal error",
            "Every entry recorded so far is saved; `mtss meet` resumes.",
        )

    def _refresh_clock(self) -> None:
        refresh = getattr(self.screen, "refresh_clock", None)
        if refresh is not None:
            refresh()

    def _checkpoint(self) -> None:
        session = self.session
        if session is None or self.minutes_path is not None:
            return
        if session.clock.running:
            session.checkpoint()
        else:
            session.hold()

    def on_unmount(self) -> None:
        """On quit, store the clock as it stands and free the meeting."""
        session = self.session
        if session is None:
            return
        if session.started and self.minutes_path is None:
            session.checkpoint()
        session.release()
