"""What every step pane shares: its step, and the prompts to read aloud."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static


class StepPane(Vertical):
    def __init__(self, step, **kwargs) -> None:
        super().__init__(id=f"step-{step.id}", classes="step-pane", **kwargs)
        self.step = step

    def compose_prompts(self) -> ComposeResult:
        if self.step.prompts:
            prompts = "\n".join(f"» {p}" for p in self.step.prompts)
            yield Static(Text(prompts), classes="prompts")

    def shown(self) -> None:
        """Called when the pane becomes the current step."""

    def entry_failed(self, error: Exception) -> None:
        """An entry the session refused: say why, keep the pane as it was."""
        self.notify(str(error), severity="error", timeout=6)
