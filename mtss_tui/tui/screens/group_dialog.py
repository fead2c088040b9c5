"""The dialog that gives one intervention to every student marked in a group."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Select

from mtss_tui.domain.screening import GroupPlan, PlanProblem
from mtss_tui.tui.screens.modals import _EntryDialog


class GroupInterventionDialog(_EntryDialog):
    """Name, domain, tier, measure, goal and delivery of the group's intervention."""

    def __init__(
        self,
        count: int,
        measures: dict[str, str],
        today: date,
        interventionists: list[str],
    ) -> None:
        super().__init__()
        self.count = count
        self.measures = measures
        """Each progress measure the plan can be monitored on, and its domain."""
        self.today = today
        self.interventionists = interventionists

    def _field(self, label: str, widget) -> Vertical:
        return Vertical(Label(label), widget, classes="group-field")

    def compose(self) -> ComposeResult:
        domains = sorted(set(self.measures.values()))
        first = next(iter(self.measures), None)
        with Vertical(classes="dialog", id="group-dialog"):
            yield Label(
                Text(f"One intervention for the {self.count} students marked"),
                classes="dialog-title",
            )
            yield Grid(
                self._field("Name", Input(id="group-name", compact=True)),
                self._field(
                    "Measure",
                    Select(
                        [(m, m) for m in self.measures],
                        id="group-measure",
                        value=first if first else Select.NULL,
                        allow_blank=first is None,
                        compact=True,
                    ),
                ),
                self._field(
                    "Domain",
                    Select(
                        [(d, d) for d in domains],
                        id="group-domain",
                        value=self.measures[first] if first else Select.NULL,
                        allow_blank=first is None,
                        compact=True,
                    ),
                ),
                self._field(
                    "Tier",
                    Select(
                        [("Tier 2", 2), ("Tier 3", 3), ("Tier 1", 1)],
                        id="group-tier",
                        value=2,
                        allow_blank=False,
                        compact=True,
                    ),
                ),
                self._field(
                    "Goal (N, or +N each)",
                    Input(placeholder="90 or +20", id="group-goal", compact=True),
                ),
                self._field(
                    "Goal date",
                    Input(
                        value=(self.today + timedelta(weeks=8)).isoformat(),
                        id="group-goal-date",
                        compact=True,
                    ),
                ),
                self._field(
                    "Interventionist",
                    Select(
                        [(n, n) for n in self.interventionists],
                        prompt="(who)",
                        id="group-interventionist",
                        compact=True,
                    ),
                ),
                self._field(
                    "Frequency",
                    Input(placeholder="3x/week", id="group-frequency", compact=True),
                ),
                self._field(
                    "Minutes a session",
                    Input(placeholder="30", id="group-minutes", compact=True),
                ),
                id="group-fields",
            )
            yield Label("", classes="dialog-error")
            yield self._buttons()

    def on_mount(self) -> None:
        self.query_one("#group-name", Input).focus()

    @on(Select.Changed, "#group-measure")
    def measure_chosen(self, event: Select.Changed) -> None:
        """The domain follows the measure, unless changed after it."""
        if event.value in self.measures:
            self.query_one("#group-domain", Select).value = self.measures[event.value]

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value.strip()

    def action_save(self) -> None:
        minutes = self._value("group-minutes")
        if minutes and not minutes.isdigit():
            self._error("Minutes a session: a whole number, e.g. 30.")
            return
        measure = self.query_one("#group-measure", Select).value
        who = self.query_one("#group-interventionist", Select).value
        plan = GroupPlan(
            name=self._value("group-name"),
            domain=str(self.query_one("#group-domain", Select).value),
            tier=int(self.query_one("#group-tier", Select).value),
            measure="" if measure is Select.NULL else str(measure),
            goal=self._value("group-goal"),
            goal_date=self._value("group-goal-date"),
            interventionist="" if who is Select.NULL else str(who),
            frequency=self._value("group-frequency"),
            minutes=int(minutes) if minutes else None,
        )
        if not plan.goal:
            self._error("Give the goal: a value for all, or +N on each baseline.")
            return
        try:
            plan.check()
        except PlanProblem as problem:
            self._error(str(problem))
            return
        self.dismiss({"plan": plan})
