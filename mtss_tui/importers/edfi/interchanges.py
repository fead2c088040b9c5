"""The records MTSS uses, taken out of each interchange as files are read.

Files may come in any order and one file's records refer to another's (an
attendance event to a session's calendar, a discipline action to an incident),
so reading only collects plain records here; `build` joins them afterwards.
Only the fields MTSS shows are kept: birth dates, addresses, telephone
numbers, e-mail addresses and the like are never read out of a record.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from mtss_tui.importers.edfi.xmlstream import Node, RecordHandler


@dataclass(frozen=True)
class Place:
    """Where a record was read: file and the line of its start tag."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Student:
    at: Place
    student_id: str
    given_name: str
    family_name: str


@dataclass
class Enrolment:
    at: Place
    student_id: str
    school: str
    entry_date: str
    grade: str
    exit_date: str


@dataclass
class AttendanceEvent:
    at: Place
    student_id: str
    school: str
    date: str
    category: str
    duration: str
    minutes: str


@dataclass
class SectionEvent:
    """A tardy or absence in one class (a section), where schools take
    attendance per class."""

    at: Place
    student_id: str
    date: str
    category: str
    period: str


@dataclass
class Session:
    at: Place
    school: str
    name: str
    begin: str
    end: str
    total_days: str


@dataclass
class CalendarDate:
    at: Place
    school: str
    date: str
    events: list[str]


@dataclass
class Incident:
    at: Place
    identifier: str
    school: str
    date: str
    time: str
    location: str
    behaviors: list[tuple[str, str]]


@dataclass
class Behavior:
    at: Place
    student_id: str
    incident: tuple[str, str] | str
    """(school, incident identifier), or the `ref` of the incident's `id`."""
    behavior: str
    detail: str


@dataclass
class Action:
    at: Place
    student_id: str
    date: str
    disciplines: list[str]
    incidents: list[tuple[str, str] | str]


@dataclass
class Assessment:
    at: Place
    identifier: str
    title: str
    subject: str
    grades: list[str]
    methods: list[str]
    levels: list[tuple[str, str, str]]
    """(performance level, reporting method, minimum score)."""


@dataclass
class AssessmentResult:
    at: Place
    student_id: str
    assessment: str
    date: str
    grade: str
    scores: list[tuple[str, str, str, int]]
    """(reporting method, result, result datatype, line)."""


@dataclass
class Intervention:
    at: Place
    code: str
    organisation: str
    begin: str
    end: str
    content: str
    diagnoses: list[str]
    classes: list[str]


@dataclass
class Placement:
    at: Place
    student_id: str
    code: str
    organisation: str
    dosage: str


@dataclass
class Collected:
    """Everything read from the folder, before the tables are built."""

    students: list[Student] = field(default_factory=list)
    enrolments: list[Enrolment] = field(default_factory=list)
    events: list[AttendanceEvent] = field(default_factory=list)
    section_events: list[SectionEvent] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    calendar_dates: list[CalendarDate] = field(default_factory=list)
    schools: dict[str, tuple[str, Place]] = field(default_factory=dict)
    """School id -> (name of the institution, where it was read)."""
    incidents: list[Incident] = field(default_factory=list)
    incident_ids: dict[str, tuple[str, str]] = field(default_factory=dict)
    """The XML `id` attribute of an incident -> (school, identifier)."""
    incident_keys: set[tuple[str, str]] = field(default_factory=set)
    behaviors: list[Behavior] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    assessments: dict[str, Assessment] = field(default_factory=dict)
    results: list[AssessmentResult] = field(default_factory=list)
    interventions: list[Intervention] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)
    """Records read but not imported on purpose, per canonical table."""

    def incident_key(self, reference: tuple[str, str] | str) -> tuple[str, str] | None:
        """(school, identifier) of the incident a reference names, if in the files."""
        if isinstance(reference, str):
            return self.incident_ids.get(reference)
        return reference if reference in self.incident_keys else None


def _student(node: Node) -> str:
    return node.get("StudentReference", "StudentIdentity", "StudentUniqueId")


