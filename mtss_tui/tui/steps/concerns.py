"""New concerns: notes, and the TIPS problem record of each new problem."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.steps.notes import NotesPane


class NewConcernsPane(NotesPane):
    """Notes as in any notes step; ctrl+o opens a problem record."""

    BINDINGS = [Binding("ctrl+o", "problem", "Problem record", priority=True)]

    def hint_text(self) -> str:
        return "ctrl+o problem record · " + super().hint_text()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "problem":
            return self.app.session.step.id == self.step.id
        return super().check_action(action, parameters)

    def action_problem(self) -> None:
        from mtss_tui.tui.screens.problem_dialog import ProblemDialog

        session = self.app.session
        owners = [m["name"] for m in session.members() if m["present"]] or [
            m["name"] for m in session.members()
        ]

        def recorded(result: dict | None) -> None:
            if result is None:
                return
            try:
                session.record_problem(result["problem"], result["actions"])
            except MeetingError as error:
                return self.entry_failed(error)
            self.notify(
                f"Problem recorded with {len(result['actions'])} solution action(s)"
            )
            self.reload()

        self.app.push_screen(ProblemDialog(owners, session.today()), recorded)

    def extra_lines(self) -> Text:
        """The problems defined in this meeting, above the notes."""
        text = Text()
        for problem in self.app.session.new_problems():
            text.append(f"Problem: {problem['what']}", style="bold")
            text.append(
                f" · {problem['who']} · {problem['location']} · {problem['timing']}"
                f" · goal {problem['goal']} by {problem['goal_date']}\n"
            )
            for action in problem["actions"]:
                text.append(
                    f"    {action['category']}: {action['what']} "
                    f"({action['owner']}, by {action['due_date'] or '-'})\n"
                )
        return text
