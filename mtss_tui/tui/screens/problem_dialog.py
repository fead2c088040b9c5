"""The TIPS problem record for a new concern, in one scrolling dialog.

It asks, in the form's order, for the precise problem statement (what, who,
where, when, how often, why as a hypothesis), the goal and its date, up to
three solution actions (category, what, who, by when), and how fidelity and
effectiveness will be measured. The session checks the record as a whole.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from mtss_tui.domain.dates import DateProblem, parse_day
from mtss_tui.services.problems import CATEGORIES
from mtss_tui.tui.screens.modals import _EntryDialog

FIELDS = [
    ("what", "What is the problem (the behaviour, observable)?"),
    ("who", "Who (students, groups)?"),
    ("location", "Where?"),
    ("timing", "When (time of day, activity)?"),
    ("how_often", "How often (the rate now)?"),
    ("why", "Why, as a hypothesis (what the behaviour gets or avoids)?"),
    ("goal", "Goal: the rate the team wants"),
    ("goal_date", "Goal by (YYYY-MM-DD)"),
    ("fidelity_measure", "Fidelity: what, how, when and who measures and reports"),
    ("effectiveness_measure", "Effectiveness: what, how and when is assessed"),
]
"""(field, question) for the statement, goal and measures."""

ACTION_ROWS = 3
"""Solution actions offered at once; a row left empty is not an action."""


class ProblemDialog(_EntryDialog):
    def __init__(self, owners: list[str], today: date) -> None:
        super().__init__()
        self.owners = owners
        self.today = today

    def compose(self) -> ComposeResult:
        default_due = (self.today + timedelta(days=14)).isoformat()
        categories = [(c.capitalize(), c) for c in CATEGORIES]
        with Vertical(classes="dialog"):
            yield Label("New problem (TIPS problem record)", classes="dialog-title")
            with VerticalScroll(id="problem-fields"):
                for field, question in FIELDS[:8]:
                    yield Label(question)
                    yield Input(id=f"problem-{field}")
                yield Label(
                    "Solution actions: category, what, who, by when",
                    classes="dialog-title",
                )
                for n in range(ACTION_ROWS):
                    with Horizontal(classes="action-row"):
                        yield Select(
                            categories, prompt="Category", id=f"action-{n}-category"
                        )
                        yield Select(
                            [(o, o) for o in self.owners],
                            prompt="Who",
                            id=f"action-{n}-owner",
                        )
                        yield Input(value=default_due, id=f"action-{n}-due")
                    yield Input(placeholder="What is to be done", id=f"action-{n}-what")
                for field, question in FIELDS[8:]:
                    yield Label(question)
                    yield Input(id=f"problem-{field}")
            yield Label("", classes="dialog-error")
            yield self._buttons()

    def on_mount(self) -> None:
        self.query_one("#problem-what", Input).focus()

    def action_save(self) -> None:
        problem = {
            field: self.query_one(f"#problem-{field}", Input).value
            for field, _question in FIELDS
        }
        missing = [
            question for field, question in FIELDS[:8] if not problem[field].strip()
        ]
        if missing:
            self._error(f"Still to answer: {missing[0]}")
            return
        try:
            parse_day(problem["goal_date"], "goal date", not_before=self.today)
        except DateProblem as error:
            self._error(str(error))
            return

        actions = []
        for n in range(ACTION_ROWS):
            what = self.query_one(f"#action-{n}-what", Input).value.strip()
            category = self.query_one(f"#action-{n}-category", Select).value
            owner = self.query_one(f"#action-{n}-owner", Select).value
            if not what:
                continue
            if category is Select.NULL or owner is Select.NULL:
                self._error(f"Action {n + 1}: choose its category and who does it.")
                return
            due = self.query_one(f"#action-{n}-due", Input).value.strip()
            try:
                parse_day(due, "by when", not_before=self.today)
            except DateProblem as error:
                self._error(f"Action {n + 1}: {error}")
                return
            actions.append(
                {"category": category, "what": what, "owner": owner, "due": due}
            )
        if not actions:
            self._error("Give at least one solution action (its what).")
            return
        self.dismiss({"problem": problem, "actions": actions})
