"""What every review screen shares: a title that says read-only, and reads
that report a failure in words without the data."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TypeVar

from textual.screen import Screen

T = TypeVar("T")


def read_only_title(section: str) -> str:
    return f"mtss review · {section} · read-only"


class ReviewScreen(Screen):
    """A screen of the review app; `SECTION` names it in the title bar."""

    SECTION = ""

    def __init__(self) -> None:
        super().__init__()
        self.title = read_only_title(self.SECTION)

    @property
    def reviewer(self):
        return self.app.reviewer

    def read(self, reading: Callable[[], T], fallback: T) -> T:
        """Run one read; on a database error, say so (its kind only) and
        carry on with `fallback`: a later read may well succeed."""
        try:
            return reading()
        except sqlite3.Error as error:
            self.notify(
                f"Could not read the database just now ({type(error).__name__}).",
                severity="error",
            )
            return fallback
