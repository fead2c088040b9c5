"""Incident rows: one per student per discipline incident they took part in.

Ed-Fi keeps the incident (date, time, place) apart from each student's part
in it (StudentDisciplineIncidentBehaviorAssociation) and from what was done
about it (DisciplineAction); the canonical row joins the three. Witnesses and
victims (non-offender associations) are not incidents of theirs and are left
out. An incident identifier is unique only within a school, so the row's id
is `<SchoolId>-<IncidentIdentifier>-<StudentUniqueId>`.
"""

from __future__ import annotations

from collections import defaultdict

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.edfi.descriptors import code_value
from mtss_tui.importers.edfi.interchanges import Behavior, Collected, Incident
from mtss_tui.importers.edfi.rows import emit, parse_date

SHOWN = {
    "student_id": "StudentDisciplineIncidentBehaviorAssociation/StudentUniqueId",
    "type": "DisciplineIncident/Behavior",
}


def build_incidents(found: Collected, batch: Batch) -> None:
    incidents = {(i.school, i.identifier): i for i in found.incidents}
    parts: dict[tuple[tuple[str, str], str], list[Behavior]] = defaultdict(list)
    for behavior in found.behaviors:
        key = found.incident_key(behavior.incident)
        if key is None:
            batch.faults.append(
                f"{behavior.at}: StudentDisciplineIncidentBehaviorAssociation/"
                f"DisciplineIncidentReference: {_shown(behavior.incident)!r}: "
                "expected a DisciplineIncident in the files"
            )
            continue
        parts[(key, behavior.student_id)].append(behavior)

    dates = {
        key: parse_date(i.date, i.at, "DisciplineIncident/IncidentDate", batch.faults)
        for key, i in incidents.items()
    }
    actions = _actions(found)
    involved = {key for key, _ in parts}
    batch.skip("incidents", sum(1 for k in incidents if k not in involved))
    for (key, student), behaviors in parts.items():
        incident = incidents[key]
        if dates[key] is None:
            continue
        raw = {
            "incident_id": f"{key[0]}-{key[1]}-{student}",
            "student_id": student,
            "date": dates[key].isoformat(),
            "time": incident.time[:5],
            "type": _type(incident, behaviors),
            "location": code_value(incident.location),
            "action": "; ".join(actions.get((key, student), [])),
        }
        emit(batch, "incidents", behaviors[0].at, raw, SHOWN)


def _type(incident: Incident, behaviors: list[Behavior]) -> str:
    """The student's behaviour, else the incident's, with its detail if given."""
    given = [(b.behavior, b.detail) for b in behaviors if b.behavior]
    named = []
    for behavior, detail in given or incident.behaviors:
        text = code_value(behavior)
        named.append(f"{text} ({detail})" if detail and text else text or detail)
    return "; ".join(dict.fromkeys(n for n in named if n))


def _actions(found: Collected) -> dict[tuple[tuple[str, str], str], list[str]]:
    """(incident, student) -> what was done, each kind of action named once."""
    done: dict[tuple[tuple[str, str], str], list[str]] = defaultdict(list)
    for action in found.actions:
        for reference in action.incidents:
            key = found.incident_key(reference)
            if key is None:
                continue
            for discipline in action.disciplines:
                name = code_value(discipline)
                if name and name not in done[(key, action.student_id)]:
                    done[(key, action.student_id)].append(name)
    return done


def _shown(reference: tuple[str, str] | str) -> str:
    return reference if isinstance(reference, str) else "/".join(reference)
