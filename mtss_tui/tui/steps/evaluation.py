"""Closing: the evaluation questions, the next meeting, and the minutes."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.steps.base import StepPane
from mtss_tui.tui.widgets.end_attendance import EndAttendance


class EvaluationPane(StepPane):
    def compose(self) -> ComposeResult:
        vocabulary = self.app.settings.vocabulary
        answers = [(a.label, a.id) for a in vocabulary.evaluation_answers]
        given = self.app.session.evaluation_answers()
        with VerticalScroll():
            yield from self.compose_prompts()  # a closing step's own questions
            yield Static(
                "tab moves between the answers; enter opens a list", classes="hint"
            )
            for n, question in enumerate(vocabulary.evaluation_questions):
                yield Label(Text(f"{n + 1}. {question}"))
                yield Select(
                    answers,
                    prompt="(answer)",
                    id=f"eval-{n}",
                    value=given.get(n, Select.NULL),
                )
            yield Label("Next meeting (YYYY-MM-DD)")
            next_date = (
                self.app.session.record["next_meeting_date"]
                or (date.today() + timedelta(days=14)).isoformat()
            )
            yield Input(value=next_date, id="next-meeting")
            yield Label("Start time (HH:MM, for starting on time)")
            yield Input(
                value=self.app.session.record["next_meeting_time"] or "",
                placeholder="07:45",
                id="next-meeting-time",
            )
            yield EndAttendance(id="end-attendance-box")
            yield Label("", id="evaluation-error")
            yield Button(
                "Close meeting and write minutes", id="close-meeting", variant="success"
            )
            yield Static("", id="closed-message", markup=False)

    def shown(self) -> None:
        self.query_one(EndAttendance).reload()  # a member added since shows too
        self.query_one("#eval-0", Select).focus()

    @on(Select.Changed)
    def store_answer(self, event: Select.Changed) -> None:
        if event.value is Select.NULL or not (event.select.id or "").startswith(
            "eval-"
        ):
            return
        position = int(event.select.id.removeprefix("eval-"))
        if self.app.session.evaluation_answers().get(position) == event.value:
            return
        try:
            self.app.session.answer_evaluation(position, str(event.value))
        except MeetingError as error:
            self.entry_failed(error)

    @on(Button.Pressed, "#close-meeting")
    def close_meeting(self) -> None:
        error = self.query_one("#evaluation-error", Label)
        questions = self.app.settings.vocabulary.evaluation_questions
        open_ones = [
            str(n + 1)
            for n in range(len(questions))
            if n not in self.app.session.evaluation_answers()
        ]
        if open_ones and not getattr(self, "warned", False):
            self.warned = True
            error.update(
                Text(
                    f"Question {', '.join(open_ones)} not answered: press Close again "
                    "to close the meeting all the same."
                )
            )
            return
        try:
            self.app.session.set_next_meeting(
                self.query_one("#next-meeting", Input).value,
                self.query_one("#next-meeting-time", Input).value,
            )
        except MeetingError as problem:
            error.update(Text(str(problem)))
            return
        path = self.app.session.close(self.app.db_path)
        self.app.meeting_closed(path)
        error.update("")
        self.query_one("#closed-message", Static).update(
            Text.assemble(
                ("Meeting closed. ", "bold"),
                f"Minutes written to {path}\nPress ctrl+q to leave; `mtss minutes "
                f"{self.app.session.meeting_id}` prints them again.",
            )
        )
        self.query_one("#close-meeting", Button).disabled = True
        self.notify(f"Minutes written to {path}", timeout=10)
