"""The student card: four domain panels, the progress chart and the rule result."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from mtss_tui.domain.card import StudentCard
from mtss_tui.domain.records import DOMAINS
from mtss_tui.tui.widgets.plot import legend, progress_chart

DOMAIN_TITLES = {
    "academics": "Academics",
    "attendance": "Attendance",
    "behavior": "Behavior",
    "life_skills": "Life skills",
}


class ProgressChartView(Static):
    """Draws the progress chart at the widget's own size."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", **kwargs)
        self.chart = None

    def show(self, chart) -> None:
        self.chart = chart
        self.display = chart is not None
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        width, height = self.content_size.width, self.content_size.height
        if self.chart is None or width < 10 or height < 4:
            return
        if not self.chart.dates:
            self.update("no progress-monitoring scores yet")
            return
        text = Text(no_wrap=True, overflow="ellipsis")
        for piece, colour in legend(self.chart):
            text.append(piece, style=colour or "bold")
        text.append("\n")
        text.append(Text.from_ansi(progress_chart(self.chart, width, height - 1)))
        self.update(text)


class StudentCardView(VerticalScroll):
    """Shows one student's card; `show` replaces what is on it."""

    def compose(self) -> ComposeResult:
        yield Static(markup=False, id="card-title")
        with Grid(id="card-domains"):
            for domain in DOMAINS:
                yield Static(markup=False, id=f"panel-{domain}", classes="domain-panel")
        yield ProgressChartView(id="card-chart")
        yield Static(markup=False, id="card-rule")
        yield Static(markup=False, id="card-months")

    def show(self, card: StudentCard, name: str) -> None:
        flagged = len(card.flags)
        self.query_one("#card-title", Static).update(
            Text.assemble(
                (name, "bold"),
                f" · {card.student_id} · grade {card.grade} · "
                f"{flagged} flag{'s' if flagged != 1 else ''}",
            )
        )
        for panel in card.panels:
            widget = self.query_one(f"#panel-{panel.domain}", Static)
            widget.border_title = DOMAIN_TITLES[panel.domain]
            widget.set_class(bool(panel.flags), "-flagged")
            body = Text()
            for reason in panel.flags:  # flags first: they are why we are here
                body.append("⚑ " + reason + "\n", style="bold red")
            for line in panel.lines:
                body.append(line + "\n")
            body.rstrip()
            widget.update(body)

        chart = card.chart
        self.query_one(ProgressChartView).show(chart)
        rule = self.query_one("#card-rule", Static)
        if chart is None:
            rule.update("No progress monitoring: no intervention with a measure.")
        else:
            slopes = []
            if chart.aim_slope_per_week is not None:
                slopes.append(f"aim {chart.aim_slope_per_week:+.2f}/week")
            if chart.trend_slope_per_week is not None:
                slopes.append(f"trend (OLS) {chart.trend_slope_per_week:+.2f}/week")
            rule.update(
                Text.assemble(
                    ("Decision rule: ", "bold"),
                    chart.rule + (f"  ·  {', '.join(slopes)}" if slopes else ""),
                )
            )
        self.query_one("#card-months", Static).update(_months_table(card))
        self.scroll_home(animate=False)

    def show_empty(self) -> None:
        """No student is flagged for this team: say so instead of a blank card."""
        self.query_one("#card-title", Static).update(
            "No student of this team is flagged by the rules: nothing to review."
        )


def _month_name(month: str) -> str:
    """'2026-09' as 'Sep'."""
    return date(2000, int(month[5:]), 1).strftime("%b")


def _months_table(card: StudentCard) -> Text:
    """Attendance rate and incidents per month, one compact row each."""
    incidents = dict(card.incidents_by_month)
    text = Text()
    text.append("Month     ", style="bold")
    text.append(
        "  ".join(f"{_month_name(m):>5}" for m, _, _ in card.attendance_by_month)
    )
    text.append("\nAttend %  ", style="bold")
    text.append(
        "  ".join(
            f"{(1 - missed / days) * 100 if days else 0:5.0f}"
            for _, days, missed in card.attendance_by_month
        )
    )
    text.append("\nIncidents ", style="bold")
    text.append(
        "  ".join(f"{incidents.get(m, 0):5d}" for m, _, _ in card.attendance_by_month)
    )
    return text
