"""Ed-Fi descriptor values and what they mean in the canonical tables.

A descriptor arrives as a URI such as
`uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence`; districts
may publish their own namespace (`uri://district.edu/...`) with the same or
their own code values, so matching is on the code value after `#`, ignoring
case.
"""

from __future__ import annotations


def code_value(descriptor: str) -> str:
    """The part after `#` (a bare code value is returned as given)."""
    return descriptor.rpartition("#")[2].strip()


ATTENDANCE_CATEGORIES = {
    "excused absence": "absent_excused",
    "unexcused absence": "absent_unexcused",
    "tardy": "tardy",
    "partial": "partial",
    "early departure": "partial",
    "in attendance": "present",
    "present": "present",
}
"""The default Ed-Fi categories; any other code value is a fault, not a guess."""

MISSED_ORDER = ("absent_unexcused", "absent_excused", "partial", "tardy", "present")
"""When one day has two events, the one missing more of the day is kept."""

GRADE_LEVELS = {
    "infant/toddler": "IT",
    "preschool/prekindergarten": "PK",
    "early education": "PK",
    "kindergarten": "K",
    "first grade": "1",
    "second grade": "2",
    "third grade": "3",
    "fourth grade": "4",
    "fifth grade": "5",
    "sixth grade": "6",
    "seventh grade": "7",
    "eighth grade": "8",
    "ninth grade": "9",
    "tenth grade": "10",
    "eleventh grade": "11",
    "twelfth grade": "12",
}

UNKNOWN_GRADE = "unknown"
"""A student no enrolment or assessment places in a grade."""


def grade(descriptor: str) -> str:
    """The canonical short grade (`3`, `K`); other levels keep their code value."""
    value = code_value(descriptor)
    return GRADE_LEVELS.get(value.lower(), value)


INSTRUCTIONAL_EVENTS = {
    "instructional day",
    "make-up day",
    "student late arrival/early dismissal",
}
"""Calendar events on which students are expected; any other removes the day."""

INTERVENTION_DOMAINS = (
    ("attendance", ("attendance", "absen", "truan", "dropout", "engagement")),
    ("behavior", ("behavior", "behaviour", "conduct", "social", "emotional")),
    ("life_skills", ("life skill", "adaptive", "transition", "independent")),
)
"""Words in an intervention's diagnosis or class that choose its domain."""


def intervention_domain(*texts: str) -> str:
    """The card domain an intervention belongs to; academics unless a word says."""
    words = " ".join(code_value(t) for t in texts).lower()
    for domain, keys in INTERVENTION_DOMAINS:
        if any(key in words for key in keys):
            return domain
    return "academics"
