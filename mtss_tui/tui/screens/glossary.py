"""The glossary on screen: every term, or the terms found in what is focused."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class GlossaryScreen(ModalScreen[None]):
    """Definitions over the meeting; numbers come from the live configuration."""

    CSS_PATH = "glossary.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("g,f1,question_mark", "dismiss", "Close", show=False),
    ]

    def __init__(self, terms=None, title: str = "Glossary") -> None:
        super().__init__()
        self.terms = terms
        self.title_text = title

    def compose(self) -> ComposeResult:
        glossary = self.app.settings.glossary
        terms = glossary.terms if self.terms is None else self.terms
        body = Text()
        for term in terms:
            body.append(term.term, style="bold")
            if term.aliases:
                body.append(f" ({', '.join(term.aliases)})", style="italic")
            body.append(f"\n{glossary.define(term)}\n\n")
        body.rstrip()
        with Vertical(id="glossary"):
            yield Label(Text(self.title_text), id="glossary-title")
            with VerticalScroll(id="glossary-scroll"):
                yield Static(body, id="glossary-body")
            yield Static("esc close · ↑ ↓ scroll", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#glossary-scroll").focus()

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(result)
