"""Measures, scores and cut scores from Ed-Fi assessments and their results.

An assessment may report several scores (raw, scale, Lexile); each is a
measure of its own, `<assessment>:<method>` in lower case with dashes, since
a raw score and a scale score cannot share one chart. They are screening
measures in the academics domain. Scores are a student's overall results;
objective-level and item-level results are not read.

Cut scores come only from what the metadata states: an assessment's
AssessmentPerformanceLevels for one reporting method. The cut is where the
lowest level ends, i.e. the smallest MinimumScore above the lowest level's
(for "Did Not Meet 0-28, Met 29-50, Advanced 45-50" that is 29). A
performance level holds whenever the test is given, so the cut is written for
every screening window, for each grade the assessment is for (`*` if none).
"""

from __future__ import annotations

import re
from collections import defaultdict

from mtss_tui.importers.batch import Batch
from mtss_tui.importers.edfi.descriptors import code_value, grade
from mtss_tui.importers.edfi.interchanges import Assessment, Collected, Place
from mtss_tui.importers.edfi.rows import day_of, emit

WINDOWS = ("fall", "winter", "spring")
NOT_NUMBERS = {"level", "letter", "range"}
"""Result datatypes that are not a score on a scale; such results are skipped."""

SCORE = "StudentAssessment/ScoreResult"
SHOWN = {
    "student_id": "StudentAssessment/StudentReference/StudentUniqueId",
    "date": "StudentAssessment/AdministrationDate",
    "value": f"{SCORE}/Result",
    "measure": f"{SCORE}/AssessmentReportingMethod",
    "cut": "AssessmentPerformanceLevel/MinimumScore",
}


def measure_code(assessment: str, method: str) -> str:
    def slug(text: str) -> str:
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

    return f"{slug(assessment)}:{slug(code_value(method))}" if method else ""


def build_assessments(found: Collected, batch: Batch) -> None:
    methods: dict[str, dict[str, Place]] = defaultdict(dict)
    for assessment in found.assessments.values():
        for method in assessment.methods + [m for _, m, _ in assessment.levels]:
            methods[assessment.identifier].setdefault(method, assessment.at)

    for result in found.results:
        given = [
            s for s in result.scores if code_value(s[2]).lower() not in NOT_NUMBERS
        ]
        batch.skip("scores", len(result.scores) - len(given))
        if not result.scores:
            batch.skip("scores")
        for method, value, _, line in given:
            at = Place(result.at.file, line)
            methods[result.assessment].setdefault(method, at)
            raw = {
                "student_id": result.student_id,
                "measure": measure_code(result.assessment, method),
                "date": day_of(result.date),
                "value": value,
                "source": "edfi",
            }
            emit(batch, "scores", at, raw, SHOWN)

    titles = _titles(found.assessments)
    for identifier, used in methods.items():
        for method, at in used.items():
            if not method:
                continue
            raw = {
                "measure": measure_code(identifier, method),
                "domain": "academics",
                "unit": code_value(method).lower(),
                "direction": "higher",
                "kind": "screening",
                "title": f"{titles.get(identifier, identifier)}: "
                f"{code_value(method).lower()}",
            }
            emit(batch, "measures", at, raw)

    for assessment in found.assessments.values():
        _cut_scores(assessment, batch)


def _titles(assessments: dict[str, Assessment]) -> dict[str, str]:
    """A readable title each; a title several assessments share gets their
    subject and grade added (four state tests are all "State Assessment")."""
    counts: dict[str, int] = defaultdict(int)
    for a in assessments.values():
        counts[a.title] += 1
    titles = {}
    for a in assessments.values():
        title = a.title or a.identifier
        if counts[a.title] > 1:
            extra = [code_value(a.subject), *(code_value(g) for g in a.grades)]
            title = ", ".join([title, *(e for e in extra if e)])
        titles[a.identifier] = title
    return titles


def _cut_scores(assessment: Assessment, batch: Batch) -> None:
    by_method: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for level, method, minimum in assessment.levels:
        try:
            by_method[method].append((float(minimum), code_value(level)))
        except ValueError:
            batch.faults.append(
                f"{assessment.at}: {SHOWN['cut']}: {minimum!r}: expected a number"
            )

    grades = [grade(g) for g in assessment.grades] or ["*"]
    for method, levels in by_method.items():
        lowest = min(minimum for minimum, _ in levels)
        above = sorted((m, name) for m, name in levels if m > lowest)
        if not method or not above:
            continue
        cut, name = above[0]
        for level_grade in grades:
            for window in WINDOWS:
                raw = {
                    "measure": measure_code(assessment.identifier, method),
                    "grade": level_grade,
                    "window": window,
                    "cut": f"{cut:g}",
                    "source": f"Ed-Fi performance level {name!r} from {cut:g}",
                }
                emit(batch, "cut_scores", assessment.at, raw, SHOWN)
