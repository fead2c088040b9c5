"""What a crash leaves on the terminal: where it happened, never a value.

Textual's own report prints every local variable, and the screens hold
students' names and notes; this one names the exception's type and the last
frames only, then a line that says what to do.
"""

from __future__ import annotations

import sys
import traceback

from rich.text import Text
from textual.app import App


def exit_with_report(app: App, headline: str, after: str) -> None:
    """Replace Textual's report with ours and close the app (`_fatal_error`)."""
    kind, _error, trace = sys.exc_info()
    frames = traceback.extract_tb(trace)[-6:]
    lines = [f"{headline}: {kind.__name__ if kind else '?'}"]
    lines += [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    lines.append(after)
    app.bell()
    app._exit_renderables.append(Text("\n".join(lines)))
    app._close_messages_no_wait()
