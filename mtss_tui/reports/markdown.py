"""What every Markdown report shares."""

from __future__ import annotations


def cell(text: str) -> str:
    """Text as one Markdown table cell: a `|` or a line break would end it."""
    return str(text).replace("|", "\\|").replace("\n", " ")
