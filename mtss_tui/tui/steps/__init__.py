"""One pane per kind of protocol step; the meeting screen shows the current one."""

from mtss_tui.tui.steps.concerns import NewConcernsPane
from mtss_tui.tui.steps.evaluation import EvaluationPane
from mtss_tui.tui.steps.groups import ScreeningGroupsPane
from mtss_tui.tui.steps.notes import NotesPane
from mtss_tui.tui.steps.previous import PreviousItemsPane
from mtss_tui.tui.steps.review import StudentReviewPane
from mtss_tui.tui.steps.status import ScreeningStatusPane

PANES = {
    "previous_items": PreviousItemsPane,
    "student_review": StudentReviewPane,
    "new_concerns": NewConcernsPane,
    "admin": NotesPane,
    "discussion": NotesPane,
    "screening_status": ScreeningStatusPane,
    "screening_groups": ScreeningGroupsPane,
    "evaluation": EvaluationPane,
}
"""The pane that runs each step kind of a protocol."""

__all__ = [
    "PANES",
    "EvaluationPane",
    "NewConcernsPane",
    "NotesPane",
    "PreviousItemsPane",
    "ScreeningGroupsPane",
    "ScreeningStatusPane",
    "StudentReviewPane",
]
