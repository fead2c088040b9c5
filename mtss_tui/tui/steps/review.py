"""Student review: the queue of flagged students beside the card of the one chosen."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from mtss_tui.domain.clock import mmss
from mtss_tui.tui.steps.base import StepPane
from mtss_tui.tui.widgets.student_card import StudentCardView


class StudentReviewPane(StepPane):
    class StudentShown(Message):
        """A student's card was put on screen."""

        def __init__(self, student_id: str) -> None:
            super().__init__()
            self.student_id = student_id

    def compose(self) -> ComposeResult:
        with Horizontal(id="review"):
            with Vertical(id="queue-column"):
                yield Label("Queue · most urgent first", id="queue-title")
                yield OptionList(id="queue")
            yield StudentCardView(id="card")

    def on_mount(self) -> None:
        self.entries = self.app.session.review_queue(self.app.school)
        self.shown_id: str | None = None
        self.compact = False
        self.fill_queue()

    def set_compact(self, compact: bool) -> None:
        """One line per student on narrow screens; every reason on wide ones."""
        if compact != self.compact:
            self.compact = compact
            self.fill_queue()

    def fill_queue(self) -> None:
        """The queue, with ✓ beside each student the team has decided for."""
        decided = self.app.session.decided_students()
        flag_mark, done = ("!", "*") if self.app.ascii_only else ("⚑", "✓")
        queue = self.query_one(OptionList)
        highlighted = queue.highlighted
        queue.clear_options()
        for n, entry in enumerate(self.entries, 1):
            mark = done if entry.student_id in decided else " "
            if self.compact:
                given, _, family = entry.name.partition(" ")
                prompt = Text(
                    f"{mark}{n:>2} {given} {family[:1]} {flag_mark}{len(entry.flags)}",
                    no_wrap=True,
                    overflow="ellipsis",
                )
            else:
                prompt = Text(
                    f"{mark}{n:>2}. {entry.name} {flag_mark}{len(entry.flags)}",
                    style="bold",
                )
                for flag in entry.flags:
                    prompt.append(f"\n     {flag.reason}", style="not bold")
            queue.add_option(Option(prompt, id=entry.student_id))
        if highlighted is not None:
            queue.highlighted = highlighted

    def shown(self) -> None:
        queue = self.query_one(OptionList)
        queue.focus()
        if not self.entries:
            self.query_one(StudentCardView).show_empty()
            return
        ids = [e.student_id for e in self.entries]
        focus = self.app.session.clock.subject
        if focus in ids:
            queue.highlighted = ids.index(focus)
        elif queue.highlighted is None:
            queue.highlighted = 0
        else:
            self.show_student(ids[queue.highlighted])

    @on(OptionList.OptionHighlighted, "#queue")
    def student_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_student(event.option.id)

    def show_student(self, student_id: str) -> None:
        entry = next(e for e in self.entries if e.student_id == student_id)
        self.shown_id = student_id
        self.shown_name = entry.name
        self.card = self.app.school.card(student_id)
        session = self.app.session
        if session.step.kind == "student_review":
            session.focus_student(student_id)
        self.query_one(StudentCardView).show(self.card, entry.name)
        self.post_message(self.StudentShown(student_id))

    def glossary_words(self) -> tuple[str, str]:
        """The flag reasons of the student under the cursor, for `?`."""
        entry = next((e for e in self.entries if e.student_id == self.shown_id), None)
        if entry is None:
            return "", ""
        return "\n".join(f.reason for f in entry.flags), "flag reasons"

    def time_box(self) -> str:
        """Time left in the time box of the student on the card."""
        session = self.app.session
        if self.shown_id is None:
            return ""
        spent = session.clock.subject_seconds(self.shown_id, session.now())
        left = session.protocol.student_minutes * 60 - spent
        return f"student {mmss(left)} {'over' if left < 0 else 'left'}"
