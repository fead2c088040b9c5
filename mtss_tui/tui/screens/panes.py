"""One pane per kind of protocol step; the meeting screen shows the current one."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    DataTable,
    Input,
    Label,
    OptionList,
    Select,
    Static,
)
from textual.widgets.option_list import Option

from mtss_tui.tui.widgets.student_card import StudentCardView


class StepPane(Vertical):
    """Base of every pane: the step's title and the prompts to read aloud."""

    def __init__(self, step, **kwargs) -> None:
        super().__init__(id=f"step-{step.id}", classes="step-pane", **kwargs)
        self.step = step

    def compose_prompts(self) -> ComposeResult:
        if self.step.prompts:
            yield Static(
                "\n".join(f"» {p}" for p in self.step.prompts), classes="prompts"
            )

    def shown(self) -> None:
        """Called when the pane becomes the current step."""


class PreviousItemsPane(StepPane):
    """Open items of earlier meetings: mark fidelity and effect, close or carry."""

    BINDINGS = [
        Binding("i", "cycle('implementation')", "Implementation"),
        Binding("e", "cycle('effectiveness')", "Effectiveness"),
        Binding("c", "outcome('closed')", "Close item"),
        Binding("f", "outcome('carried')", "Carry forward"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_prompts()
        yield DataTable(id="previous-items", cursor_type="row", zebra_stripes=True)
        yield Static(
            "i: implementation · e: effectiveness · c: close · f: carry forward",
            classes="hint",
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            "What", "For", "Owner", "Due", "Implementation", "Effectiveness", "Outcome"
        )
        self.reload()

    def shown(self) -> None:
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        session = self.app.session
        vocabulary = self.app.settings.vocabulary
        self.items = session_items = _previous_items(session)
        names = _names(self.app, [i["student_id"] for i in session_items])
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for item in session_items:
            table.add_row(
                item["what"],
                names.get(item["student_id"], "team"),
                item["owner"],
                item["due_date"] or "-",
                vocabulary.label("implementation", item["implementation"]) or "·",
                vocabulary.label("effectiveness", item["effectiveness"]) or "·",
                {"closed": "closed", "carried": "carried forward"}.get(
                    item["outcome"], "open"
                ),
                key=str(item["item_id"]),
            )
        if session_items:
            table.move_cursor(row=min(row, len(session_items) - 1))

    def _current(self) -> dict | None:
        table = self.query_one(DataTable)
        if not self.items or table.cursor_row < 0:
            return None
        return self.items[table.cursor_row]

    def action_cycle(self, group: str) -> None:
        item = self._current()
        if item is None:
            return
        ids = [c.id for c in getattr(self.app.settings.vocabulary, group)]
        now = item[group]
        chosen = ids[(ids.index(now) + 1) % len(ids)] if now in ids else ids[0]
        self.app.session.review_item(item["item_id"], **{group: chosen})
        self.reload()

    def action_outcome(self, outcome: str) -> None:
        item = self._current()
        if item is None:
            return
        self.app.session.review_item(item["item_id"], outcome=outcome)
        self.reload()
        self.notify(f"Item {'closed' if outcome == 'closed' else 'carried forward'}")


def _previous_items(session) -> list[dict]:
    from mtss_tui.store import queries

    return queries.previous_items(session.db, session.team, session.meeting_id)


def _names(app, student_ids) -> dict[str, str]:
    from mtss_tui.store import queries

    return queries.student_names(app.db, {s for s in student_ids if s})


class StudentReviewPane(StepPane):
    """The queue of flagged students beside the card of the one chosen."""

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
        self.entries = self.app.school.queue(self.app.session.team)
        self.shown_id: str | None = None
        self.compact = False
        self._fill_queue()

    def set_compact(self, compact: bool) -> None:
        """One line per student on narrow screens; every reason on wide ones."""
        if compact != self.compact:
            self.compact = compact
            self._fill_queue()

    def _fill_queue(self) -> None:
        queue = self.query_one(OptionList)
        highlighted = queue.highlighted
        queue.clear_options()
        for n, entry in enumerate(self.entries, 1):
            if self.compact:
                given, _, family = entry.name.partition(" ")
                prompt = Text(
                    f"{n:>2} {given} {family[:1]}. ⚑{len(entry.flags)}",
                    no_wrap=True,
                    overflow="ellipsis",
                )
            else:
                prompt = Text(f"{n:>2}. {entry.name} ⚑{len(entry.flags)}", style="bold")
                for flag in entry.flags:
                    prompt.append(f"\n    {flag.reason}", style="not bold")
            queue.add_option(Option(prompt, id=entry.student_id))
        if highlighted is not None:
            queue.highlighted = highlighted

    def shown(self) -> None:
        queue = self.query_one(OptionList)
        queue.focus()
        focus = self.app.session.clock.subject
        ids = [e.student_id for e in self.entries]
        if focus in ids:
            queue.highlighted = ids.index(focus)
        elif self.entries and queue.highlighted is None:
            queue.highlighted = 0
        elif queue.highlighted is not None:
            self.show_student(ids[queue.highlighted])

    @on(OptionList.OptionHighlighted, "#queue")
    def student_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_student(event.option.id)

    def show_student(self, student_id: str) -> None:
        entry = next(e for e in self.entries if e.student_id == student_id)
        self.shown_id = student_id
        self.card = self.app.school.card(student_id)
        session = self.app.session
        if session.step.kind == "student_review":
            session.focus_student(student_id)
        self.query_one(StudentCardView).show(self.card, entry.name)
        self.post_message(self.StudentShown(student_id))

    def time_box(self) -> str:
        from mtss_tui.domain.clock import mmss

        session = self.app.session
        if self.shown_id is None:
            return ""
        spent = session.clock.subject_seconds(self.shown_id, session.now())
        left = session.protocol.student_minutes * 60 - spent
        word = "over" if left < 0 else "left"
        return f"student {mmss(left)} {word}"


class NotesPane(StepPane):
    """New concerns and administrative items: notes, and action items with `a`."""

    def compose(self) -> ComposeResult:
        yield from self.compose_prompts()
        yield Input(
            placeholder="Type a note and press enter", id=f"note-{self.step.id}"
        )
        yield VerticalScroll(Static(id=f"notes-{self.step.id}"), classes="notes-log")
        yield Static(
            "enter: save note · ctrl+a: action item · ctrl+n: next step", classes="hint"
        )

    def on_mount(self) -> None:
        self.reload()

    def shown(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def save_note(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        self.app.session.add_note(event.value)
        event.input.value = ""
        self.reload()

    def reload(self) -> None:
        from mtss_tui.store import queries

        session = self.app.session
        notes = [
            n
            for n in queries.notes_of(session.db, session.meeting_id)
            if n["step_id"] == self.step.id
        ]
        items = [
            i
            for i in queries.items_of(session.db, session.meeting_id)
            if i["student_id"] is None and i["carried_from"] is None
        ]
        lines = [f"• {n['text']}" for n in notes]
        lines += [
            f"→ {i['what']} ({i['owner']}, by {i['due_date'] or '-'})" for i in items
        ]
        self.query_one(f"#notes-{self.step.id}", Static).update(
            "\n".join(lines) or "No notes yet."
        )


class EvaluationPane(StepPane):
    """The four evaluation questions, the next meeting, and closing."""

    def compose(self) -> ComposeResult:
        vocabulary = self.app.settings.vocabulary
        answers = [(a.label, a.id) for a in vocabulary.evaluation_answers]
        with VerticalScroll():
            for n, question in enumerate(vocabulary.evaluation_questions):
                yield Label(f"{n + 1}. {question}")
                yield Select(answers, prompt="(answer)", id=f"eval-{n}")
            yield Label("Next meeting (YYYY-MM-DD)")
            next_date = (date.today() + timedelta(days=14)).isoformat()
            yield Input(value=next_date, id="next-meeting")
            yield Label("", id="evaluation-error")
            yield Button(
                "Close meeting and write minutes", id="close-meeting", variant="success"
            )
            yield Static("", id="closed-message")

    def shown(self) -> None:
        self.query_one("#eval-0", Select).focus()

    @on(Select.Changed)
    def store_answer(self, event: Select.Changed) -> None:
        if event.value is Select.NULL or not (event.select.id or "").startswith(
            "eval-"
        ):
            return
        position = int(event.select.id.removeprefix("eval-"))
        self.app.session.answer_evaluation(position, str(event.value))

    @on(Button.Pressed, "#close-meeting")
    def close_meeting(self) -> None:
        from mtss_tui.services.meeting import MeetingError

        error = self.query_one("#evaluation-error", Label)
        try:
            self.app.session.set_next_meeting(
                self.query_one("#next-meeting", Input).value
            )
        except MeetingError as problem:
            error.update(str(problem))
            return
        path = self.app.session.close(self.app.db_path)
        self.app.meeting_closed(path)
        error.update("")
        self.query_one("#closed-message", Static).update(
            f"[b]Meeting closed.[/b] Minutes written to {path}\n"
            "Press ctrl+q to leave; `mtss minutes "
            f"{self.app.session.meeting_id}` prints them again."
        )
        self.notify(f"Minutes written to {path}", timeout=10)
