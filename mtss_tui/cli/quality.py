"""`mtss quality`: a team's meeting foundations over its meetings, as text or JSON."""

from __future__ import annotations

import json

from mtss_tui.domain.quality import FOUNDATIONS

HEADINGS = {
    "started_on_time": "on time",
    "present_at_start": "75% start",
    "present_at_end": "75% end",
    "roles_filled": "roles",
    "ended_on_time": "ended",
    "next_meeting_scheduled": "next set",
}
"""Short column names, in the order of FOUNDATIONS."""


def _mark(value: str) -> str:
    return {"yes": "yes", "no": "no"}.get(value, "?")


def _answers(evaluation: dict[str, str]) -> str:
    """The self-evaluation answers in question order, e.g. `yes/so_so/yes/no`."""
    return "/".join(evaluation.values()) or "-"


def quality_text(report: dict, form: str) -> str:
    if form == "json":
        return json.dumps(report, indent=2) + "\n"
    meetings = report["meetings"]
    if not meetings:
        return f"No closed meeting of {report['team']} has a quality record yet.\n"

    header = ["date", "meeting", *HEADINGS.values(), "evaluation"]
    rows = [
        [
            m["date"],
            m["meeting_id"],
            *(_mark(m[name]) for name in FOUNDATIONS),
            _answers(m["evaluation"]),
        ]
        for m in meetings
    ]
    shares = report["shares"]
    rows.append(
        [
            "share met",
            "",
            *(
                f"{shares[n]['met']}/{shares[n]['known']}"
                if shares[n]["known"]
                else "-"
                for n in FOUNDATIONS
            ),
            "",
        ]
    )
    widths = [max(len(r[n]) for r in [header, *rows]) for n in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in [header, *rows]
    ]
    lines.append("? = not recorded; a share counts the meetings where it is known")
    return "\n".join(lines) + "\n"
