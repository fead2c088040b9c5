"""Cold start of `mtss review` against a bare Textual app; prints medians.

    python benchmarks/review_startup.py [--runs N]

Each run is a new process in a tmux terminal, timed until its first screen
is on the pane (the meetings list for the review), interleaved with the bare
app so drift in the machine hits both, on the sample school with 100,000
generated decisions and notes added (`--entries`). Target: at most 1.5x the
bare app.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

from startup import HERE, first_screen_seconds

READY = "2 meetings"
"""On the meetings screen once the list is read: the review's first screen."""


def cold_start(runs: int, entries: int) -> None:
    from search import fill

    from mtss_tui.services.school import write_sample

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        write_sample(db, "bench")
        if entries:
            fill(db, entries)  # decisions and notes, as the search benchmark
        python = shlex.quote(sys.executable)
        review = f"{python} -m mtss_tui review --db {shlex.quote(str(db))}"
        bare = f"{python} {shlex.quote(str(HERE / 'bare_app.py'))}"
        first_screen_seconds(bare, "bare app ready")  # warm the file cache
        first_screen_seconds(review, READY)
        bare_times, review_times = [], []
        for _ in range(runs):
            bare_times.append(first_screen_seconds(bare, "bare app ready"))
            review_times.append(first_screen_seconds(review, READY))

    bare_median = statistics.median(bare_times)
    review_median = statistics.median(review_times)
    print(f"cold start to first screen, median of {runs}:")
    print(f"    bare Textual app  {bare_median * 1000:7.0f} ms")
    print(f"    mtss review       {review_median * 1000:7.0f} ms")
    print(
        f"    ratio             {review_median / bare_median:7.2f}x  (target <= 1.5x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--entries", type=int, default=100_000, help="generated decisions and notes"
    )
    args = parser.parse_args()
    cold_start(args.runs, args.entries)


if __name__ == "__main__":
    main()
