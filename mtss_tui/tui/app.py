"""The meeting app: set up who is here, then run the protocol step by step."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils
from textual.app import App

from mtss_tui.config import Settings
from mtss_tui.services.meeting import MeetingSession
from mtss_tui.services.school import School
from mtss_tui.store.audit import Recorder

CHECKPOINT_SECONDS = 2
"""How often a running clock is stored, bounding what a crash can lose."""


class MeetingApp(App[None]):
    """Runs one team meeting; every entry is stored as it is made."""

    CSS_PATH = "app.tcss"
    TITLE = "mtss"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        db: sqlite_utils.Database,
        db_path: Path,
        settings: Settings,
        team: str,
        protocol: str | None = None,
        actor: str = "",
        notice: str | None = None,
        now: Callable[[], float] = time.time,
        tick: bool = True,
    ) -> None:
        super().__init__()
        self.db = db
        self.db_path = db_path
        self.settings = settings
        self.team = team
        self.protocol_name = protocol
        self.actor = actor
        self.notice = notice
        self.now = now
        self.tick = tick
        self.minutes_path: Path | None = None
        self.meeting_id: str | None = None
        self.session: MeetingSession | None = None
        self.school: School | None = None

    def on_mount(self) -> None:
        from mtss_tui.tui.screens.meeting import MeetingScreen
        from mtss_tui.tui.screens.setup import SetupScreen

        recorder = Recorder(self.db, self.actor)
        self.session = MeetingSession.open(
            recorder, self.settings, self.team, self.protocol_name, now=self.now
        )
        self.meeting_id = self.session.meeting_id
        self.school = School(self.db, self.settings)
        self.sub_title = f"{self.meeting_id} · recording as {self.actor}"

        if self.notice:
            self.notify(self.notice, timeout=8)
        if self.session.started:
            self.push_screen(MeetingScreen())
            self.notify(
                f"Resumed meeting {self.meeting_id} at step "
                f"{self.session.clock.current + 1}: {self.session.step.title}",
                timeout=6,
            )
        else:
            if self.protocol_name and self.protocol_name != self.session.protocol.name:
                self.notify("an unfinished meeting uses another protocol", timeout=6)
            self.push_screen(SetupScreen())
        if self.tick:
            self.set_interval(1, self._refresh_clock)
            self.set_interval(CHECKPOINT_SECONDS, self._checkpoint)

    def begin_meeting(self) -> None:
        """Called by the setup screen once attendance and roles are marked."""
        from mtss_tui.tui.screens.meeting import MeetingScreen

        self.session.begin()
        self.switch_screen(MeetingScreen())

    def meeting_closed(self, minutes_path: Path) -> None:
        self.minutes_path = minutes_path

    def _refresh_clock(self) -> None:
        refresh = getattr(self.screen, "refresh_clock", None)
        if refresh is not None:
            refresh()

    def _checkpoint(self) -> None:
        session = self.session
        if (
            session is not None
            and session.clock.running
            and session.record["status"] == "in_progress"
        ):
            session.checkpoint()
