"""The `mtss` command: parses arguments, then builds the app or runs a batch job.

Textual is imported only by `meet`, so batch commands start quickly and run
without a terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mtss_tui import __version__

EXAMPLES = {
    "meet": "example:\n  mtss meet --team grade-3 --protocol tips --as 'R. Alder'\n"
    "  mtss meet --protocol initial --student S3022\n"
    "  mtss meet --team grade-2 --protocol screening",
    "follow": "example:\n  mtss follow --db school.db\n"
    "  mtss follow --meeting M-2026-11-13-grade-3",
    "review": "example:\n  mtss review --db school.db\n"
    "  mtss review --db school.db --restricted",
    "sample": "example:\n  mtss sample --db /tmp/school.db\n  mtss sample --force",
    "flags": "example:\n  mtss flags --team grade-3 --format json",
    "minutes": "example:\n  mtss minutes M-2026-11-13-grade-3 --format md\n"
    "  mtss minutes M-2026-11-13-grade-3 --format csv > minutes.csv",
    "actions": "example:\n  mtss actions --overdue\n"
    "  mtss actions --owner Mossbottom --status all --format ics > follow-ups.ics",
    "protocols": "example:\n  mtss protocols\n  mtss protocols --format json\n"
    "  mtss protocols check school/protocols/reading_team.toml",
    "quality": "example:\n  mtss quality --team grade-3\n"
    "  mtss quality --team grade-3 --format json",
    "search": "example:\n  mtss search 'aim line' --format json\n  mtss search S3005",
    "progress": "example:\n  mtss progress S3022 --measure orf_pm --format json",
    "brief": "example:\n  mtss brief --team grade-3\n"
    "  mtss brief --team grade-2 --format html --output brief.html",
    "import": "example:\n  mtss import students students.csv\n"
    "  mtss import scores fall.csv winter.csv --dry-run\n"
    "  mtss import csv export.csv --mapping config/mappings/powerschool_students.toml\n"
    "  mtss import oneroster roster.zip --dry-run\n"
    "  mtss import edfi edfi-xml/\n"
    "  mtss import map AssessmentResults.csv StudentsBySchool.csv",
}


def _options(default) -> argparse.ArgumentParser:
    """--db and --config, accepted before or after the command."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--db",
        type=Path,
        default=default,
        help="the database file (default: $MTSS_DB, else the user data directory)",
    )
    options.add_argument(
        "--ascii",
        action="store_const",
        const=True,
        default=default,
        help="plain-ASCII charts and marks, for terminals without Unicode "
        "(or MTSS_ASCII=1)",
    )
    options.add_argument(
        "--config",
        type=Path,
        default=default,
        help="a folder of school overrides for config/ (default: $MTSS_CONFIG)",
    )
    return options


def _day(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected YYYY-MM-DD") from None


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected a whole number, 1 or more"
        )
    return number


