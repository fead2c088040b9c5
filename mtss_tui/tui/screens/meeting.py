"""The meeting itself: the agenda, the clock, and the pane of the current step."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Static

from mtss_tui.domain.clock import mmss
from mtss_tui.domain.team_norms import CATEGORY_TITLES
from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.screens.modals import ActionItemDialog, DecisionDialog
from mtss_tui.tui.steps import PANES, NotesPane, StudentReviewPane

NARROW = 110
"""Below this width the queue shows one line per student and panels shrink."""
WIDE = 150
"""From this width the agenda shows beside the queue and panels sit in a row."""


class MeetingScreen(Screen):
    CSS_PATH = "meeting.tcss"
    BINDINGS = [
        Binding("n", "next_step", "Next"),
        Binding("p", "previous_step", "Back"),
        Binding("space", "pause", "Pause"),
        Binding("plus,equals_sign", "extend", "+1 min"),
        Binding("d", "decision", "Decide"),
        Binding("a", "action_item", "Action"),
        Binding("m", "note", "Note"),
        Binding("c", "next_chart", "Chart"),
        Binding("t", "chart_table", "Table"),
        Binding("question_mark", "look_up", "Define"),
        Binding("g", "glossary", "Glossary"),
        Binding("f1", "glossary", "Glossary", show=False),
        Binding("ctrl+g", "look_up", "Define", show=False, priority=True),
        # The same actions while typing in a field, where letters are text.
        Binding("ctrl+n", "next_step", "Next step", show=False, priority=True),
        Binding("ctrl+b", "previous_step", "Prev step", show=False, priority=True),
        Binding("ctrl+a", "action_item", "Action item", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        session = self.app.session
        yield Static(markup=False, id="clock-bar")
        with Horizontal(id="meeting-body"):
            yield Static(markup=False, id="agenda")
            with Vertical(id="step-column"):
                yield Static(_norms_text(session.team_norms()), id="team-norms")
                with ContentSwitcher(id="steps"):
                    for step in session.protocol.steps:
                        yield PANES[step.kind](step)
        yield Footer()

    ENTRY_ACTIONS = frozenset(
        {
            "next_step",
            "previous_step",
            "pause",
            "extend",
            "decision",
            "action_item",
            "note",
        }
    )
    """What stops once the meeting is closed: its record is final."""

    def on_mount(self) -> None:
        self.query_one("#team-norms").border_title = "Team norms: read them first"
        self.show_step()

    REVIEW_ACTIONS = frozenset({"decision", "next_chart", "chart_table"})
    """What only the student review step offers."""

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that do nothing here are left out of the footer."""
        closed = self.app.minutes_path is not None
        if closed and action in self.ENTRY_ACTIONS | self.REVIEW_ACTIONS:
            return False
        if action in self.REVIEW_ACTIONS:
            return self.app.session.step.kind == "student_review"
        return True

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.set_class(NARROW <= self.size.width < WIDE, "-medium")
        for pane in self.query(StudentReviewPane):
            pane.set_compact(narrow)

    def show_step(self) -> None:
        session = self.app.session
        switcher = self.query_one(ContentSwitcher)
        switcher.current = f"step-{session.step.id}"
        norms = self.query_one("#team-norms")
        norms.display = session.clock.current == 0 and bool(session.team_norms())
        self.set_class(norms.display, "-norms")
        if session.step.kind != "student_review" and session.clock.subject:
            session.focus_student(None)
        self.query_one(f"#step-{session.step.id}").shown()
        self.refresh_bindings()
        self.refresh_clock()

    def refresh_clock(self) -> None:
        if not self.query("#clock-bar") or not self.query(ContentSwitcher):
            return  # the app's timer ticked before this screen was composed
        session = self.app.session
        clock = session.clock
        now = session.now()
        phase = clock.phase(now)
        remaining = clock.remaining(now)
        bar = self.query_one("#clock-bar", Static)
        for name in ("ok", "warning", "overtime"):
            bar.set_class(phase == name, f"-{name}")
        bar.set_class(not clock.running, "-paused")

        label = "over" if remaining < 0 else "left"
        state = "PAUSED · " if not clock.running else ""
        left_total = clock.total_planned() - clock.total_spent(now)
        total_label = "over" if left_total < 0 else "left"
        pane = self.query_one(ContentSwitcher).visible_content
        student = ""
        if isinstance(pane, StudentReviewPane) and pane.shown_id:
            student = pane.time_box()
            pane.refresh_forecast()
        if self.app.minutes_path:
            state = "CLOSED · "
        gap = " · " if self.has_class("-narrow") else "  ·  "
        parts = [
            f"{mmss(remaining)} {label}",
            student,
            f"meeting {mmss(left_total)} {total_label}",
        ]
        word = "" if self.has_class("-narrow") else "Step "
        # Time first: on the narrowest terminal the countdown still shows.
        bar.update(
            Text.assemble(
                f" {state}",
                (f"{mmss(remaining)} {label}", "bold"),
                gap,
                f"{word}{clock.current + 1}/{len(clock.steps)} ",
                (session.step.title, "bold"),
                *[piece for part in parts[1:] if part for piece in (gap, part)],
            )
        )
        self._refresh_agenda(now)

    def _refresh_agenda(self, now: float) -> None:
        session = self.app.session
        clock = session.clock
        lines = []
        for n, step in enumerate(session.protocol.steps):
            spent = clock.spent(now, n)
            planned = clock.steps[n].planned
            done = "✓" if n < clock.current else " "
            mark = "▶" if n == clock.current else done
            lines.append(
                f"{mark} {step.title}\n    {mmss(spent).lstrip('+')} of {mmss(planned)}"
            )
        self.query_one("#agenda", Static).update("\n".join(lines))

    def action_next_step(self) -> None:
        if self.app.session.next_step():
            self.show_step()
        else:
            self.notify("This is the last step: close the meeting here.")

    def action_previous_step(self) -> None:
        if self.app.session.previous_step():
            self.show_step()

    def action_pause(self) -> None:
        self.app.session.toggle_pause()
        self.refresh_clock()

    def action_extend(self) -> None:
        """A minute more for the step; in a review, for the student's box too.

        The student's extra minute is the step's extra minute: extending one
        box without the step would only push the rest of the queue over.
        """
        session = self.app.session
        session.extend(1)
        pane = self._review_pane()
        if pane is not None and session.step.kind == "student_review":
            session.extend_student(pane.ranked_ids, pane.shown_id)
            self.notify(f"Step and {pane.shown_id}'s time box extended by a minute")
        else:
            self.notify("Step extended by a minute")
        self.refresh_clock()

    def _review_pane(self) -> StudentReviewPane | None:
        pane = self.query_one(ContentSwitcher).visible_content
        if isinstance(pane, StudentReviewPane) and pane.shown_id:
            return pane
        return None

    def action_next_chart(self) -> None:
        pane = self._review_pane()
        if pane is not None:
            pane.query_one("#card").next_chart()

    def action_chart_table(self) -> None:
        pane = self._review_pane()
        if pane is not None:
            pane.query_one("#card").toggle_table()

    def action_decision(self) -> None:
        pane = self._review_pane()
        if pane is None:
            self.notify(
                "Decisions are recorded for the student on the card, in "
                "the student review step.",
                severity="warning",
            )
            return
        student_id = pane.shown_id
        choices = self.app.session.decision_choices()
        label = f"{pane.shown_name} ({student_id})"
        current = self.app.session.decision_of(student_id)

        def recorded(result: dict | None) -> None:
            if result is None:
                return
            try:
                decision_id = self.app.session.record_decision(
                    student_id, result["kind"], result["rationale"], pane.card
                )
            except MeetingError as error:
                self.notify(str(error), severity="error")
                return
            self.last_decision = (student_id, decision_id)
            pane.fill_queue()
            self.notify(
                f"Decision saved for {student_id}: press a to add an action item"
            )

        self.app.push_screen(DecisionDialog(label, choices, current), recorded)

    def action_action_item(self) -> None:
        session = self.app.session
        pane = self._review_pane()
        student_id = pane.shown_id if pane else None
        decision = getattr(self, "last_decision", None)
        decision_id = decision[1] if decision and decision[0] == student_id else None
        owners = [m["name"] for m in session.members() if m["present"]] or [
            m["name"] for m in session.members()
        ]
        about = f"{pane.shown_name} ({student_id})" if pane else "the team"

        def recorded(result: dict | None) -> None:
            if result is None:
                return
            try:
                session.add_action_item(
                    result["what"],
                    result["owner"],
                    result["due"],
                    student_id,
                    decision_id,
                )
            except MeetingError as error:
                self.notify(str(error), severity="error")
                return
            self.notify(f"Action item saved for {student_id or 'the team'}")
            pane_now = self.query_one(ContentSwitcher).visible_content
            if isinstance(pane_now, NotesPane):
                pane_now.reload()

        self.app.push_screen(ActionItemDialog(about, owners, date.today()), recorded)

    def action_note(self) -> None:
        """A note from any step, restricted or not, tied to the card's student."""
        from mtss_tui.tui.screens.note_dialog import NoteDialog

        session = self.app.session
        pane = self._review_pane()
        student_id = pane.shown_id if pane else None
        label = f"{pane.shown_name} ({student_id})" if pane else None

        def recorded(result: dict | None) -> None:
            if result is None:
                return
            about = student_id if result["about_student"] else None
            try:
                session.add_note(result["text"], about, result["restricted"])
            except MeetingError as error:
                self.notify(str(error), severity="error")
                return
            kind = "Restricted note" if result["restricted"] else "Note"
            self.notify(f"{kind} saved" + (f" for {about}" if about else ""))
            pane_now = self.query_one(ContentSwitcher).visible_content
            if isinstance(pane_now, NotesPane):
                pane_now.reload()

        self.app.push_screen(NoteDialog(label), recorded)

    def action_glossary(self) -> None:
        self.app.show_glossary()

    def action_look_up(self) -> None:
        """Define the glossary terms in the focused item: a flag, a card, a row."""
        focused = self.focused
        holders = [
            widget
            for widget in (focused.ancestors_with_self if focused else [])
            if hasattr(widget, "glossary_words")
        ]
        text, where = holders[0].glossary_words() if holders else ("", "")
        if not text:
            self.notify("Focus a flag, the card or an item first, then press ?")
            return
        self.app.look_up(text, where)

    @on(StudentReviewPane.StudentShown)
    def student_shown(self) -> None:
        self.refresh_clock()


def _norms_text(norms: list[tuple[str, str]]) -> Text:
    """One line per norm, the category named on its first."""
    text = Text()
    last = None
    for category, norm in norms:
        title = CATEGORY_TITLES[category] if category != last else ""
        text.append(f"{title:<15}", style="bold")
        text.append(f"{norm}\n")
        last = category
    text.rstrip()
    return text
