"""The student history's sections as Rich text: plain words, marks that do
not rely on colour, and names and notes never read as markup."""

from __future__ import annotations

from rich.text import Text

from mtss_tui.services.review_history import DecisionRecord, StudentHistory


def _heading(title: str) -> Text:
    """A section's first line; the lines after it carry their own styles."""
    text = Text()
    text.append(title, style="bold underline")
    return text


def flags_over_time(history: StudentHistory) -> Text:
    text = _heading("Flags over time (from each decision's card)")
    if not history.decisions:
        text.append("\nNo decisions recorded, so no card was stored.")
    for day, meeting_id, reasons in history.flags_over_time:
        text.append(f"\n{day} ", style="bold")
        text.append(f"{meeting_id}: ", style="dim")
        if reasons is None:
            text.append("no flags stored with this decision", style="italic")
        elif not reasons:
            text.append("not flagged")
        else:
            for n, reason in enumerate(reasons):
                text.append(("\n    ! " if n else "! ") + reason)
    return text


def plans(history: StudentHistory) -> Text:
    text = _heading("Interventions and their phases")
    if not history.plans:
        text.append("\nNo interventions recorded.")
    for plan in history.plans:
        end = plan.end or "ongoing"
        on = f"{plan.measure} phase {plan.phase}" if plan.measure else "no measure"
        goal = (
            f"goal {plan.goal_value:g} by {plan.goal_date or 'no date'}"
            if plan.goal_value is not None
            else "no goal set"
        )
        baseline = f"baseline {plan.baseline:g}, " if plan.baseline is not None else ""
        text.append(f"\n{plan.start} to {end}  ", style="bold")
        text.append(f"Tier {plan.tier} {plan.name} ({plan.domain})")
        text.append(f"\n    {on}: {baseline}{goal}")
        if plan.interventionist:
            text.append(f"; {plan.interventionist}")
    return text


def decisions(history: StudentHistory, chosen: int) -> Text:
    text = _heading(f"Decisions ({len(history.decisions)})")
    if not history.decisions:
        text.append("\nNo decisions recorded for this student.")
    for n, d in enumerate(history.decisions):
        mark = "▶ " if n == chosen else "  "
        text.append(f"\n{mark}{d.meeting_date} ", style="bold")
        text.append(f"{d.meeting_id} · ")
        text.append(d.kind, style="bold")
        if d.revisions:
            text.append(f" (corrected {len(d.revisions)}×)")
        text.append(f"\n    Rationale: {d.rationale or '-'}")
        text.append(f"\n    recorded by {d.recorded_by or '-'} at {d.recorded_at}")
        for r in reversed(d.revisions):
            text.append(f"\n    corrected: was {r.kind}: {r.rationale}", style="italic")
            text.append(
                f"\n      (recorded by {r.recorded_by or '-'} at {r.recorded_at}, "
                f"replaced at {r.replaced_at})",
                style="dim",
            )
    return text


def chart_heading(decision: DecisionRecord | None, chosen: int, count: int) -> Text:
    """Which decision's chart is below, or plainly why there is none."""
    text = _heading("The chart as the team saw it")
    if decision is None:
        return text.append("\nNo decision, so no chart was stored.")
    which = f" (decision {chosen + 1} of {count}; n/p another)" if count > 1 else ""
    text.append(f"\n{decision.meeting_date} {decision.meeting_id}{which}")
    if not decision.charts:
        text.append(
            "\nThis decision's snapshot holds no chart data, so the chart the "
            "team saw cannot be shown.",
            style="italic",
        )
    else:
        text.append(
            f"\nFrom the card stored with the decision (data as of "
            f"{decision.card_as_of or 'unknown'}), not from today's data.",
            style="dim",
        )
    return text


def items(history: StudentHistory) -> Text:
    text = _heading(f"Action items ({len(history.items)})")
    if not history.items:
        text.append("\nNo action items for this student.")
    for i in history.items:
        text.append(f"\n{i.due_date or 'no date'} ", style="bold")
        text.append(f"{i.status}: {i.what} (owner {i.owner})")
        text.append(
            f"\n    {i.meeting_id}, recorded by {i.recorded_by or '-'} at "
            f"{i.recorded_at}",
            style="dim",
        )
    return text


def notes(history: StudentHistory) -> Text:
    text = _heading(f"Notes ({len(history.notes)})")
    if not history.notes and not history.hidden_notes:
        text.append("\nNo notes about this student.")
    for note in history.notes:
        text.append(f"\n{note.meeting_date} ", style="bold")
        if note.restricted:
            text.append("[RESTRICTED] ", style="bold reverse")
        text.append(note.text)
        text.append(
            f"\n    {note.meeting_id}, recorded by {note.recorded_by or '-'} at "
            f"{note.recorded_at}",
            style="dim",
        )
    if history.hidden_notes:
        words = "note is" if history.hidden_notes == 1 else "notes are"
        text.append(
            f"\n{history.hidden_notes} restricted {words} hidden; "
            "`mtss review --restricted` shows them.",
            style="italic",
        )
    return text
