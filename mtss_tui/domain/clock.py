"""The meeting clock: planned steps, time spent, pauses and overtime.

Time is always passed in (seconds from any monotonic or wall source), so the
clock is tested without sleeping and resumes from stored state after a crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field

WARNING_SECONDS = 60
"""A step turns to its warning colour when this many seconds or fewer are left."""


@dataclass
class StepTimer:
    """Plan and spending of one protocol step."""

    step_id: str
    planned: float
    """Seconds planned, including extensions."""
    spent: float = 0.0
    """Seconds spent in this step before the current stretch of running time."""


@dataclass
class MeetingClock:
    """Counts down the current step and records what each step and student took.

    The clock keeps only accumulated seconds and the moment the current stretch
    began; everything shown is derived from those and the `now` passed in.
    """

    steps: list[StepTimer]
    current: int = 0
    running_since: float | None = None
    """When the current stretch began, or None while paused."""
    subject: str | None = None
    """The student under discussion, whose time accumulates alongside the step."""
    subject_spent: dict[str, float] = field(default_factory=dict)

    @classmethod
    def plan(cls, steps: list[tuple[str, float]]) -> MeetingClock:
        """A clock for steps given as (step id, planned minutes)."""
        if not steps:
            raise ValueError("a meeting needs at least one step")
        return cls([StepTimer(step_id, minutes * 60) for step_id, minutes in steps])

    @property
    def running(self) -> bool:
        return self.running_since is not None

    @property
    def step(self) -> StepTimer:
        return self.steps[self.current]

    def start(self, now: float) -> None:
        """Start (or resume) counting the current step."""
        if self.running_since is None:
            self.running_since = now

    def pause(self, now: float) -> None:
        self._bank(now)
        self.running_since = None

    def toggle(self, now: float) -> None:
        if self.running:
            self.pause(now)
        else:
            self.start(now)

    def checkpoint(self, now: float) -> None:
        """Fold the running stretch into the totals, so stored state is current."""
        if self.running_since is not None:
            self._bank(now)
            self.running_since = now

    def next_step(self, now: float) -> bool:
        """Move to the next step; False when already on the last one."""
        return self._go(self.current + 1, now)

    def previous_step(self, now: float) -> bool:
        return self._go(self.current - 1, now)

    def extend(self, seconds: float = 60) -> None:
        self.step.planned += seconds

    def focus(self, subject: str | None, now: float) -> None:
        """Switch the student whose time is being counted."""
        self.checkpoint(now)
        self.subject = subject

    def spent(self, now: float, index: int | None = None) -> float:
        """Seconds spent in a step (the current one by default)."""
        index = self.current if index is None else index
        spent = self.steps[index].spent
        if index == self.current and self.running_since is not None:
            spent += max(0.0, now - self.running_since)
        return spent

    def remaining(self, now: float) -> float:
        """Seconds left in the current step; negative once it runs over."""
        return self.step.planned - self.spent(now)

    def overtime(self, now: float) -> float:
        return max(0.0, -self.remaining(now))

    def phase(self, now: float) -> str:
        """'ok', 'warning' (near the end) or 'overtime', for the colour shown."""
        remaining = self.remaining(now)
        if remaining < 0:
            return "overtime"
        if remaining <= min(WARNING_SECONDS, self.step.planned / 5 or WARNING_SECONDS):
            return "warning"
        return "ok"

    def subject_seconds(self, subject: str, now: float) -> float:
        spent = self.subject_spent.get(subject, 0.0)
        if subject == self.subject and self.running_since is not None:
            spent += max(0.0, now - self.running_since)
        return spent

    def total_spent(self, now: float) -> float:
        return sum(self.spent(now, index) for index in range(len(self.steps)))

    def total_planned(self) -> float:
        return sum(step.planned for step in self.steps)

    def to_state(self, now: float) -> dict:
        """A JSON-ready snapshot; a paused copy, so a crash never counts dead time."""
        self.checkpoint(now)
        return {
            "current": self.current,
            "running": self.running,
            "subject": self.subject,
            "subject_spent": dict(self.subject_spent),
            "steps": [
                {"step_id": s.step_id, "planned": s.planned, "spent": s.spent}
                for s in self.steps
            ],
        }

    @classmethod
    def from_state(cls, state: dict, now: float) -> MeetingClock:
        """Rebuild a clock; a clock that was running continues from `now`."""
        clock = cls(
            steps=[StepTimer(**step) for step in state["steps"]],
            current=state["current"],
            subject=state.get("subject"),
            subject_spent=dict(state.get("subject_spent", {})),
        )
        if state.get("running"):
            clock.running_since = now
        return clock

    def _go(self, index: int, now: float) -> bool:
        if not 0 <= index < len(self.steps):
            return False
        self.checkpoint(now)
        self.current = index
        return True

    def _bank(self, now: float) -> None:
        if self.running_since is None:
            return
        stretch = max(0.0, now - self.running_since)
        self.step.spent += stretch
        if self.subject is not None:
            self.subject_spent[self.subject] = (
                self.subject_spent.get(self.subject, 0.0) + stretch
            )


def mmss(seconds: float) -> str:
    """'04:59' for time left, '+01:05' for overtime (negative seconds)."""
    sign = "+" if seconds < 0 else ""
    whole = int(abs(seconds)) if seconds < 0 else int(seconds + 0.999)
    minutes, secs = divmod(whole, 60)
    return f"{sign}{minutes:02d}:{secs:02d}"
