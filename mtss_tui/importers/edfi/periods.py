"""Class-period attendance: tardies and absences per section, where the
district takes attendance per class.

Only tardies and absences are kept (a present mark per class adds nothing the
daily record lacks); the period is the section's class period, or its course
code when the section names no period.
"""

from __future__ import annotations

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.edfi.descriptors import ATTENDANCE_CATEGORIES, code_value
from mtss_tui.importers.edfi.interchanges import Collected
from mtss_tui.importers.edfi.rows import day_of, emit

ELEMENT = "StudentSectionAttendanceEvent"


def build_period_attendance(found: Collected, batch: Batch) -> None:
    seen: set[tuple[str, str, str]] = set()
    for event in found.section_events:
        category = code_value(event.category)
        status = ATTENDANCE_CATEGORIES.get(category.lower())
        if status is None:
            batch.faults.append(
                f"{event.at}: {ELEMENT}/AttendanceEventCategory: {category!r}: "
                f"expected one of {', '.join(sorted(ATTENDANCE_CATEGORIES))}"
            )
            continue
        if status not in ("tardy", "absent_excused", "absent_unexcused"):
            batch.skip("period_attendance")
            continue

        key = (event.student_id, day_of(event.date), event.period)
        if key in seen:  # one mark per class and day
            batch.skip("period_attendance")
            continue
        seen.add(key)
        emit(
            batch,
            "period_attendance",
            event.at,
            {
                "student_id": event.student_id,
                "date": day_of(event.date),
                "period": event.period,
                "status": "tardy" if status == "tardy" else "absent",
            },
            {
                "student_id": f"{ELEMENT}/StudentUniqueId",
                "date": f"{ELEMENT}/EventDate",
                "period": f"{ELEMENT}/SectionReference",
            },
        )
