"""The chart area of the card: one chart at a time, or the numbers behind it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from mtss_tui.domain.charts import ChartSpec
from mtss_tui.tui.widgets.plot import draw, legend


class ChartView(Static):
    """Draws the chosen chart at the widget's own size, or its text table."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.charts: list[ChartSpec] = []
        self.index = 0
        self.as_table = False

    @property
    def chart(self) -> ChartSpec | None:
        return self.charts[self.index] if self.charts else None

    def show(self, charts: list[ChartSpec], keep: bool = True) -> None:
        """New charts; `keep` stays on the same kind of chart if the card has it."""
        key = self.chart.key.split(":")[0] if keep and self.chart else None
        self.charts = charts
        self.as_table = False
        self.remove_class("-table")
        kinds = [c.key.split(":")[0] for c in charts]
        self.index = kinds.index(key) if key in kinds else 0
        self.refresh_chart()

    def next_chart(self) -> None:
        if self.charts:
            self.index = (self.index + 1) % len(self.charts)
            self.refresh_chart()

    def toggle_table(self) -> None:
        self.as_table = not self.as_table
        self.set_class(self.as_table, "-table")  # the table takes the rows it needs
        self.refresh_chart()

    def on_resize(self) -> None:
        self.refresh_chart()

    def refresh_chart(self) -> None:
        width, height = self.content_size.width, self.content_size.height
        spec = self.chart
        if spec is None:
            self.update("no chart")
            return
        if self.as_table:
            self.update(table_text(spec))
            return
        if width < 10 or height < 4:
            return
        if not any(s.values for s in spec.series):
            self.update(f"{spec.title}: no data yet")
            return
        ascii_only = getattr(self.app, "ascii_only", False)
        text = Text(no_wrap=True, overflow="crop" if ascii_only else "ellipsis")
        for piece, colour in legend(spec, ascii_only, height - 1):
            text.append(piece, style=colour)
        position = f"  [{self.index + 1}/{len(self.charts)}: c next, t table]"
        text.append(position, style="dim")
        text.append("\n")
        text.append(Text.from_ansi(draw(spec, width, height - 1, ascii_only)))
        self.update(text)


def table_text(spec: ChartSpec) -> Text:
    """The chart's numbers as aligned plain text, one row a date."""
    headers, rows = spec.table()
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
        for i, h in enumerate(headers)
    ]
    lines = [
        f"{spec.title} ({spec.unit}): the numbers behind the chart  "
        "[t: back to the chart]",
        "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)),
    ]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    ]
    return Text("\n".join(lines))
