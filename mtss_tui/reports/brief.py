"""The data analyst's brief as Markdown or HTML.

Both formats come from one outline (a title, then sections of list items and
one table), so they never say different things. Everything from the school's
data is escaped for the format: a name may hold `<`, `&` or `*`.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from mtss_tui.services.brief import Brief

VERDICT_WORDS = {
    "raise_goal": "raise the goal",
    "change_intervention": "change the intervention",
    "continue": "continue",
    "insufficient_data": "insufficient data",
    "no_measure": "no measure",
}

DOMAIN_TITLES = {
    "academics": "Academics",
    "attendance": "Attendance",
    "behavior": "Behavior",
    "life_skills": "Life skills",
}


@dataclass
class Part:
    """A run of text; `strong` parts are bold. Text is plain, escaped on output."""

    text: str
    strong: bool = False


@dataclass
class Section:
    title: str
    lead: list[Part] = field(default_factory=list)
    items: list[tuple[list[Part], list[str]]] = field(default_factory=list)
    """Each item: its line, then sub-lines (reasons)."""
    table: tuple[list[str], list[list[str]]] | None = None
    empty: str = "none"


def outline(brief: Brief) -> tuple[str, list[Part], list[Section]]:
    title = f"Data brief: {brief.team_title}, {brief.on.isoformat()}"
    last = brief.last_meeting
    lead = [Part(f"Data as of {brief.as_of.isoformat()}, the last school day. ")]
    if last:
        lead.append(
            Part(
                f"Last meeting: {last['meeting_id']} on {last['date']}; flags then "
                "as stored with its decisions, else worked out from the data up to "
                "that day."
            )
        )
    else:
        lead.append(Part("No earlier meeting: every flag is new."))

    sections = [
        Section(
            "Newly flagged since the last meeting",
            items=[_student(s) for s in brief.newly_flagged],
        ),
        Section(
            "New flags for students flagged before",
            items=[_student(s) for s in brief.new_flags],
        ),
        Section(
            "Students under intervention",
            items=[
                (
                    [
                        Part(f"{p.student_id} {p.name}", strong=True),
                        Part(
                            f", {p.intervention} (Tier {p.tier}"
                            + (f", {p.measure}" if p.measure else "")
                            + "): "
                        ),
                        Part(VERDICT_WORDS.get(p.verdict, p.verdict), strong=True),
                    ],
                    [p.reason],
                )
                for p in brief.plans
            ],
        ),
        Section(
            "Open action items",
            items=[_item(i) for i in brief.items if i.status != "done"],
        ),
        Section(
            "Action items done since the last meeting",
            items=[_item(i) for i in brief.items if i.status == "done"],
        ),
        _figures(brief),
    ]
    return title, lead, sections


def _student(student) -> tuple[list[Part], list[str]]:
    return (
        [
            Part(f"{student.student_id} {student.name}", strong=True),
            Part(f" (grade {student.grade})"),
        ],
        student.reasons,
    )


def _item(item) -> tuple[list[Part], list[str]]:
    if item.status == "overdue":
        days = "day" if item.days_overdue == 1 else "days"
        head = Part(
            f"overdue since {item.due_date} ({item.days_overdue} {days})", strong=True
        )
    elif item.status == "due":
        head = Part(f"due {item.due_date}")
    elif item.status == "undated":
        head = Part("open, no due date")
    else:
        head = Part(
            "done" + (f" (was due {item.due_date})" if item.due_date else ""),
        )
    whom = item.student or "the team"
    return ([head, Part(f": {item.what} (owner {item.owner}; for {whom})")], [])


def _figures(brief: Brief) -> Section:
    total = sum(brief.tiers.values())
    tiers = ", ".join(f"Tier {t} {n}" for t, n in brief.tiers.items())
    rows = [
        [
            DOMAIN_TITLES.get(domain, domain),
            str(now),
            "" if then is None else str(then),
            "" if then is None else f"{now - then:+d}",
        ]
        for domain, now, then in brief.flags_by_domain
    ]
    return Section(
        "Team figures",
        lead=[Part(f"Students by tier: {tiers} ({total} students).")],
        table=(["domain", "flags now", "at the last meeting", "change"], rows),
    )


# Markdown


_MD_SPECIAL = re.compile(r"([\\`*\[\]<>|#])")
_MD_LONE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")


def md_text(text: str) -> str:
    """Text that Markdown shows as written: marks that would format are escaped
    (an underscore inside a word, as in `orf_pm`, formats nothing and stays)."""
    return _MD_LONE_UNDERSCORE.sub(r"\\_", _MD_SPECIAL.sub(r"\\\1", str(text)))


def _md_parts(parts: list[Part]) -> str:
    return "".join(
        f"**{md_text(p.text)}**" if p.strong else md_text(p.text) for p in parts
    )


def render_markdown(brief: Brief) -> str:
    title, lead, sections = outline(brief)
    lines = [f"# {md_text(title)}", "", _md_parts(lead)]
    for section in sections:
        count = f" ({len(section.items)})" if section.items else ""
        lines += ["", f"## {md_text(section.title)}{count}", ""]
        if section.lead:
            lines += [_md_parts(section.lead), ""]
        for line, subs in section.items:
            lines.append(f"- {_md_parts(line)}")
            lines += [f"  - {md_text(sub)}" for sub in subs]
        if section.table:
            headers, rows = section.table
            lines.append("| " + " | ".join(headers) + " |")
            lines.append("|" + "---|" * len(headers))
            lines += ["| " + " | ".join(md_text(c) for c in r) + " |" for r in rows]
        if not section.items and not section.table:
            lines.append(section.empty.capitalize() + ".")
    return "\n".join(lines) + "\n"


# HTML


def _html_parts(parts: list[Part]) -> str:
    return "".join(
        f"<strong>{html.escape(p.text)}</strong>" if p.strong else html.escape(p.text)
        for p in parts
    )


def render_html(brief: Brief) -> str:
    title, lead, sections = outline(brief)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        f"<title>{html.escape(title)}</title></head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p>{_html_parts(lead)}</p>",
    ]
    for section in sections:
        count = f" ({len(section.items)})" if section.items else ""
        out.append(f"<h2>{html.escape(section.title)}{count}</h2>")
        if section.lead:
            out.append(f"<p>{_html_parts(section.lead)}</p>")
        if section.items:
            out.append("<ul>")
            for line, subs in section.items:
                inner = "".join(f"<li>{html.escape(s)}</li>" for s in subs)
                out.append(
                    f"<li>{_html_parts(line)}"
                    + (f"<ul>{inner}</ul>" if inner else "")
                    + "</li>"
                )
            out.append("</ul>")
        if section.table:
            headers, rows = section.table
            out.append("<table>")
            out.append(
                "<tr>"
                + "".join(f"<th>{html.escape(h)}</th>" for h in headers)
                + "</tr>"
            )
            for row in rows:
                cells = "".join(f"<td>{html.escape(c)}</td>" for c in row)
                out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
        if not section.items and not section.table:
            out.append(f"<p>{html.escape(section.empty.capitalize())}.</p>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
