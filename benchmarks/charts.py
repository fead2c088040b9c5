"""Chart benchmarks; run on purpose, they print figures.

    python benchmarks/charts.py

(a) One progress chart drawn at 120x40 through `tui/widgets/plot.draw`,
    against plotext's own build of the same figure (the same series, markers
    and size, called directly), as a ratio of medians. Target: at most 1.3x.
(b) A student card with its charts: the card built from the loaded record
    (analysis of each measure, chart data) and four charts drawn at 80x16
    (progress, attendance, incidents, a screener), p50 and p95 over every
    flagged student of the sample school. Target: p95 at most 50 ms.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import plotext as plt

from mtss_tui.config import load_settings
from mtss_tui.paths import bundled
from mtss_tui.services.school import School, write_sample
from mtss_tui.store import open_db
from mtss_tui.tui.widgets.plot import LOOKS, draw

ROUNDS = 30


def plotext_alone(spec, width: int, height: int) -> str:
    """The same figure with plotext calls only: the floor for `draw`."""
    days = [d for s in spec.series for d in s.dates] + [m.date for m in spec.markers]
    origin = date.fromisoformat(min(days))

    def x(day: str) -> int:
        return (date.fromisoformat(day) - origin).days

    plt.clear_figure()
    plt.plotsize(width, height)
    plt.theme("clear")
    for marker in spec.markers:
        plt.vertical_line(x(marker.date), color="magenta")
    for series in spec.series:
        look = LOOKS[series.role]
        xs = [x(d) for d in series.dates]
        if look.line and len(xs) > 1:
            plt.plot(xs, series.values, marker=look.line, color=look.colour)
        if look.point:
            plt.scatter(xs, series.values, marker=look.point, color=look.colour)
    return plt.build()


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        write_sample(path, "bench")
        db = open_db(path)
        school = School(db, load_settings(bundled("config")))
        flagged = [
            e.student_id for team in ("grade-2", "grade-3") for e in school.queue(team)
        ]
        spec = school.card("S3022").charts[0]

        ours = [timed(draw, spec, 120, 40) for _ in range(ROUNDS)]
        alone = [timed(plotext_alone, spec, 120, 40) for _ in range(ROUNDS)]
        ratio = statistics.median(ours) / statistics.median(alone)
        print("(a) one progress chart at 120x40, median of", ROUNDS)
        print(f"    plotext alone  {statistics.median(alone) * 1000:6.1f} ms")
        print(f"    mtss draw      {statistics.median(ours) * 1000:6.1f} ms")
        print(f"    ratio          {ratio:6.2f}x  (target <= 1.3x)")

        cards = []
        for _ in range(3):
            for student_id in flagged:
                start = time.perf_counter()
                card = school.card(student_id)
                kinds = {}
                for chart in card.charts:
                    kinds.setdefault(chart.key.split(":")[0], chart)
                for chart in list(kinds.values())[:4]:
                    draw(chart, 80, 16)
                cards.append(time.perf_counter() - start)
        cards.sort()
        p95 = cards[int(len(cards) * 0.95) - 1]
        print(f"(b) card with four charts, {len(cards)} cards:")
        print(
            f"    p50 {statistics.median(cards) * 1000:6.1f} ms   "
            f"p95 {p95 * 1000:6.1f} ms  (target p95 <= 50)"
        )
        db.close()


if __name__ == "__main__":
    main()
