"""Time boxes in a student review: will the students still to see fit the step?

Pure arithmetic over seconds passed in; the screen words the result.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StudentBox:
    """One student still to be seen: their box and what of it is already used."""

    box: float
    spent: float = 0.0

    @property
    def left(self) -> float:
        return max(0.0, self.box - self.spent)


@dataclass(frozen=True)
class QueueForecast:
    """The time the remaining students need against the time left in the step."""

    students: int
    needed: float
    """Seconds: what is left of each remaining student's box, added up."""
    step_left: float
    """Seconds left in the step (negative once it runs over)."""
    uniform_box: float | None
    """The box of every remaining student when all are equal and untouched."""

    @property
    def over(self) -> float:
        """Seconds the queue will run past the step's end; 0 when it fits."""
        return max(0.0, self.needed - self.step_left)

    @property
    def overrun(self) -> bool:
        return self.over > 0

    def text(self) -> str:
        """'7 students left × 5 min = 35 min > 22 min left in the step: ...'."""
        if not self.students:
            return "No students left to review."
        plural = "student" if self.students == 1 else "students"
        if self.uniform_box is not None:
            need = f"{self.students} {plural} left × {minutes(self.uniform_box)} = "
        else:
            need = f"{self.students} {plural} left, time boxes "
        need += minutes(self.needed)
        left = minutes(max(0.0, self.step_left))
        if self.overrun:
            return f"{need} > {left} left in the step: over by {minutes(self.over)}"
        return f"{need}, fits in the {left} left in the step"

    def short_text(self) -> str:
        """The same in a narrow column: '7 left, 35 min: over by 13 min'."""
        if not self.students:
            return "No students left."
        head = f"{self.students} left, {minutes(self.needed)}"
        if self.overrun:
            return f"{head}: over by {minutes(self.over)}"
        return f"{head}: fits"


def forecast(remaining: list[StudentBox], step_left: float) -> QueueForecast:
    """Project the queue: every remaining student uses what is left of their box."""
    boxes = {b.box for b in remaining}
    untouched = all(b.spent == 0 for b in remaining)
    uniform = boxes.pop() if len(boxes) == 1 and untouched else None
    return QueueForecast(
        students=len(remaining),
        needed=sum(b.left for b in remaining),
        step_left=step_left,
        uniform_box=uniform,
    )


def minutes(seconds: float) -> str:
    """'5 min', or '4.5 min' when not whole (to a tenth)."""
    value = round(seconds / 60, 1)
    return f"{value:g} min"
