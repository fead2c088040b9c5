"""Previous items: mark fidelity and effect of each open item, close or carry it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from mtss_tui.services.meeting import MeetingError
from mtss_tui.tui.steps.base import StepPane
from mtss_tui.tui.widgets.problems_review import ProblemsReview

WHAT_WIDTH = 38
"""The item's text is cut to this in the table; the line below shows it whole."""


class PreviousItemsPane(StepPane):
    BINDINGS = [
        Binding("i", "cycle('implementation')", "Implementation"),
        Binding("e", "cycle('effectiveness')", "Effect"),
        Binding("c", "outcome('closed')", "Close"),
        Binding("f", "carry", "Carry forward"),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_prompts()
        with VerticalScroll(id="wins-box"):
            yield Static("Wins first: gathering…", id="wins")
        yield ProblemsReview(id="problems-review")
        yield DataTable(id="previous-items", cursor_type="row", zebra_stripes=True)
        yield Static(markup=False, id="item-detail")
        yield Static(
            "i implementation · e effectiveness · c close · f carry forward "
            "(with a new due date)",
            classes="hint",
        )

    def on_mount(self) -> None:
        table = self.query_one("#previous-items", DataTable)
        table.add_columns(
            "Implementation", "Effect", "Outcome", "Due", "Owner", "For", "What"
        )
        self.reload()
        # The wins read every student's record: after the first paint, so the
        # norms and the items are on screen at once.
        self.call_after_refresh(self.show_wins)

    def shown(self) -> None:
        """Problems are reviewed first, when there are any; tab reaches the items."""
        problems = self.query_one(ProblemsReview)
        problems.reload()
        target = problems if problems.display else self
        target.query_one(DataTable).focus()

    def show_wins(self) -> None:
        """Wins since the last meeting, before the items: what worked comes first."""
        session = self.app.session
        school = self.app.school
        wins = session.wins(school)
        mark = "+" if self.app.ascii_only else "★"
        text = Text(
            f"Wins since {session.wins_since(school).isoformat()}", style="bold"
        )
        for win in wins:
            text.append(f"\n{mark} {win.text}", style="not bold")
        if not wins:
            text.append("\nNone found in the data this time.", style="not bold")
        self.query_one("#wins", Static).update(text)

    def glossary_words(self) -> tuple[str, str]:
        """The item under the cursor, with its marks, for `?`."""
        item = self._current()
        if item is None:
            return "", ""
        label = self.app.settings.vocabulary.label
        return (
            " ".join(
                [
                    item["what"],
                    label("implementation", item["implementation"]),
                    label("effectiveness", item["effectiveness"]),
                ]
            ),
            "item",
        )

    def reload(self) -> None:
        session = self.app.session
        label = self.app.settings.vocabulary.label
        self.items = session.previous_items()
        self.names = session.student_names(i["student_id"] for i in self.items)
        table = self.query_one("#previous-items", DataTable)
        row = table.cursor_row
        table.clear()
        for item in self.items:
            what = item["what"]
            if len(what) > WHAT_WIDTH:
                what = what[: WHAT_WIDTH - 1] + "…"
            table.add_row(
                Text(label("implementation", item["implementation"]) or "·"),
                Text(label("effectiveness", item["effectiveness"]) or "·"),
                Text(_OUTCOMES.get(item["outcome"], "open")),
                Text(item["due_date"] or "-"),
                Text(item["owner"]),
                Text(self.names.get(item["student_id"], "team")),
                Text(what),
                key=str(item["item_id"]),
            )
        if self.items:
            table.move_cursor(row=min(max(row, 0), len(self.items) - 1))
        self.show_detail()

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        item = self._current()
        detail = self.query_one("#item-detail", Static)
        if item is None:
            detail.update("No open items from earlier meetings.")
            return
        whom = self.names.get(item["student_id"], "the team")
        detail.update(
            Text.assemble(
                (item["what"], "bold"),
                f"\nfor {whom} · owner {item['owner']} · "
                f"due {item['due_date'] or '-'}"
                f" · from the meeting of {item['meeting_date']}",
            )
        )

    def _current(self) -> dict | None:
        table = self.query_one("#previous-items", DataTable)
        if not getattr(self, "items", None) or table.cursor_row < 0:
            return None
        return self.items[min(table.cursor_row, len(self.items) - 1)]

    def action_cycle(self, group: str) -> None:
        item = self._current()
        if item is None:
            return
        choices = getattr(self.app.settings.vocabulary, group)
        ids = [c.id for c in choices]
        now = item[group]
        chosen = ids[(ids.index(now) + 1) % len(ids)] if now in ids else ids[0]
        try:
            self.app.session.review_item(item["item_id"], **{group: chosen})
        except MeetingError as error:
            return self.entry_failed(error)
        self.reload()  # the table shows the new mark; no toast to hide the detail

    def action_outcome(self, outcome: str) -> None:
        item = self._current()
        if item is None:
            return
        try:
            self.app.session.review_item(item["item_id"], outcome=outcome)
        except MeetingError as error:
            return self.entry_failed(error)
        self.reload()
        self.show_wins()
        self.notify("Item closed")

    def action_carry(self) -> None:
        """Carry the item forward, as a new item the team may reword or re-date."""
        from datetime import date

        from mtss_tui.tui.screens.modals import ActionItemDialog

        item = self._current()
        if item is None:
            return
        owners = [m["name"] for m in self.app.session.members() if m["present"]]
        if item["owner"] not in owners:
            owners.append(item["owner"])

        def carried(result: dict | None) -> None:
            if result is None:
                return
            try:
                self.app.session.review_item(
                    item["item_id"], outcome="carried", carry=result
                )
            except MeetingError as error:
                return self.entry_failed(error)
            self.reload()
            self.notify(f"Carried forward, due {result['due']}")

        dialog = ActionItemDialog(
            "carry forward",
            owners,
            date.today(),
            what=item["what"],
            owner=item["owner"],
        )
        self.app.push_screen(dialog, carried)


_OUTCOMES = {"closed": "closed", "carried": "carried forward"}
