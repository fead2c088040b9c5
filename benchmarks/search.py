"""Search benchmark; run on purpose, it prints figures.

    python benchmarks/search.py [--entries 100000]

Fills a copy of the sample school with generated decisions and notes (half
each; the words drawn from a vocabulary of MTSS talk, so common and rare words
both occur) through plain INSERTs, which the triggers index as the app's own
writes are. Then times `store.search.search` (50 best hits, each joined to its
meeting and student, as `mtss search` and the review screen call it) over a
mix of queries: a rare word, a common word, two words, a prefix. Target: p95
at most 20 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from mtss_tui.services.school import write_sample
from mtss_tui.store import open_db
from mtss_tui.store.search import search

WORDS = [
    "reading",
    "fluency",
    "decoding",
    "phonics",
    "comprehension",
    "math",
    "facts",
    "fractions",
    "attendance",
    "tardy",
    "morning",
    "greeting",
    "family",
    "call",
    "check-in",
    "check-out",
    "mentor",
    "behavior",
    "plan",
    "reinforcement",
    "recess",
    "lunch",
    "transitions",
    "classroom",
    "hallway",
    "aim",
    "line",
    "trend",
    "goal",
    "baseline",
    "progress",
    "monitoring",
    "intervention",
    "tier",
    "intensify",
    "continue",
    "modify",
    "fade",
    "exit",
    "refer",
    "evaluation",
    "fidelity",
    "dosage",
    "sessions",
    "minutes",
    "weekly",
    "daily",
    "small",
    "group",
    "one-to-one",
    "counselor",
    "teacher",
    "parent",
    "conference",
    "schedule",
    "review",
    "data",
    "screening",
    "benchmark",
    "growth",
]
QUERIES = ["fidelity", "reading", "aim line", "interven", "family conference", "xylo"]
KINDS = ("continue", "intensify", "modify", "fade", "exit")


def fill(path: Path, entries: int, seed: int = 20261204) -> None:
    rng = random.Random(seed)
    db = open_db(path)
    students = [r[0] for r in db.execute("SELECT student_id FROM students")]
    meeting = db.execute("SELECT meeting_id FROM meetings LIMIT 1").fetchone()[0]

    def text() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 24)))

    with db.atomic():
        for number in range(entries // 2):
            db.execute(
                "INSERT INTO decisions (meeting_id, student_id, kind, rationale, "
                "recorded_by, recorded_at) VALUES (?, ?, ?, ?, 'bench', ?)",
                [meeting, rng.choice(students), rng.choice(KINDS), text(),
                 f"2026-{1 + number % 12:02d}-01T10:00:00"],
            )  # fmt: skip
            db.execute(
                "INSERT INTO notes (meeting_id, step_id, student_id, text, "
                "recorded_by, recorded_at) VALUES (?, 'students', ?, ?, 'bench', ?)",
                [meeting, rng.choice(students), text(), "2026-06-01T10:00:00"],
            )
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "school.db"
        write_sample(path, "bench")
        started = time.perf_counter()
        fill(path, args.entries)
        print(f"filled {args.entries} entries in {time.perf_counter() - started:.1f} s")

        db = open_db(path, readonly=True)
        times: dict[str, list[float]] = {q: [] for q in QUERIES}
        hits: dict[str, int] = {}
        for _ in range(args.rounds):
            for query in QUERIES:
                start = time.perf_counter()
                found = search(db, query, limit=50)
                times[query].append((time.perf_counter() - start) * 1000)
                hits[query] = len(found)
        db.close()

    every = sorted(t for values in times.values() for t in values)
    for query, values in times.items():
        values.sort()
        p95 = values[int(0.95 * (len(values) - 1))]
        p50 = statistics.median(values)
        print(
            f"{query!r:22} {hits[query]:3} hits  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms"
        )
    p95 = every[int(0.95 * (len(every) - 1))]
    print(f"all queries: p50 {statistics.median(every):.2f} ms, p95 {p95:.2f} ms "
          "(target: p95 at most 20 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
