"""Every plotext call lives here, so a plotext upgrade touches one file.

A `ChartSpec` is drawn to ANSI text at the size of the widget showing it.
Each series role has its own glyph as well as its own colour, so no line is
told apart by colour alone; in ASCII mode the glyphs and the frame are plain
ASCII for terminals without Unicode. plotext keeps one global figure, so
charts are drawn one after another on the UI thread, never from a worker.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

import plotext as plt

from mtss_tui.domain.charts import ChartSpec


@dataclass(frozen=True)
class Look:
    colour: str
    line: str | None
    """plotext marker of the line, or None for points only."""
    point: str | None
    legend: str
    ascii_line: str | None
    ascii_point: str | None
    ascii_legend: str


LOOKS = {
    "scores": Look("cyan", "hd", "●", "●", ".", "o", "o"),
    "rate": Look("cyan", "hd", "◆", "◆", ".", "*", "*"),
    "count": Look("cyan", None, "▇", "▇", None, "#", "#"),
    "aim": Look("green", "═", None, "═", "=", None, "="),
    "trend": Look("orange", "·", None, "·", "~", None, "~"),
    "goal": Look("green", "┄", None, "┄", "_", None, "_"),
    "cut": Look("red", None, "×", "×", None, "x", "x"),
    "threshold": Look("red", "─", None, "─", "-", None, "-"),
}
"""How each series role is drawn: the same role looks the same on every chart."""
MARKER_COLOUR = "magenta"
RICH_NAMES = {"orange": "orange1"}
"""plotext colour names that rich spells otherwise."""

ASCII_FRAME = str.maketrans(
    {
        "─": "-",
        "│": "|",
        "┌": "+",
        "┐": "+",
        "└": "+",
        "┘": "+",
        "┬": "+",
        "┴": "+",
        "├": "+",
        "┤": "+",
        "┼": "+",
        "╭": "+",
        "╮": "+",
        "╰": "+",
        "╯": "+",
    }
)


SMALL_ROWS = 12
"""Below this many plot rows the goal line is left out: its level would squeeze
the scores and the aim line into the same rows."""


def drawn(spec: ChartSpec, height: int) -> list:
    """The series a chart of this height draws (and its legend names)."""
    small = height - 3 < SMALL_ROWS
    return [s for s in spec.series if not (small and s.role == "goal")]


def draw(spec: ChartSpec, width: int, height: int, ascii_only: bool = False) -> str:
    """The chart as ANSI text, `width` x `height` cells."""
    spec = replace(spec, series=drawn(spec, height))
    days = [d for s in spec.series for d in s.dates] + [m.date for m in spec.markers]
    origin = date.fromisoformat(min(days)) if days else date.today()
    last = max((_x(d, origin) for d in days), default=0)

    plt.clear_figure()
    plt.plotsize(max(width, 20), max(height, 6))
    plt.theme("clear")
    plt.frame(True)
    for marker in spec.markers:
        plt.vertical_line(_x(marker.date, origin), color=MARKER_COLOUR)
    for series in sorted(spec.series, key=lambda s: s.role in ("scores", "rate")):
        _draw_series(series, origin, ascii_only)

    points = sorted({d for s in spec.series for d in s.dates})
    ticks = _date_ticks([_x(d, origin) for d in points], points, width)
    if ticks:
        plt.xticks([t for t, _ in ticks], [label for _, label in ticks])
    if last == 0:
        plt.xlim(-1, 1)
    _y_axis(spec, max(height, 6))
    text = plt.build()
    return text.translate(ASCII_FRAME) if ascii_only else text


def _y_axis(spec: ChartSpec, height: int) -> None:
    """A y axis whose every row is a round value, labelled on the rows it names.

    plotext labels evenly spaced values on the nearest rows, which can sit half
    a row off the points; here each row is exactly lo + n x step.
    """
    values = [v for s in spec.series for v in s.values]
    if any(s.role == "count" for s in spec.series):
        values += [0.0, 1.0]  # bars stand on zero
    if not values:
        return
    rows = height - 3  # the frame's top, the x axis and its labels take three
    low, high = min(values), max(values)
    percent = any(s.role == "rate" for s in spec.series)
    step = _nice((high - low) / max(rows - 1, 1) or 1.0)
    while True:
        if percent:  # a rate tops out at 100%: count the rows down from there
            top = max(100.0, high)
            bottom = top - step * (rows - 1)
            if bottom <= low + 1e-9:
                break
        else:
            bottom = math.floor(low / step) * step
            top = bottom + step * (rows - 1)
            if top >= high - 1e-9:
                break
        step = _nice(step * 1.01)
    plt.ylim(bottom, top)
    every = max(1, math.ceil(rows / 6))
    ticks = [bottom + n * step for n in range(0, rows, every)]
    plt.yticks(ticks, [f"{round(t, 6):g}" for t in ticks])


def _nice(raw: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten at or above `raw`."""
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * power >= raw - 1e-12:
            return factor * power
    return 10 * power


def _draw_series(series, origin: date, ascii_only: bool) -> None:
    look = LOOKS[series.role]
    xs = [_x(d, origin) for d in series.dates]
    line = look.ascii_line if ascii_only else look.line
    point = look.ascii_point if ascii_only else look.point
    if not xs:
        return
    if series.role == "count":
        plt.bar(xs, series.values, marker=point, color=look.colour, width=3)
        return
    if line is not None and len(xs) > 1:
        plt.plot(xs, series.values, marker=line, color=look.colour)
    if point is not None:
        plt.scatter(xs, series.values, marker=point, color=look.colour)


def legend(
    spec: ChartSpec, ascii_only: bool = False, height: int = 99
) -> list[tuple[str, str]]:
    """(text, rich colour) pieces naming each line, for the row above the chart.

    plotext's own legend sits inside the plot and hides the first points.
    """
    pieces: list[tuple[str, str]] = [(f"{spec.title} ({spec.unit})  ", "bold")]
    if spec.low_confidence:
        pieces.append(("(low confidence)  ", "bold reverse"))
    for series in drawn(spec, height):
        look = LOOKS[series.role]
        glyph = look.ascii_legend if ascii_only else look.legend
        pieces.append((f"{glyph} {series.label}  ", _rich(look.colour)))
    if spec.markers:
        bar = "|" if ascii_only else "│"
        pieces.append((f"{bar} start of a plan", _rich(MARKER_COLOUR)))
    return pieces


def _rich(colour: str) -> str:
    return RICH_NAMES.get(colour, colour)


def _x(day: str, origin: date) -> int:
    return (date.fromisoformat(day) - origin).days


def _date_ticks(xs: list[int], dates: list[str], width: int) -> list[tuple[int, str]]:
    """A handful of 'Sep 14' labels that fit the width; 'Sep 2013' when the
    dates span more than a school year, so two Marches are told apart."""
    if not xs:
        return []
    form = "%b %Y" if xs[-1] - xs[0] > 300 else "%b %d"
    count = max(2, min(len(xs), width // 12))
    step = max(1, (len(xs) - 1) // (count - 1)) if count > 1 else 1
    picked = list(range(0, len(xs), step))
    if picked[-1] != len(xs) - 1:
        picked[-1] = len(xs) - 1
    return [(xs[i], date.fromisoformat(dates[i]).strftime(form)) for i in picked]
