"""The student card: four domain panels, the progress chart and the rule result."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from mtss_tui.domain.attendance import SHORT
from mtss_tui.domain.card import StudentCard
from mtss_tui.domain.records import DOMAINS
from mtss_tui.tui.widgets.chart import ChartView

DOMAIN_TITLES = {
    "academics": "Academics",
    "attendance": "Attendance",
    "behavior": "Behavior",
    "life_skills": "Life skills",
}


class StudentCardView(VerticalScroll):
    """Shows one student's card; `show` replaces what is on it."""

    def compose(self) -> ComposeResult:
        yield Static(markup=False, id="card-title")
        with Grid(id="card-domains"):
            for domain in DOMAINS:
                yield Static(markup=False, id=f"panel-{domain}", classes="domain-panel")
        yield ChartView(id="card-chart")
        yield Static(markup=False, id="card-rule")
        yield Static(markup=False, id="card-months")

    def show(self, card: StudentCard, name: str) -> None:
        self.card = card
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
            flag = "!" if self.app.ascii_only else "⚑"
            for reason in panel.flags:  # flags first: they are why we are here
                body.append(f"{flag} {reason}\n", style="bold red")
            for line in panel.lines:
                body.append(line + "\n")
            body.rstrip()
            widget.update(body)

        self.query_one(ChartView).show(card.charts)
        self.show_note()
        self.query_one("#card-months", Static).update(_months_table(card))
        self.scroll_home(animate=False)

    def show_note(self) -> None:
        """The sentence under the chart: for progress, the rules in numbers."""
        chart = self.query_one(ChartView).chart
        note = self.query_one("#card-rule", Static)
        if chart is None:
            note.update("")
            return
        if not chart.key.startswith("progress:"):
            note.update(Text(chart.note))
            return
        measure = chart.key.split(":", 1)[1]
        analysis = next(a for a in self.card.progress if a["measure"] == measure)
        text = Text.assemble(("Decision rule: ", "bold"), chart.note)
        gap = "  -  " if self.app.ascii_only else "  ·  "
        if analysis["goal"] is not None:
            text.append(f"{gap}goal {analysis['goal']:g} by {analysis['goal_date']}")
        slopes = [
            f"{name} {value:+.2f}/week"
            for name, value in (
                ("aim", analysis["aim_slope_per_week"]),
                ("trend (OLS)", analysis["ols_slope_per_week"]),
            )
            if value is not None
        ]
        if slopes:
            text.append(gap + ", ".join(slopes))
        if chart.low_confidence:
            text.append(f"{gap}low confidence: under 8 points or 6 weeks", style="bold")
        note.update(text)

    def glossary_words(self) -> tuple[str, str]:
        """What the card says in words (panels, the rule under the chart), for `?`."""
        card = getattr(self, "card", None)
        if card is None:
            return "", ""
        lines = [line for panel in card.panels for line in panel.flags + panel.lines]
        note = self.query_one("#card-rule", Static).render()
        return "\n".join([*lines, str(note)]), "student card"

    def next_chart(self) -> None:
        self.query_one(ChartView).next_chart()
        self.show_note()

    def toggle_table(self) -> None:
        self.query_one(ChartView).toggle_table()

    def show_empty(self) -> None:
        """No student is flagged for this team: say so instead of a blank card."""
        self.query_one("#card-title", Static).update(
            "No student of this team is flagged by the rules: nothing to review."
        )


def _month_name(month: str) -> str:
    """'2026-09' as 'Sep'."""
    return date(2000, int(month[5:]), 1).strftime("%b")


def _months_table(card: StudentCard) -> Text:
    """Attendance, absences and incidents per month, one compact row each, then
    absences and tardies by weekday: the patterns a plan can aim at."""
    incidents = dict(card.incidents_by_month)
    pattern = card.attendance_pattern
    absences = {m["month"]: m["absences"] for m in pattern.get("months", [])}
    months = [m for m, _, _ in card.attendance_by_month]
    text = Text()
    text.append("Month     ", style="bold")
    text.append("  ".join(f"{_month_name(m):>5}" for m in months))
    text.append("\nAttend %  ", style="bold")
    text.append(
        "  ".join(
            f"{(1 - missed / days) * 100 if days else 0:5.1f}"
            for _, days, missed in card.attendance_by_month
        )
    )
    text.append("\nAbsences  ", style="bold")
    text.append("  ".join(f"{absences.get(m, 0):5d}" for m in months))
    text.append("\nIncidents ", style="bold")
    text.append("  ".join(f"{incidents.get(m, 0):5d}" for m in months))
    if pattern:
        text.append("\n\nWeekday   ", style="bold")
        text.append("  ".join(f"{day:>5}" for day in SHORT))
        for title, key in (
            ("Absent    ", "absences_by_weekday"),
            ("Tardy     ", "tardies_by_weekday"),
        ):
            counts = pattern[key]
            text.append(f"\n{title}", style="bold")
            text.append("  ".join(f"{n:5d}" for n in counts))
            text.append(f"   of {sum(counts)}")
    return text
