"""Intervention rows from StudentInterventionAssociation and its Intervention.

The association names the student and the intervention; the dates, the
program (its EducationContent) and the diagnosis are on the Intervention.
Ed-Fi has no tier: an intervention a district records for named students is
taken as Tier 2 (targeted), and the team changes it in the app when it is
more intensive. The domain is read off the diagnosis and intervention class
("Dropout Risk" -> attendance, "behavior" -> behavior), academics otherwise.
Dosage (minutes in Ed-Fi) becomes the plan's minutes.
"""

from __future__ import annotations

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.edfi.descriptors import intervention_domain
from mtss_tui.importers.edfi.interchanges import Collected
from mtss_tui.importers.edfi.rows import emit

DEFAULT_TIER = "2"
SHOWN = {
    "student_id": "StudentInterventionAssociation/StudentReference/StudentUniqueId",
    "start_date": "Intervention/BeginDate",
    "end_date": "Intervention/EndDate",
    "minutes": "StudentInterventionAssociation/Dosage",
    "name": "Intervention/InterventionIdentificationCode",
}


def build_interventions(found: Collected, batch: Batch) -> None:
    known = {(i.organisation, i.code): i for i in found.interventions}
    by_code = {i.code: i for i in found.interventions}
    for placement in found.placements:
        intervention = known.get((placement.organisation, placement.code))
        intervention = intervention or by_code.get(placement.code)
        if intervention is None:
            batch.faults.append(
                f"{placement.at}: StudentInterventionAssociation/InterventionReference"
                f": {placement.code!r}: expected an Intervention in the files"
            )
            continue

        raw = {
            "intervention_id": f"{intervention.code}-{placement.student_id}",
            "student_id": placement.student_id,
            "name": intervention.content or intervention.code,
            "domain": intervention_domain(
                *intervention.diagnoses, *intervention.classes
            ),
            "tier": DEFAULT_TIER,
            "start_date": intervention.begin.partition("T")[0],
            "end_date": intervention.end.partition("T")[0],
            "minutes": placement.dosage,
        }
        emit(batch, "interventions", placement.at, raw, SHOWN)
