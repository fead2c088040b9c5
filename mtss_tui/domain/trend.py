"""Trend lines through progress scores: ordinary least squares and Tukey.

x is in weeks from the first point (real dates, so a missed week counts), y
is the score. Both return a slope per week and the line's value at the
first point, or None when the points cannot carry a line.
"""

from __future__ import annotations

from mtss_tui.domain.progress import Point, median, weeks_between


def ols_line(points: list[Point]) -> tuple[float, float] | None:
    """(value at the first point's date, slope per week) by least squares.

    slope = sum((x - mean x)(y - mean y)) / sum((x - mean x)^2)
    """
    if len(points) < 2:
        return None
    origin = points[0].on
    xs = [weeks_between(origin, p.on) for p in points]
    ys = [p.value for p in points]
    mean_x = sum(xs) / len(xs)
    mean_y = sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    return mean_y - slope * mean_x, slope


def ols_slope(points: list[Point]) -> float | None:
    line = ols_line(points)
    return line[1] if line else None


def thirds(count: int) -> tuple[int, int, int]:
    """Sizes of Tukey's three sections: equal, else the spare point(s) balanced.

    One spare point goes to the middle section; two go one to each end.
    """
    size, spare = divmod(count, 3)
    if spare == 1:
        return size, size + 1, size
    if spare == 2:
        return size + 1, size, size + 1
    return size, size, size


def tukey_line(points: list[Point]) -> tuple[float, float] | None:
    """(value at the first point's date, slope per week) by the split-middle medians.

    The series is cut in three; in the first and last thirds the median week
    and the median score mark a point each, and the trend runs through both
    (Hutton, Dubes & Muir, 1992).
    """
    if len(points) < 3:
        return None
    first, _, last = thirds(len(points))
    if first == 0:
        return None
    origin = points[0].on
    start, end = points[:first], points[-last:]
    x1 = median(weeks_between(origin, p.on) for p in start)
    y1 = median(p.value for p in start)
    x3 = median(weeks_between(origin, p.on) for p in end)
    y3 = median(p.value for p in end)
    if x3 == x1:
        return None
    slope = (y3 - y1) / (x3 - x1)
    return y1 - slope * x1, slope


def tukey_slope(points: list[Point]) -> float | None:
    line = tukey_line(points)
    return line[1] if line else None
