"""Meeting quality: judged and stored when a meeting closes, reported per team."""

from __future__ import annotations

import json

from mtss_tui.domain.quality import FOUNDATIONS, assess, shares
from mtss_tui.store import quality as store
from mtss_tui.store.audit import Recorder


def record_quality(recorder: Recorder, meeting_id: str, roles: tuple[str, ...]):
    """Judge the closing meeting's foundations and keep them with the meeting."""
    quality = assess(store.facts_of(recorder.db, meeting_id, roles))
    recorder.upsert(
        "meeting_quality",
        store.as_row(meeting_id, quality, recorder.now()),
        ["meeting_id"],
        meeting_id,
    )
    return quality


def quality_report(db, team: str) -> dict:
    """Each closed meeting's foundations, oldest first, and the share met of each."""
    meetings = []
    for row in store.team_quality(db, team):
        meetings.append(
            {
                "meeting_id": row["meeting_id"],
                "date": row["date"],
                "protocol": row["protocol"],
                **{name: row[name] for name in FOUNDATIONS},
                "start_minutes_late": row["start_minutes_late"],
                "share_present_at_start": row["share_present_at_start"],
                "share_present_at_end": row["share_present_at_end"],
                "roles_missing": [r for r in row["roles_missing"].split(",") if r],
                "planned_seconds": row["planned_seconds"],
                "actual_seconds": row["actual_seconds"],
                "evaluation": json.loads(row["evaluation"]),
            }
        )
    met = shares(meetings)
    return {
        "team": team,
        "meetings": meetings,
        "shares": {
            name: {"met": s.met, "known": s.known, "share": s.fraction}
            for name, s in met.items()
        },
    }
