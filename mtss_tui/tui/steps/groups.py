"""Group assignment at a screening meeting: the grade by risk, students marked,
one intervention given to all of them at once."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from mtss_tui.services.groups import assign_group, group_of, screening_results
from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.steps.base import StepPane

RISK_LABELS = {"below": "at risk", "at": "meets cut", "unknown": "no score"}
"""A risk in words that hold for either direction of measure."""


class ScreeningGroupsPane(StepPane):
    BINDINGS = [
        Binding("space", "mark", "Mark"),
        Binding("g", "assign", "Give group"),
        Binding("m", "next_measure", "Measure"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_prompts()
        yield Static(markup=False, id="screening-status")
        yield DataTable(id="screening-table", cursor_type="row", zebra_stripes=True)
        yield Static(
            "space mark · g give the marked students one intervention · m next measure",
            classes="hint",
        )

    def on_mount(self) -> None:
        self.marked: set[str] = set()
        self.measure: str | None = None
        table = self.query_one(DataTable)
        table.add_columns("", "Student", "Score", "Cut", "Risk", "Group")
        self.reload()

    def shown(self) -> None:
        self.query_one(DataTable).focus()

    def reload(self) -> None:
        """The grade on the chosen measure, below the cut first; ✓ marks, groups."""
        session = self.app.session
        self.screening = screening_results(self.app.school, session.team, self.measure)
        self.measure = self.screening.measure
        groups = group_of(session.db, session.meeting_id)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        mark = "*" if self.app.ascii_only else "✓"
        for entry in self.screening.rows:
            table.add_row(
                mark if entry.student_id in self.marked else " ",
                Text(f"{entry.name} ({entry.student_id})"),
                "-" if entry.score is None else f"{entry.score:g}",
                "-" if entry.cut is None else f"{entry.cut:g}",
                RISK_LABELS[entry.risk],
                f"G{groups[entry.student_id]}" if entry.student_id in groups else "",
                key=entry.student_id,
            )
        if self.screening.rows:
            table.move_cursor(row=min(row, len(self.screening.rows) - 1))
        self._show_status()

    def _show_status(self) -> None:
        from mtss_tui.domain.screening import CORE_GOAL, grade_status

        status = grade_status(self.screening.rows)
        text = f"{self.measure or 'no screening measure'}: "
        if status.share is None:
            text += "no scores against a cut yet"
        else:
            below = status.judged - status.at_or_above
            text += (
                f"{status.at_or_above} of {status.judged} meet the cut "
                f"({status.share:.0%}; core goal {CORE_GOAL:.0%}) · {below} below"
            )
        text += f" · {len(self.marked)} marked"
        self.query_one("#screening-status", Static).update(text)

    def action_mark(self) -> None:
        table = self.query_one(DataTable)
        if not self.screening.rows:
            return
        student_id = self.screening.rows[table.cursor_row].student_id
        self.marked ^= {student_id}
        self.reload()
        if table.cursor_row < len(self.screening.rows) - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def action_next_measure(self) -> None:
        codes = self.screening.measures
        if len(codes) > 1:
            self.measure = codes[(codes.index(self.measure) + 1) % len(codes)]
            self.marked.clear()
            self.reload()

    def action_assign(self) -> None:
        from mtss_tui.tui.screens.group_dialog import GroupInterventionDialog

        if not self.marked:
            self.notify("Mark the group's students first (space).", severity="warning")
            return
        school = self.app.school
        measures = {
            code: m.domain
            for code, m in school.measures.items()
            if m.kind in ("progress", "rating")
        }
        people = [m["name"] for m in self.app.session.members()]
        # The marked students in the order the table shows them.
        chosen = [
            r.student_id for r in self.screening.rows if r.student_id in self.marked
        ]

        def given(result: dict | None) -> None:
            if result is None:
                return
            try:
                made = assign_group(self.app.session, chosen, result["plan"])
            except MeetingError as error:
                self.entry_failed(error)
                return
            self.marked.clear()
            self.reload()
            self.notify(f"Intervention given to {len(made)} students")

        self.app.push_screen(
            GroupInterventionDialog(
                len(chosen), measures, self.app.session.today(), people
            ),
            given,
        )
