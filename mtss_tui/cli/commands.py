"""What each `mtss` command does once its arguments are parsed."""

from __future__ import annotations

import os
import shlex
import sqlite3
import sys
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from mtss_tui.errors import UserError
from mtss_tui.paths import bundled, cache_dir, config_override, default_db_path
from mtss_tui.services.teams import SchoolError, resolve_team, team_of_student
from mtss_tui.store import open_db, queries
from mtss_tui.store.audit import Recorder, login_name
from mtss_tui.store.db import is_empty

if TYPE_CHECKING:
    from mtss_tui.config import Settings

EXPECTED = (UserError,)
"""Errors that are the user's to fix: a message and exit code 2, no traceback."""


def run(args: Namespace) -> int:
    command = args.command or "meet"
    try:
        return COMMANDS[command](args)
    except EXPECTED as error:
        print(f"mtss {command}: {error}", file=sys.stderr)
        return 2
    except sqlite3.Error as error:
        # SQLite's messages name tables and columns, never the values in them.
        print(f"mtss {command}: database error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _db_path(args: Namespace) -> Path:
    return (getattr(args, "db", None) or default_db_path()).expanduser()


def _settings(args: Namespace) -> Settings:
    from mtss_tui.config import load_settings

    return load_settings(
        bundled("config"),
        getattr(args, "config", None) or config_override(),
        cache_dir=cache_dir(),
    )


def _actor(args: Namespace) -> str:
    return getattr(args, "actor", None) or login_name()


def meet(args: Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "mtss meet: needs a terminal (stdin and stdout are not a TTY); for "
            "scripts use the batch commands: mtss flags, brief, progress, minutes, "
            "actions, search, import, sample",
            file=sys.stderr,
        )
        return 2

    from mtss_tui.services.meeting import MeetingSession

    settings = _settings(args)
    if getattr(args, "protocol", None):
        settings.protocol(args.protocol)
    path = _db_path(args)
    db, created = _open_school(path, _actor(args), _default_db(args))
    student = getattr(args, "student", None)
    team = (
        team_of_student(db, student)
        if student and not getattr(args, "team", None)
        else resolve_team(db, getattr(args, "team", None))
    )

    session = MeetingSession.open(
        Recorder(db, _actor(args)),
        settings,
        team,
        getattr(args, "protocol", None),
        student=student,
    )

    from mtss_tui.tui.app import MeetingApp

    app = MeetingApp(
        db=db,
        db_path=path,
        settings=settings,
        team=team,
        protocol=getattr(args, "protocol", None),
        actor=_actor(args),
        notice=created,
        session=session,
        ascii_only=True if getattr(args, "ascii", False) else None,
        student=student,
    )
    app.run()
    db.close()
    if app.minutes_path is not None:
        print(f"Minutes written to {app.minutes_path}")
    elif app.meeting_id is not None:
        again = ["mtss meet"]
        if not _default_db(args):
            again.append(f"--db {shlex.quote(str(path))}")
        again.append(f"--team {shlex.quote(team)}")
        if getattr(args, "protocol", None):
            again.append(f"--protocol {shlex.quote(args.protocol)}")
        if student:
            again.append(f"--student {shlex.quote(student)}")
        print(
            f"Meeting {app.meeting_id} is saved; run `{' '.join(again)}` to resume it."
        )
    return app.return_code or 0


def follow(args: Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "mtss follow: needs a terminal (stdin and stdout are not a TTY; over "
            "ssh, use ssh -t); for scripts use mtss minutes MEETING_ID",
            file=sys.stderr,
        )
        return 2

    from mtss_tui.services.follow import Follower, choose_meeting

    settings = _settings(args)
    db = open_db(_db_path(args), readonly=True)
    try:
        meeting_id = choose_meeting(db, getattr(args, "meeting", None))
        from mtss_tui.tui.follow import FollowApp

        app = FollowApp(Follower(db, settings, meeting_id))
        app.run()
    finally:
        db.close()
    return app.return_code or 0


def review(args: Namespace) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "mtss review: needs a terminal (stdin and stdout are not a TTY; over "
            "ssh, use ssh -t); for scripts use mtss minutes, mtss actions, "
            "mtss search",
            file=sys.stderr,
        )
        return 2

    from mtss_tui.services.review import Reviewer

    db = open_db(_db_path(args), readonly=True)
    try:
        from mtss_tui.tui.review.app import ReviewApp

        reviewer = Reviewer(
            db,
            lambda: _settings(args).vocabulary,
            restricted=args.restricted,
            today=args.as_of,
        )
        app = ReviewApp(
            reviewer, ascii_only=True if getattr(args, "ascii", False) else None
        )
        app.run()
    finally:
        db.close()
    return app.return_code or 0


