"""Every plotext call lives here, so a plotext upgrade touches one file.

Charts are drawn to a string of ANSI text at the size of the widget that shows
them. plotext keeps one global figure, so charts are drawn one after another
on the UI thread, never from a worker.
"""

from __future__ import annotations

from datetime import date

import plotext as plt

from mtss_tui.domain.card import ProgressChart

SCORE_COLOR = "cyan"
AIM_COLOR = "green"
TREND_COLOR = "orange"
PHASE_COLOR = "red"
LINE_MARKER = "hd"
"""Half-block lines read better than braille at meeting-room distance."""


def _day(text: str, origin: date) -> int:
    return (date.fromisoformat(text) - origin).days


def progress_chart(chart: ProgressChart, width: int, height: int) -> str:
    """Scores, aim line (baseline to goal), OLS trend and intervention starts.

    The aim line is drawn up to the last score, not out to the goal date, so
    the points keep the width of the chart; its legend names the goal.
    """
    origin = date.fromisoformat(chart.dates[0]) if chart.dates else date.today()
    xs = [_day(d, origin) for d in chart.dates]
    last_x = max(xs) if xs else 0

    plt.clear_figure()
    plt.plotsize(max(width, 20), max(height, 6))
    plt.theme("clear")
    plt.frame(True)
    for start, _name in chart.phase_starts:
        x = _day(start, origin)
        if 0 <= x <= last_x:
            plt.vertical_line(x, color=PHASE_COLOR)
    if chart.aim is not None:
        start, baseline, goal_date, goal = chart.aim
        x0, xg = _day(start, origin), _day(goal_date, origin)
        end = max(last_x, x0 + 1)
        slope = (goal - baseline) / (xg - x0) if xg != x0 else 0.0
        plt.plot(
            [x0, end],
            [baseline, baseline + slope * (end - x0)],
            marker=LINE_MARKER,
            color=AIM_COLOR,
        )
    if chart.trend is not None:
        start, first, end, last = chart.trend
        plt.plot(
            [_day(start, origin), _day(end, origin)],
            [first, last],
            marker=LINE_MARKER,
            color=TREND_COLOR,
        )

    if xs:
        # Scores last, so the team's actual points are never drawn over.
        plt.plot(xs, chart.values, marker=LINE_MARKER, color=SCORE_COLOR)
        plt.scatter(xs, chart.values, marker="●", color=SCORE_COLOR)

    ticks = _date_ticks(xs, chart.dates, width)
    plt.xticks([t for t, _ in ticks], [label for _, label in ticks])
    return plt.build()


def legend(chart: ProgressChart) -> list[tuple[str, str]]:
    """(text, colour) pieces naming each line, drawn by the widget above the plot.

    plotext's own legend sits inside the plot and hides the first points.
    """
    pieces = [(f"{chart.measure} ({chart.unit})  ", ""), ("● scores  ", SCORE_COLOR)]
    if chart.aim is not None:
        goal_date = date.fromisoformat(chart.aim[2])
        pieces.append(
            (f"━ aim: goal {chart.aim[3]:g} by {goal_date:%b %d %Y}  ", AIM_COLOR)
        )
    if chart.trend is not None:
        pieces.append(("━ trend  ", TREND_COLOR))
    if chart.phase_starts:
        pieces.append(("│ intervention start", PHASE_COLOR))
    return [(text, RICH_NAMES.get(colour, colour)) for text, colour in pieces]


RICH_NAMES = {"orange": "orange1"}
"""plotext colour names that rich spells otherwise."""


def _date_ticks(xs: list[int], dates: list[str], width: int) -> list[tuple[int, str]]:
    """A handful of 'Sep 14' labels that fit the width."""
    if not xs:
        return []
    count = max(2, min(len(xs), width // 12))
    step = max(1, (len(xs) - 1) // (count - 1)) if count > 1 else 1
    picked = list(range(0, len(xs), step))
    if picked[-1] != len(xs) - 1:
        picked[-1] = len(xs) - 1
    return [(xs[i], f"{date.fromisoformat(dates[i]):%b %d}") for i in picked]
