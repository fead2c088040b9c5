"""Use cases over the school's data: the sample school, flags, student cards."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mtss_tui.config import Settings
from mtss_tui.domain.flags import FlagContext, evaluate, urgency
from mtss_tui.domain.records import Flag, StudentRecord
from mtss_tui.paths import bundled
from mtss_tui.services.teams import SchoolError
from mtss_tui.store import queries
from mtss_tui.store.audit import Recorder
from mtss_tui.store.db import Database, is_empty, open_db

if TYPE_CHECKING:
    from mtss_tui.domain.card import StudentCard

# The card's analysis and the importers load when first used, not at start-up.


@dataclass
class QueueEntry:
    """A flagged student in the order the team should see them."""

    student_id: str
    name: str
    grade: str
    flags: list[Flag]

    @property
    def urgency(self) -> float:
        return urgency(self.flags)


def write_sample(db_path: Path, actor: str, force: bool = False) -> dict[str, int]:
    """Load the bundled sample school into `db_path`, through the import path."""
    from mtss_tui.importers.canonical import read_folder, write_tables
    from mtss_tui.importers.history import load_history

    tables = read_folder(bundled("sample_data"))
    db = open_db(db_path)
    try:
        with db.atomic():  # checked inside the write lock: two first runs race
            if not is_empty(db) and not force:
                raise SchoolError(
                    f"{db_path} already holds a school; use --force to replace it"
                )
            if force:
                _clear(db)
            counts = write_tables(db, tables)
            counts["meetings"] = load_history(
                Recorder(db, actor), bundled("sample_data") / "history"
            )
        return counts
    finally:
        db.close()


def _clear(db: Database) -> None:
    for table in (
        "meeting_quality",
        "group_assignments",
        "meeting_wins",
        "norms_reviews",
        "problem_reviews",
        "problem_actions",
        "problems",
        "review_queue",
        "evaluations",
        "notes",
        "item_reviews",
        "action_items",
        "decision_revisions",
        "decisions",
        "student_times",
        "step_times",
        "meeting_roles",
        "meeting_attendance",
        "meetings",
        "interventions",
        "incidents",
        "period_attendance",
        "attendance",
        "scores",
        "team_members",
        "teams",
        "staff",
        "students",
        "cut_scores",
        "measures",
    ):
        db.execute(f"DELETE FROM {table}")


class School:
    """The school's data as one meeting sees it: records, flags, cards."""

    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.as_of = queries.as_of(db)
        self.measures = queries.measures(db)
        self.context = FlagContext(
            as_of=self.as_of,
            school_days=queries.school_days(db, self.as_of),
            measures=self.measures,
            cuts=[*settings.cuts.cut, *queries.cut_scores(db)],
            windows=settings.cuts.windows,
            norms=settings.norms,
        )
        self._records: dict[str, StudentRecord] = {}
        self._flags: dict[str, list[Flag]] = {}

    def records(self, student_ids: list[str]) -> dict[str, StudentRecord]:
        missing = [s for s in student_ids if s not in self._records]
        self._records.update(queries.student_records(self.db, missing))
        return {s: self._records[s] for s in student_ids if s in self._records}

    def flags_of(self, student_id: str) -> list[Flag]:
        """A student's flags, evaluated once (the queue and the card share them)."""
        if student_id not in self._flags:
            record = self.records([student_id])[student_id]
            self._flags[student_id] = evaluate(
                record, self.settings.flag_rules, self.context
            )
        return self._flags[student_id]

    def queue(self, team: str) -> list[QueueEntry]:
        """The team's flagged students, most urgent first (ties by id)."""
        ids = queries.team_student_ids(self.db, team)
        entries = []
        for student_id, record in self.records(ids).items():
            flags = self.flags_of(student_id)
            if flags:
                entries.append(QueueEntry(student_id, record.name, record.grade, flags))
        entries.sort(key=lambda e: (-e.urgency, -len(e.flags), e.student_id))
        return entries

    def analyses(self, student_id: str, measure: str | None = None) -> list:
        """The progress analysis of each monitored measure (or of one)."""
        from mtss_tui.domain.analysis import analyse

        records = self.records([student_id])
        if student_id not in records:
            raise SchoolError(f"no student {student_id!r}")
        record = records[student_id]
        monitored = {s.measure for s in record.scores} | {
            i.measure for i in record.interventions if i.measure
        }
        codes = [
            code
            for code, m in self.measures.items()
            if code in monitored
            and (m.kind in ("progress", "rating") or code == measure)
        ]
        if measure is not None:
            if measure not in self.measures:
                valid = ", ".join(sorted(self.measures))
                raise SchoolError(f"unknown measure {measure!r}; valid: {valid}")
            codes = [measure]
        return [
            analyse(record, self.measures[c], self.settings.norms, self.as_of)
            for c in codes
        ]

    def card(self, student_id: str) -> StudentCard:
        from mtss_tui.domain.card import build_card

        record = self.records([student_id])[student_id]
        return build_card(
            record,
            self.measures,
            self.flags_of(student_id),
            self.as_of,
            self.settings.norms,
            self.context.cuts,
            self.settings.cuts.windows,
        )