def build_parser() -> argparse.ArgumentParser:
    top = _options(None)
    common = _options(argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="mtss",
        description="Run MTSS team meetings in the terminal. With no command, "
        "opens the meeting app (`mtss meet`).",
        epilog="example:\n  mtss                      # meet on the default database\n"
        "  mtss flags --format csv   # who is flagged, and why",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[top],
    )
    parser.add_argument("--version", action="version", version=f"mtss {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, description: str):
        return commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=description,
            epilog=EXAMPLES[name],
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    meet = command(
        "meet",
        "run (or resume) a team meeting",
        "Run a timed team meeting, or resume the team's unfinished one.",
    )
    meet.add_argument("--team", help="team id or title (default: the first team)")
    meet.add_argument(
        "--protocol", help="protocol name (default: tips; `mtss protocols` lists them)"
    )
    meet.add_argument(
        "--student",
        metavar="ID",
        help="the student a one-student protocol is about (initial, sst, "
        "pm_review); the team defaults to the one whose grades hold the student",
    )
    meet.add_argument("--as", dest="actor", help="who is recording (default: login)")

    follow = command(
        "follow",
        "watch a meeting in progress, read-only",
        "Watch a meeting from a second terminal as the facilitator runs it: the "
        "clock, the step, the student on the card and every entry as it is "
        "recorded. Opens the database read-only.",
    )
    follow.add_argument(
        "--meeting",
        metavar="ID",
        help="the meeting to follow (default: the one in progress, the latest "
        "started if several)",
    )

    review = command(
        "review",
        "read past meetings, students, follow-ups; read-only",
        "Read past meetings and their minutes, a student's history across "
        "meetings (with the chart the team saw), the follow-ups and what is "
        "overdue, and search them all. Opens the database read-only: nothing "
        "can be changed from here.",
    )
    review.add_argument(
        "--restricted",
        action="store_true",
        help="show notes marked restricted (marked as such)",
    )
    review.add_argument(
        "--as-of",
        type=_day,
        metavar="YYYY-MM-DD",
        help="judge overdue as of this day (default: today)",
    )

    sample = command(
        "sample",
        "write the bundled sample school",
        "Write the bundled sample school into the database.",
    )
    sample.add_argument(
        "--force",
        action="store_true",
        help="replace a database that already holds data",
    )

    flags = command(
        "flags",
        "list flagged students and why",
        "The flagged students, most urgent first, with every reason.",
    )
    flags.add_argument("--team", help="only this team's students")
    flags.add_argument("--format", choices=["table", "csv", "json"], default="table")

    minutes = command(
        "minutes",
        "print a meeting's minutes",
        "Print the minutes of a meeting, as recorded.",
    )
    minutes.add_argument("meeting_id")
    minutes.add_argument("--format", choices=["md", "csv"], default="md")
    minutes.add_argument(
        "--restricted",
        action="store_true",
        help="print the text of restricted notes (the team's copy; Markdown only)",
    )

    actions = command(
        "actions",
        "action items by owner and status; overdue ones marked",
        "Action items of every meeting, by due date, read-only.",
    )
    actions.add_argument("--owner", help="only items whose owner contains this")
    actions.add_argument("--team", help="only this team's items")
    actions.add_argument("--status", choices=["open", "done", "all"], default="open")
    actions.add_argument(
        "--overdue", action="store_true", help="only open items past their due date"
    )
    actions.add_argument(
        "--due-before", type=_day, metavar="YYYY-MM-DD", help="only items due earlier"
    )
    actions.add_argument(
        "--as-of",
        type=_day,
        metavar="YYYY-MM-DD",
        help="judge overdue as of this day (default: today)",
    )
    actions.add_argument(
        "--format", choices=["table", "csv", "json", "ics"], default="table"
    )

    protocols = command(
        "protocols",
        "list the meeting protocols, or check a protocol file",
        "List the protocols a meeting can run (the built-in ones and a school's "
        "own from --config), or with `check FILE` validate one protocol file: "
        "every fault is printed as file:line: key: problem, and the exit code "
        "is 2.",
    )
    protocols.add_argument(
        "check", nargs="?", choices=["check"], help="validate FILE instead of listing"
    )
    protocols.add_argument("file", nargs="?", type=Path, metavar="FILE")
    protocols.add_argument("--format", choices=["table", "json"], default="table")

    quality = command(
        "quality",
        "meeting foundations met, meeting by meeting",
        "How a team's meetings keep the meeting foundations, oldest first: "
        "started on time (within 5 minutes of the start time set at the last "
        "meeting), at least 75%% of members present at the start and at the "
        "end, every role filled, ended within the planned time, next meeting "
        "set, and the team's own evaluation answers; then the share of meetings "
        "that met each. Judged when each meeting closed.",
    )
    quality.add_argument("--team", help="team id or title (default: the first team)")
    quality.add_argument("--format", choices=["table", "json"], default="table")

    search = command(
        "search",
        "full-text search of decisions, action items and notes",
        "Search every meeting's decisions, action items and notes, best first. "
        "Words match as prefixes; all must appear.",
    )
    search.add_argument("query", metavar="QUERY")
    search.add_argument(
        "--limit", type=_positive, default=50, help="at most this many (default 50)"
    )
    search.add_argument(
        "--restricted", action="store_true", help="include notes marked restricted"
    )
    search.add_argument("--format", choices=["table", "json"], default="table")

    brief = command(
        "brief",
        "the data analyst's brief before a team meeting",
        "What changed since the team's last meeting: newly flagged students and "
        "why, the decision rule for each student under intervention, the open "
        "action items (overdue first) and items done since, students per tier and "
        "flags per domain against the last meeting. Reads the database only.",
    )
    brief.add_argument("--team", help="team id or title (default: the first team)")
    brief.add_argument("--format", choices=["md", "html"], default="md")
    brief.add_argument(
        "--output", type=Path, metavar="FILE", help="write to FILE, not the terminal"
    )
    brief.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="the day of the brief; items due before it are overdue (default: today)",
    )

    progress = command(
        "progress",
        "a student's progress: goals, trends, decision rules",
        "The analysis of each progress-monitoring measure of a student.",
    )
    imports = command(
        "import",
        "load a school's files (all or nothing)",
        "Load a school's files: every file is checked first, and one bad cell means "
        "nothing is written. KIND is a canonical table (students, staff, teams, "
        "team_members, measures, cut_scores, scores, attendance, incidents, "
        "interventions); csv, for any export read through --mapping; oneroster, a "
        "OneRoster 1.x CSV bundle (folder or zip); edfi, a folder of Ed-Fi XML; or "
        "map, an NWEA MAP combined data file (results and students by school).",
    )
    imports.add_argument("kind", metavar="KIND")
    imports.add_argument(
        "--as",
        dest="actor",
        help="who is importing, for the audit log (default: login)",
    )
    imports.add_argument("paths", metavar="PATH", nargs="+", type=Path)
    imports.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE",
        help="with KIND csv: a TOML mapping of the export's columns "
        "(see config/mappings/)",
    )
    imports.add_argument(
        "--dry-run", action="store_true", help="check and summarise, write nothing"
    )
    imports.add_argument(
        "--encoding",
        choices=["utf-8", "cp1252"],
        help="the files' encoding (default: UTF-8, or Windows-1252 if the file is "
        "not UTF-8, with a warning)",
    )
    imports.add_argument(
        "--delimiter",
        metavar="CHAR",
        help="the separator: comma, semicolon, tab, pipe or one character "
        "(default: read off the header line)",
    )

    progress.add_argument("student_id")
    progress.add_argument("--measure", help="only this measure")
    progress.add_argument("--format", choices=["text", "json"], default="text")
    return parser


def command_names() -> list[str]:
    """The commands the parser knows, for the check that each has an example."""
    parser = build_parser()
    return [
        name for action in parser._subparsers._group_actions for name in action.choices
    ]


def main(argv: list[str] | None = None) -> int:
    # mtss uses no pydantic plugins; not looking for them saves start-up time.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = build_parser().parse_args(argv)
    from mtss_tui.cli.commands import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
