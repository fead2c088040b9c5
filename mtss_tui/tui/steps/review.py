"""Student review: the queue of flagged students beside the card of the one chosen."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from mtss_tui.domain.clock import mmss
from mtss_tui.tui.steps.base import StepPane
from mtss_tui.tui.widgets.student_card import StudentCardView


class StudentReviewPane(StepPane):
    """The queue in the order the team keeps (stored), and the card.

    `s` skips the student under the cursor to the end of the queue; `[` and
    `]` (or shift+up and shift+down) move them up or down. The line under the
    queue projects whether the students still to decide fit in the step.
    """

    BINDINGS = [
        Binding("s", "skip", "Skip"),
        Binding("left_square_bracket,shift+up", "move(-1)", "Up"),
        Binding("right_square_bracket,shift+down", "move(1)", "Down"),
    ]

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
                yield Static(markup=False, id="queue-forecast")
            yield StudentCardView(id="card")

    def on_mount(self) -> None:
        self.ranked = self.app.session.review_queue(self.app.school)
        self.ranked_ids = [e.student_id for e in self.ranked]
        self.put_in_order(self.app.session.review_order(self.ranked_ids))
        self.shown_id: str | None = None
        self.compact = False
        self.fill_queue()

    def set_compact(self, compact: bool) -> None:
        """One line per student on narrow screens; every reason on wide ones."""
        if compact != self.compact:
            self.compact = compact
            self.fill_queue()

    def put_in_order(self, order) -> None:
        """Put the school's entries in the order the meeting keeps."""
        by_id = {e.student_id: e for e in self.ranked}
        self.entries = [by_id[p.student_id] for p in order]
        self.skipped = {p.student_id for p in order if p.skipped}

    def fill_queue(self) -> None:
        """The queue, with ✓ beside each student decided for, ↷ if skipped."""
        decided = self.app.session.decided_students()
        ascii_only = self.app.ascii_only
        flag_mark, done = ("!", "*") if ascii_only else ("⚑", "✓")
        skip_mark = ">" if ascii_only else "↷"
        queue = self.query_one(OptionList)
        highlighted = queue.highlighted
        queue.clear_options()
        short = _short_names(self.entries)
        for n, entry in enumerate(self.entries, 1):
            mark = " "
            if entry.student_id in decided:
                mark = done
            elif entry.student_id in self.skipped:
                mark = skip_mark
            if self.compact:
                prompt = Text(
                    f"{mark}{n:>2} {short[entry.student_id]} "
                    f"{flag_mark}{len(entry.flags)}",
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
        self.refresh_forecast()

    def refresh_forecast(self) -> None:
        """Will the students not yet decided fit in the step? Warn if not."""
        session = self.app.session
        line = self.query_one("#queue-forecast", Static)
        if session.step.id != self.step.id or not self.entries or session.student_id:
            # A meeting about one student has no queue to fit into the step.
            line.update("")
            return
        result = session.queue_forecast(self.ranked_ids)
        line.update(result.short_text() if self.compact else result.text())
        line.set_class(result.overrun, "-overrun")

    def action_skip(self) -> None:
        """Come back to this student later: to the end of the queue, marked."""
        if self.shown_id is None:
            return
        student_id = self.shown_id
        order = self.app.session.skip_student(self.ranked_ids, student_id)
        self._rearranged(order, student_id, follow=False)
        self.notify(f"{student_id} skipped: moved to the end of the queue")

    def action_move(self, delta: int) -> None:
        if self.shown_id is None:
            return
        student_id = self.shown_id
        order = self.app.session.move_student(self.ranked_ids, student_id, delta)
        self._rearranged(order, student_id, follow=True)

    def _rearranged(self, order, student_id: str, follow: bool) -> None:
        """Show the new order; the cursor stays with the student moved, or (after
        a skip) on the place they left, which now holds the next student."""
        queue = self.query_one(OptionList)
        place = queue.highlighted or 0
        self.put_in_order(order)
        self.fill_queue()
        ids = [e.student_id for e in self.entries]
        queue.highlighted = ids.index(student_id) if follow else place

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
        left = session.student_box(self.shown_id) - spent
        return f"student {mmss(left)} {'over' if left < 0 else 'left'}"


def _short_names(entries) -> dict[str, str]:
    """First name and initial for a narrow queue; where two students would
    read the same, the id instead of the initial tells them apart."""
    short = {}
    for entry in entries:
        given, _, family = entry.name.partition(" ")
        short[entry.student_id] = f"{given} {family[:1]}"
    seen = list(short.values())
    for entry in entries:
        if seen.count(short[entry.student_id]) > 1:
            given = entry.name.partition(" ")[0]
            short[entry.student_id] = f"{given[:7]} {entry.student_id}"
    return short
