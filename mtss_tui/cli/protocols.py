"""`mtss protocols`: the protocol library as a table or JSON, and a file checked."""

from __future__ import annotations

import json

from mtss_tui.domain.protocol import Protocol


def _minutes(value: float) -> str:
    return f"{value:g}"


def protocols_text(protocols: dict[str, Protocol], form: str) -> str:
    """Name, title, minutes and scope of each protocol, by name."""
    ordered = [protocols[name] for name in sorted(protocols)]
    if form == "json":
        plain = [
            {
                "name": p.name,
                "title": p.title,
                "scope": p.scope,
                "minutes": p.planned_minutes,
                "steps": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "kind": s.kind,
                        "minutes": s.minutes,
                        "records": list(s.records),
                        "decisions": list(s.decisions),
                    }
                    for s in p.steps
                ],
            }
            for p in ordered
        ]
        return json.dumps(plain, indent=2) + "\n"

    rows = [
        (p.name, p.title, _minutes(p.planned_minutes), p.scope, str(len(p.steps)))
        for p in ordered
    ]
    header = ("name", "title", "minutes", "scope", "steps")
    widths = [max(len(r[n]) for r in [header, *rows]) for n in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


def valid_text(path, protocol: Protocol) -> str:
    """The line a file that passes every check gets."""
    return (
        f"{path}: valid protocol {protocol.name!r}, {len(protocol.steps)} steps, "
        f"{_minutes(protocol.planned_minutes)} minutes\n"
    )
