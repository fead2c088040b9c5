"""Shared fixtures: the configuration, a sample school per test, a fake clock."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from mtss_tui.config import load_settings
from mtss_tui.paths import bundled
from mtss_tui.services.school import write_sample
from mtss_tui.store import open_db


class FakeClock:
    """Seconds that move only when a test says so."""

    def __init__(self, start: float = 1_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def settings():
    return load_settings(bundled("config"))


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("template") / "school.db"
    write_sample(path, "fixture")
    return path


@pytest.fixture
def sample_path(sample_template, tmp_path) -> Path:
    """A fresh copy of the sample school for one test."""
    path = tmp_path / "school.db"
    shutil.copy(sample_template, path)
    return path


@pytest.fixture
def sample_db(sample_path):
    db = open_db(sample_path)
    yield db
    db.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(settings, clock):
    """A meeting app on a database file, clock injected, no timers running."""
    from mtss_tui.tui.app import MeetingApp

    def build(path, team="grade-3", **options):
        return MeetingApp(
            db=open_db(path),
            db_path=path,
            settings=settings,
            team=team,
            actor=options.pop("actor", "R. Alder"),
            now=clock,
            tick=False,
            **options,
        )

    return build


@pytest.fixture
def terminals():
    """`mtss` commands in real terminals (tmux), each closed after the test."""
    from tests.terminal import Terminal, mtss_command

    opened = []

    def start(*args, **size):
        terminal = Terminal(mtss_command(*args), os.getcwd(), **size)
        opened.append(terminal)
        return terminal

    yield start
    for terminal in opened:
        terminal.close()


@pytest.fixture
def session(sample_db, settings, clock):
    """A grade-3 meeting, begun: the clock runs on the first step."""
    from mtss_tui.services.meeting import MeetingSession
    from mtss_tui.store.audit import Recorder

    opened = MeetingSession.open(
        Recorder(sample_db, "R. Alder"), settings, "grade-3", now=clock
    )
    opened.begin()
    return opened
