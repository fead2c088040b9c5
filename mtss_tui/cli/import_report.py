"""What `mtss import` prints: a progress bar on stderr, then a summary table."""

from __future__ import annotations

import time
from typing import TextIO

from mtss_tui.services.imports import ImportSummary

COLUMNS = ("added", "updated", "unchanged", "skipped")


def summary_lines(summary: ImportSummary) -> list[str]:
    """A row per table: how many rows were added, updated, unchanged, skipped."""
    width = max([len("table"), *(len(t) for t in summary.tables)])
    lines = ["table".ljust(width) + "".join(f"{c:>11}" for c in COLUMNS)]
    for table, counts in summary.tables.items():
        figures = (getattr(counts, c) for c in COLUMNS)
        lines.append(table.ljust(width) + "".join(f"{n:>11}" for n in figures))
    files = len(summary.files)
    changes = sum(c.added + c.updated for c in summary.tables.values())
    if not summary.written:
        outcome = "dry run: checked, nothing written"
    else:
        outcome = f"{changes} written" if changes else "nothing to change"
    lines.append(f"{summary.rows} rows from {files} file(s): {outcome}")
    return lines


class ProgressBar:
    """A one-line bar, redrawn at most ten times a second; only on a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.shown = stream.isatty()
        self._last = 0.0
        self._drawn = False

    def update(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.shown or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {what[:40]:<40}")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r" + " " * (self.width + 60) + "\r")
            self.stream.flush()
