"""One student's history across meetings: flags over time, plans and their
phases, every decision with its rationale, who recorded it and when, earlier
versions, the chart as the team saw it, action items and notes.

The chart is drawn from the chosen decision's snapshot, never from today's
data; `n` and `p` choose the decision, `c` and `t` work as on the meeting's
card.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from mtss_tui.services.review_history import DecisionRecord, StudentHistory
from mtss_tui.tui.review import history_text
from mtss_tui.tui.review.base import ReviewScreen, read_only_title
from mtss_tui.tui.widgets.chart import ChartView


class HistoryScreen(ReviewScreen):
    SECTION = "Student history"
    BINDINGS = [
        Binding("n", "choose(1)", "Next decision"),
        Binding("p", "choose(-1)", "Previous decision"),
        Binding("c", "next_chart", "Next chart"),
        Binding("t", "table", "Numbers"),
    ]

    def __init__(self, student_id: str) -> None:
        super().__init__()
        self.student_id = student_id
        self.history: StudentHistory | None = None
        self.chosen = 0
        self.title = read_only_title(f"History of {student_id}")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="history-student")
        with VerticalScroll(id="history-scroll"):
            yield Static(id="flags-over-time", classes="section")
            yield Static(id="plans", classes="section")
            yield Static(id="decisions", classes="section")
            yield Static(id="chart-title", classes="section")
            yield ChartView(id="snapshot-chart")
            yield Static(id="items", classes="section")
            yield Static(id="notes", classes="section")
        yield Footer()

    def on_mount(self) -> None:
        self.history = self.read(lambda: self.reviewer.history(self.student_id), None)
        history = self.history
        if history is None:
            self.query_one("#history-student", Static).update(
                Text(f"No student {self.student_id} in this database.")
            )
            self.query_one("#snapshot-chart").display = False
            return

        self.query_one("#history-student", Static).update(
            Text.assemble(
                (f"{history.student_id} {history.name}", "bold"),
                f" · grade {history.grade} · ",
                _count(len(history.decisions), "decision"),
            )
        )
        self.query_one("#flags-over-time", Static).update(
            history_text.flags_over_time(history)
        )
        self.query_one("#plans", Static).update(history_text.plans(history))
        self.query_one("#items", Static).update(history_text.items(history))
        self.query_one("#notes", Static).update(history_text.notes(history))
        self.chosen = max(len(history.decisions) - 1, 0)
        self.show_decision()
        self.query_one("#history-scroll").focus()

    @property
    def decision(self) -> DecisionRecord | None:
        if self.history is None or not self.history.decisions:
            return None
        return self.history.decisions[self.chosen]

    def show_decision(self) -> None:
        """The decisions, the chosen one marked, and its card's chart below."""
        history = self.history
        self.query_one("#decisions", Static).update(
            history_text.decisions(history, self.chosen)
        )
        decision = self.decision
        chart = self.query_one("#snapshot-chart", ChartView)
        self.query_one("#chart-title", Static).update(
            history_text.chart_heading(decision, self.chosen, len(history.decisions))
        )
        chart.display = bool(decision and decision.charts)
        if decision and decision.charts:
            chart.show(decision.charts, keep=True)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that do something for this student."""
        decision = self.decision
        if action == "choose":
            return len(self.history.decisions) > 1 if self.history else False
        if action in ("next_chart", "table"):
            return bool(decision and decision.charts)
        return True

    def action_choose(self, step: int) -> None:
        count = len(self.history.decisions)
        self.chosen = (self.chosen + step) % count
        self.show_decision()

    def action_next_chart(self) -> None:
        self.query_one("#snapshot-chart", ChartView).next_chart()

    def action_table(self) -> None:
        self.query_one("#snapshot-chart", ChartView).toggle_table()


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