def _school(node: Node, reference: str = "SchoolReference") -> str:
    return node.get(reference, "SchoolIdentity", "SchoolId")


def _incident_reference(node: Node) -> tuple[str, str] | str:
    identity = node.child("DisciplineIncidentIdentity")
    if identity is not None:
        return (_school(identity), identity.get("IncidentIdentifier"))
    return node.attrs.get("ref", "")


class Collector:
    """Record handlers for the interchanges MTSS reads, filling `Collected`."""

    def __init__(self) -> None:
        self.found = Collected()
        self.file = ""
        self._records = {
            "InterchangeStudent": {"Student": self.student},
            "InterchangeStudentEnrollment": {
                "StudentSchoolAssociation": self.enrolment
            },
            "InterchangeStudentAttendance": {
                "StudentSchoolAttendanceEvent": self.attendance,
                "StudentSectionAttendanceEvent": self.section_attendance,
            },
            "InterchangeEducationOrgCalendar": {
                "Session": self.session,
                "CalendarDate": self.calendar_date,
            },
            "InterchangeEducationOrganization": {"School": self.school},
            "InterchangeStudentDiscipline": {
                "DisciplineIncident": self.incident,
                "StudentDisciplineIncidentBehaviorAssociation": self.behavior,
                "DisciplineAction": self.action,
                "StudentDisciplineIncidentNonOffenderAssociation": self.left_out(
                    "incidents"
                ),
            },
            "InterchangeAssessmentMetadata": {"Assessment": self.assessment},
            "InterchangeStudentAssessment": {"StudentAssessment": self.result},
            "InterchangeStudentIntervention": {
                "Intervention": self.intervention,
                "StudentInterventionAssociation": self.placement,
            },
        }

    def handler_for(self, file: str, root: str) -> RecordHandler | None:
        """What reads a file with this root element; None for one MTSS skips."""
        records = self._records.get(root)
        if records is None:
            return None
        self.file = file

        def take(node: Node) -> None:
            handle = records.get(node.tag)
            if handle is not None:
                handle(node)

        return take

    def at(self, node: Node) -> Place:
        return Place(self.file, node.line)

    def left_out(self, table: str) -> RecordHandler:
        def count(node: Node) -> None:
            self.found.left_out[table] += 1

        return count

    def student(self, node: Node) -> None:
        self.found.students.append(
            Student(
                self.at(node),
                node.get("StudentUniqueId"),
                node.get("Name", "FirstName"),
                node.get("Name", "LastSurname"),
            )
        )

    def enrolment(self, node: Node) -> None:
        self.found.enrolments.append(
            Enrolment(
                self.at(node),
                _student(node),
                _school(node),
                node.get("EntryDate"),
                node.get("EntryGradeLevel"),
                node.get("ExitWithdrawDate"),
            )
        )

    def attendance(self, node: Node) -> None:
        self.found.events.append(
            AttendanceEvent(
                self.at(node),
                _student(node),
                _school(node),
                node.get("AttendanceEvent", "EventDate"),
                node.get("AttendanceEvent", "AttendanceEventCategory"),
                node.get("AttendanceEvent", "EventDuration"),
                node.get("SchoolAttendanceDuration"),
            )
        )

    def section_attendance(self, node: Node) -> None:
        section = node.child("SectionReference", "SectionIdentity")
        # The class period when the section names one, else its course code.
        period = ""
        if section is not None:
            period = section.get(
                "ClassPeriodReference", "ClassPeriodIdentity", "ClassPeriodName"
            ) or section.get("CourseOfferingReference", "CourseOfferingIdentity",
                             "LocalCourseCode")  # fmt: skip
        self.found.section_events.append(
            SectionEvent(
                self.at(node),
                _student(node),
                node.get("AttendanceEvent", "EventDate"),
                node.get("AttendanceEvent", "AttendanceEventCategory"),
                period or (section.get("SectionIdentifier") if section else ""),
            )
        )

    def session(self, node: Node) -> None:
        self.found.sessions.append(
            Session(
                self.at(node),
                _school(node),
                node.get("SessionName"),
                node.get("BeginDate"),
                node.get("EndDate"),
                node.get("TotalInstructionalDays"),
            )
        )

    def calendar_date(self, node: Node) -> None:
        identity = node.child("CalendarReference", "CalendarIdentity")
        self.found.calendar_dates.append(
            CalendarDate(
                self.at(node),
                _school(identity) if identity is not None else "",
                node.get("Date"),
                [e.text for e in node.each("CalendarEvent")],
            )
        )

    def school(self, node: Node) -> None:
        name = node.get("NameOfInstitution")
        self.found.schools[node.get("SchoolId")] = (name, self.at(node))

    def incident(self, node: Node) -> None:
        incident = Incident(
            self.at(node),
            node.get("IncidentIdentifier"),
            _school(node),
            node.get("IncidentDate"),
            node.get("IncidentTime"),
            node.get("IncidentLocation"),
            [
                (b.get("Behavior"), b.get("BehaviorDetailedDescription"))
                for b in node.each("Behavior")
            ],
        )
        self.found.incidents.append(incident)
        key = (incident.school, incident.identifier)
        self.found.incident_keys.add(key)
        if "id" in node.attrs:
            self.found.incident_ids[node.attrs["id"]] = key

    def behavior(self, node: Node) -> None:
        reference = node.child("DisciplineIncidentReference")
        self.found.behaviors.append(
            Behavior(
                self.at(node),
                _student(node),
                _incident_reference(reference) if reference is not None else "",
                node.get("Behavior"),
                node.get("BehaviorDetailedDescription"),
            )
        )

    def action(self, node: Node) -> None:
        self.found.actions.append(
            Action(
                self.at(node),
                _student(node),
                node.get("DisciplineDate"),
                [d.text for d in node.each("Discipline")],
                [
                    _incident_reference(r)
                    for r in node.descendants("DisciplineIncidentReference")
                ],
            )
        )

    def assessment(self, node: Node) -> None:
        identifier = node.get("AssessmentIdentifier")
        self.found.assessments[identifier] = Assessment(
            self.at(node),
            identifier,
            node.get("AssessmentTitle"),
            node.get("AcademicSubject"),
            [g.text for g in node.each("AssessedGradeLevel")],
            [s.get("AssessmentReportingMethod") for s in node.each("AssessmentScore")],
            [
                (
                    p.get("PerformanceLevel"),
                    p.get("AssessmentReportingMethod"),
                    p.get("MinimumScore"),
                )
                for p in node.each("AssessmentPerformanceLevel")
            ],
        )

    def result(self, node: Node) -> None:
        self.found.results.append(
            AssessmentResult(
                self.at(node),
                _student(node),
                node.get(
                    "AssessmentReference", "AssessmentIdentity", "AssessmentIdentifier"
                ),
                node.get("AdministrationDate"),
                node.get("WhenAssessedGradeLevel"),
                [
                    (
                        s.get("AssessmentReportingMethod"),
                        s.get("Result"),
                        s.get("ResultDatatypeType"),
                        s.line,
                    )
                    for s in node.each("ScoreResult")
                ],
            )
        )

    def intervention(self, node: Node) -> None:
        self.found.interventions.append(
            Intervention(
                self.at(node),
                node.get("InterventionIdentificationCode"),
                _organisation(node),
                node.get("BeginDate"),
                node.get("EndDate"),
                node.find("ContentIdentifier"),
                [d.text for d in node.each("Diagnosis")],
                [c.text for c in node.each("InterventionClass")],
            )
        )

    def placement(self, node: Node) -> None:
        identity = node.child("InterventionReference", "InterventionIdentity")
        found = identity is not None
        self.found.placements.append(
            Placement(
                self.at(node),
                _student(node),
                identity.get("InterventionIdentificationCode") if found else "",
                _organisation(identity) if found else "",
                node.get("Dosage"),
            )
        )


def _organisation(node: Node) -> str:
    return node.get(
        "EducationOrganizationReference",
        "EducationOrganizationIdentity",
        "EducationOrganizationId",
    )