def _open_school(path: Path, actor: str, default: bool):
    """The database; the default one is created from the sample school on first
    use (and said so). A file named by `--db` or `$MTSS_DB` is never filled
    with the invented school: a typo must not put a meeting on made-up data."""
    if not default and not path.exists():
        raise SchoolError(f"{path}: no such database; {HOW_TO_FILL.format(path=path)}")
    db = open_db(path)
    if not is_empty(db):
        return db, None
    db.close()
    if not default:
        raise SchoolError(
            f"{path}: holds no students yet; {HOW_TO_FILL.format(path=path)}"
        )
    message = None
    from mtss_tui.services.school import write_sample

    try:
        write_sample(path, actor)
        message = f"Created the sample school database at {path}"
        print(message, file=sys.stderr)
    except SchoolError:
        pass  # another `mtss` created it a moment ago
    return open_db(path), message


HOW_TO_FILL = (
    "load the school's files with `mtss import KIND FILE... --db {path}`, or write "
    "the invented sample school with `mtss sample --db {path}`"
)


def _default_db(args: Namespace) -> bool:
    """No `--db` and no `$MTSS_DB`: the per-user database of the README's set-up."""
    return getattr(args, "db", None) is None and not os.environ.get("MTSS_DB")


def sample(args: Namespace) -> int:
    path = _db_path(args)
    from mtss_tui.services.school import write_sample

    counts = write_sample(path, login_name(), force=args.force)
    summary = ", ".join(f"{n} {table}" for table, n in counts.items())
    print(f"Wrote the sample school to {path}: {summary}")
    return 0


def flags(args: Namespace) -> int:
    settings = _settings(args)
    from mtss_tui.services.school import School

    db = open_db(_db_path(args), readonly=True)
    school = School(db, settings)
    team_ids = (
        [resolve_team(db, args.team)]
        if args.team
        else [t["team"] for t in queries.teams(db)]
    )
    rows = []
    for team in team_ids:
        for entry in school.queue(team):
            for flag in entry.flags:
                rows.append(
                    {
                        "team": team,
                        "student_id": entry.student_id,
                        "grade": entry.grade,
                        "urgency": entry.urgency,
                        "domain": flag.domain,
                        "rule": flag.rule,
                        "value": round(flag.value, 4),
                        "threshold": flag.threshold,
                        "reason": flag.reason,
                    }
                )
    db.close()
    print(_format_rows(rows, args.format), end="")
    return 0


def _format_rows(rows: list[dict], form: str) -> str:
    import json

    from mtss_tui.reports.spreadsheet import csv_text

    if form == "json":
        return json.dumps(rows, indent=2) + "\n"
    columns = [
        "team",
        "student_id",
        "grade",
        "urgency",
        "domain",
        "rule",
        "value",
        "threshold",
        "reason",
    ]
    if form == "csv":
        return csv_text(columns, rows)
    if not rows:
        return "No students are flagged.\n"
    shown = ["student_id", "domain", "rule", "reason"]
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in shown[:-1]}
    lines = ["  ".join(c.ljust(widths.get(c, 0)) for c in shown).rstrip()]
    for r in rows:
        lines.append(
            "  ".join([str(r[c]).ljust(widths[c]) for c in shown[:-1]] + [r["reason"]])
        )
    students = len({r["student_id"] for r in rows})
    lines.append(f"{students} students flagged, {len(rows)} flags")
    return "\n".join(lines) + "\n"


def minutes(args: Namespace) -> int:
    settings = _settings(args)
    db = open_db(_db_path(args), readonly=True)
    if args.format == "csv":
        from mtss_tui.reports.minutes_csv import minutes_csv

        text = minutes_csv(db, args.meeting_id, settings.vocabulary)
    else:
        from mtss_tui.reports.minutes import render_minutes

        text = render_minutes(db, args.meeting_id, settings.vocabulary, args.restricted)
    db.close()
    print(text, end="")
    return 0


def actions(args: Namespace) -> int:
    from datetime import date

    from mtss_tui.cli.records import actions_text
    from mtss_tui.services.followups import follow_ups

    db = open_db(_db_path(args), readonly=True)
    team = resolve_team(db, args.team) if args.team else None
    items = follow_ups(
        db,
        args.as_of or date.today(),
        owner=args.owner,
        status=args.status,
        overdue=args.overdue,
        team=team,
        due_before=args.due_before,
    )
    db.close()
    sys.stdout.write(actions_text(items, args.format))
    return 0


