"""The order in which a team takes its flagged students, as the team changed it.

The school's ranking gives the first order (most urgent first); the team may
move a student up or down, or skip one to the end of the queue. Pure lists in,
lists out, so the service stores the result and a resumed meeting reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class QueuePlace:
    student_id: str
    skipped: bool = False
    extra_seconds: float = 0.0
    """Minutes added to this student's time box, in seconds."""


def arrange(ranked: list[str], stored: list[QueuePlace]) -> list[QueuePlace]:
    """The stored order for students still flagged, newly flagged ones after.

    A student no longer in the ranking (their flags cleared) leaves the queue.
    """
    still = set(ranked)
    kept = [place for place in stored if place.student_id in still]
    known = {place.student_id for place in kept}
    return kept + [QueuePlace(s) for s in ranked if s not in known]


def skip(order: list[QueuePlace], student_id: str) -> list[QueuePlace]:
    """Move a student to the end, marked skipped: the team comes back to them."""
    place = _find(order, student_id)
    rest = [p for p in order if p.student_id != student_id]
    return rest + [replace(place, skipped=True)]


def move(order: list[QueuePlace], student_id: str, delta: int) -> list[QueuePlace]:
    """Move a student `delta` places (negative: up), stopping at either end."""
    place = _find(order, student_id)
    rest = [p for p in order if p.student_id != student_id]
    index = min(max(order.index(place) + delta, 0), len(rest))
    return rest[:index] + [place] + rest[index:]


def extend(order: list[QueuePlace], student_id: str, seconds: float) -> list:
    return [
        replace(p, extra_seconds=p.extra_seconds + seconds)
        if p.student_id == student_id
        else p
        for p in order
    ]


def _find(order: list[QueuePlace], student_id: str) -> QueuePlace:
    for place in order:
        if place.student_id == student_id:
            return place
    raise ValueError(f"{student_id} is not in the queue")
