"""Previously defined problems, reviewed first: implementation and effect.

The table lists the team's open problems from earlier meetings; `i` and `e`
cycle the marks of the problem under the cursor, as for action items. The
line below shows the problem whole: its statement, goal and each solution
action with its state. The actions are action items too and are marked in
the items table below.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from mtss_tui.services.meeting import MeetingError

WHAT_WIDTH = 36


class ProblemsReview(Vertical):
    BINDINGS = [
        Binding("i", "cycle('implementation')", "Implementation"),
        Binding("e", "cycle('effectiveness')", "Effect"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Text("Previously defined problems", style="bold"), id="problems-title"
        )
        yield DataTable(id="problems", cursor_type="row", zebra_stripes=True)
        yield Static(markup=False, id="problem-detail")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            "Implementation", "Effect", "Goal by", "Actions done", "Problem"
        )
        self.reload()

    def reload(self) -> None:
        label = self.app.settings.vocabulary.label
        self.problems = self.app.session.problems_to_review()
        self.display = bool(self.problems)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for problem in self.problems:
            done = sum(a["status"] in ("done", "closed") for a in problem["actions"])
            what = problem["what"]
            if len(what) > WHAT_WIDTH:
                what = what[: WHAT_WIDTH - 1] + "…"
            table.add_row(
                Text(label("implementation", problem["implementation"]) or "·"),
                Text(label("effectiveness", problem["effectiveness"]) or "·"),
                Text(problem["goal_date"]),
                Text(f"{done} of {len(problem['actions'])}"),
                Text(what),
                key=str(problem["problem_id"]),
            )
        if self.problems:
            table.move_cursor(row=min(max(row, 0), len(self.problems) - 1))
        self.show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()  # the items table's own detail line is not this one's
        self.show_detail()

    def current(self) -> dict | None:
        table = self.query_one(DataTable)
        if not getattr(self, "problems", None) or table.cursor_row < 0:
            return None
        return self.problems[min(table.cursor_row, len(self.problems) - 1)]

    def show_detail(self) -> None:
        problem = self.current()
        detail = self.query_one("#problem-detail", Static)
        if problem is None:
            detail.update("")
            return
        text = Text.assemble(
            (problem["what"], "bold"),
            f"\nwho {problem['who']} · where {problem['location']} · when "
            f"{problem['timing']} · how often {problem['how_often']} · why "
            f"{problem['why']}\ngoal {problem['goal']} by {problem['goal_date']}",
        )
        for action in problem["actions"]:
            text.append(
                f"\n  {action['category']}: {action['what']} ({action['owner']}, "
                f"by {action['due_date'] or '-'}) {action['status']}"
            )
        detail.update(text)

    def action_cycle(self, group: str) -> None:
        problem = self.current()
        if problem is None:
            return
        ids = [c.id for c in getattr(self.app.settings.vocabulary, group)]
        now = problem[group]
        chosen = ids[(ids.index(now) + 1) % len(ids)] if now in ids else ids[0]
        try:
            self.app.session.review_problem(problem["problem_id"], **{group: chosen})
        except MeetingError as error:
            self.notify(str(error), severity="error", timeout=6)
            return
        self.reload()