def search(args: Namespace) -> int:
    from mtss_tui.cli.records import search_text
    from mtss_tui.store.search import search as find

    db = open_db(_db_path(args), readonly=True)
    hits = find(db, args.query, args.limit, args.restricted)
    db.close()
    sys.stdout.write(search_text(hits, args.format))
    return 0


def progress(args: Namespace) -> int:
    from mtss_tui.cli.progress import as_json, as_text

    settings = _settings(args)
    from mtss_tui.services.school import School

    db = open_db(_db_path(args), readonly=True)
    school = School(db, settings)
    analyses = school.analyses(args.student_id, args.measure)
    db.close()
    render = as_json if args.format == "json" else as_text
    print(render(args.student_id, school.as_of.isoformat(), analyses), end="")
    return 0


def brief(args: Namespace) -> int:
    from datetime import date

    from mtss_tui.reports.brief import render_html, render_markdown
    from mtss_tui.services.brief import gather_brief
    from mtss_tui.services.school import School

    try:
        on = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError:
        raise SchoolError(f"--date {args.date!r}: expected YYYY-MM-DD") from None
    settings = _settings(args)
    db = open_db(_db_path(args), readonly=True)
    try:
        team = resolve_team(db, args.team)
        gathered = gather_brief(School(db, settings), team, on)
    finally:
        db.close()
    render = render_html if args.format == "html" else render_markdown
    text = render(gathered)
    if args.output is None:
        print(text, end="")
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise SchoolError(f"{args.output}: cannot write: {error.strerror}") from None
    print(f"Brief written to {args.output}")
    return 0


def import_files(args: Namespace) -> int:
    from mtss_tui.cli.import_report import ProgressBar, summary_lines
    from mtss_tui.importers.canonical import CsvOptions
    from mtss_tui.services.imports import import_files as run_import

    options = CsvOptions(args.encoding, _delimiter(args.delimiter))
    bar = ProgressBar(sys.stderr)
    path = _db_path(args)
    new_file = not path.exists()
    db = open_db(path)
    try:
        summary = run_import(
            db,
            Recorder(db, _actor(args)),
            args.kind,
            args.paths,
            args.dry_run,
            args.mapping,
            options,
            bar.update if bar.shown else None,
        )
    except BaseException:
        db.close()
        if new_file:
            _remove_database(path)  # a refused import leaves no empty school behind
        raise
    finally:
        bar.close()
        db.close()
    if new_file and args.dry_run:
        _remove_database(path)
    for warning in summary.warnings:
        print(f"mtss import: warning: {warning}", file=sys.stderr)
    print("\n".join(summary_lines(summary)))
    return 0


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def protocols(args: Namespace) -> int:
    from mtss_tui.cli.protocols import protocols_text, valid_text
    from mtss_tui.config import load_protocol

    settings = _settings(args)
    if args.check is None:
        if args.file is not None:
            raise SchoolError("give `check FILE` to validate a protocol file")
        sys.stdout.write(protocols_text(settings.protocols, args.format))
        return 0
    if args.file is None:
        raise SchoolError("check needs the protocol FILE to validate")
    from mtss_tui.config import ConfigError

    try:
        protocol = load_protocol(args.file, settings.vocabulary)
    except ConfigError as error:
        print(str(error), file=sys.stderr)
        return 2
    sys.stdout.write(valid_text(args.file, protocol))
    return 0


def quality(args: Namespace) -> int:
    from mtss_tui.cli.quality import quality_text
    from mtss_tui.services.quality import quality_report

    db = open_db(_db_path(args), readonly=True)
    try:
        report = quality_report(db, resolve_team(db, args.team))
    finally:
        db.close()
    sys.stdout.write(quality_text(report, args.format))
    return 0


def _delimiter(given: str | None) -> str | None:
    names = {"comma": ",", "semicolon": ";", "tab": "\t", "pipe": "|"}
    if not given:
        return None
    delimiter = names.get(given, given)
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise SchoolError(
            f"--delimiter {given!r}: expected comma, semicolon, tab, pipe or one "
            "character other than a quote"
        )
    return delimiter


COMMANDS = {
    "actions": actions,
    "search": search,
    "protocols": protocols,
    "quality": quality,
    "import": import_files,
    "meet": meet,
    "follow": follow,
    "review": review,
    "sample": sample,
    "flags": flags,
    "minutes": minutes,
    "progress": progress,
    "brief": brief,
}
