"""The grade's screening status, above the notes of a screening meeting's first step."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from mtss_tui.domain.screening import CORE_GOAL, grade_status
from mtss_tui.services.groups import screening_results
from mtss_tui.tui.steps.notes import NotesPane


def status_text(app) -> Text:
    """One line per screening measure: the share meeting the cut, against 80%."""
    school = app.school
    team = app.session.team
    first = screening_results(school, team)
    text = Text()
    for code in first.measures:
        status = grade_status(screening_results(school, team, code).rows)
        text.append(f"{code:<12}", style="bold")
        if status.share is None:
            text.append("no scores against a cut\n")
            continue
        verdict = (
            "core meets the goal"
            if status.core_met
            else "core below the goal: look at core instruction first"
        )
        text.append(
            f"{status.at_or_above} of {status.judged} meet the cut "
            f"({status.share:.0%}; goal {CORE_GOAL:.0%}): {verdict}\n"
        )
    text.rstrip()
    return text if text.plain else Text("No screening measure in the school's data.")


class ScreeningStatusPane(NotesPane):
    """Notes, under the figures the team judges its core instruction by."""

    def compose_prompts(self) -> ComposeResult:
        yield from super().compose_prompts()
        yield Static(status_text(self.app), classes="screening-summary")
