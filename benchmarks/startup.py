"""Benchmarks for the meeting app; run on purpose, they print figures.

    python benchmarks/startup.py [--runs N]

(a) Cold start of `mtss meet` to its first interactive screen, against a bare
    Textual app started the same way (a new process in a tmux terminal, timed
    until its first screen is on the pane), as a ratio. Target: at most 1.5x.
(b) Time to switch students at 120x40: the card built from the loaded records,
    its chart drawn, the screen laid out and rendered in full; p50 and p95
    over every student in the queue, five rounds. Textual then writes the
    frame at its next refresh (at most 1/60 s later). Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import shlex
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent


def first_screen_seconds(command: str, marker: str) -> float:
    """Seconds from starting `command` in tmux until `marker` is on the pane."""
    socket = f"mtss-bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket]
    start = time.perf_counter()
    subprocess.run(
        [
            *tmux,
            "new-session",
            "-d",
            "-s",
            "b",
            "-x",
            "120",
            "-y",
            "40",
            f"env -u PYTHONDONTWRITEBYTECODE TERM=xterm-256color {command}; sleep 30",
        ],
        check=True,
    )
    try:
        while time.perf_counter() - start < 30:
            pane = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True
            ).stdout
            if marker in pane:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{marker!r} never appeared")
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def reset(db: Path) -> None:
    """Each run must find no meeting in set-up, as a first start does."""
    time.sleep(0.3)  # the last run's process ends after its terminal closes
    conn = sqlite3.connect(db)
    conn.execute(
        "DELETE FROM meeting_attendance WHERE meeting_id IN "
        "(SELECT meeting_id FROM meetings WHERE status = 'setup')"
    )
    conn.execute("DELETE FROM meetings WHERE status = 'setup'")
    conn.commit()
    conn.close()


def cold_start(runs: int) -> None:
    from mtss_tui.services.school import write_sample

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        write_sample(db, "bench")
        python = shlex.quote(sys.executable)
        meet = f"{python} -m mtss_tui meet --db {shlex.quote(str(db))} --team grade-3"
        bare = f"{python} {shlex.quote(str(HERE / 'bare_app.py'))}"
        first_screen_seconds(bare, "bare app ready")  # warm the file cache
        reset(db)
        first_screen_seconds(meet, "ctrl+s start the clock")
        bare_times, meet_times = [], []
        for _ in range(runs):  # interleaved, so drift in the machine hits both
            bare_times.append(first_screen_seconds(bare, "bare app ready"))
            reset(db)
            meet_times.append(first_screen_seconds(meet, "ctrl+s start the clock"))

    bare_median = statistics.median(bare_times)
    meet_median = statistics.median(meet_times)
    print(f"(a) cold start to first screen, median of {runs}:")
    print(f"    bare Textual app  {bare_median * 1000:7.0f} ms")
    print(f"    mtss meet         {meet_median * 1000:7.0f} ms")
    print(f"    ratio             {meet_median / bare_median:7.2f}x  (target <= 1.5x)")


async def switch_students() -> None:
    from mtss_tui.config import load_settings
    from mtss_tui.paths import bundled
    from mtss_tui.services.school import write_sample
    from mtss_tui.store import open_db
    from mtss_tui.tui.app import MeetingApp

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        write_sample(path, "bench")
        app = MeetingApp(
            db=open_db(path),
            db_path=path,
            settings=load_settings(bundled("config")),
            team="grade-3",
            actor="bench",
            tick=False,
        )
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+s", "n")
            await pilot.pause()
            pane = app.screen.query_one("#step-students")
            ids = [entry.student_id for entry in pane.entries]
            timings = []
            for _round in range(5):
                for student_id in ids:
                    start = time.perf_counter()
                    pane.show_student(student_id)
                    # Lay out and render the whole screen now, as the next
                    # frame would; the event loop's idle waits are not work.
                    app.screen._refresh_layout()
                    app.screen._compositor.render_full_update()
                    timings.append(time.perf_counter() - start)
                    await pilot.pause()

    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"(b) switch student at 120x40 over {len(timings)} switches:")
    print(
        f"    p50 {p50 * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms  (target p95 <= 50)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cold_start(args.runs)
    asyncio.run(switch_students())


if __name__ == "__main__":
    main()
