"""The data analyst's brief on the sample school, after new data came in.

The sample's grade 3 team met on 2026-11-13 (M-2026-11-13-grade-3, decisions
without stored flags, so the flags then are worked out from the data up to
2026-11-13: 82 school days). The data now run to 2026-12-03 (93 days); the
brief is for 2026-12-04.
"""

from datetime import date

from mtss_tui.cli import main
from mtss_tui.reports.brief import render_markdown
from mtss_tui.services.brief import gather_brief
from mtss_tui.services.imports import import_files
from mtss_tui.services.school import School
from mtss_tui.store import open_db
from mtss_tui.store.audit import Recorder

ON = date(2026, 12, 4)

# S3001 had no absence. Five Mondays before the meeting and three after it:
# then 5 absences (< 8, and 5 of 82 days = 6.1%: no flag); now 8 absences, all
# on Mondays, 8 of 8 = 100% (8 of 93 days = 8.6%: not chronic).
MONDAYS = ["2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09"]
MONDAYS += ["2026-11-16", "2026-11-23", "2026-11-30"]


def import_csv(db, tmp_path, kind: str, text: str) -> None:
    path = tmp_path / f"{kind}.csv"
    path.write_text(text, encoding="utf-8")
    import_files(db, Recorder(db, "analyst"), kind, [path], dry_run=False)


def brief_lines(db, settings) -> list[str]:
    return render_markdown(gather_brief(School(db, settings), "grade-3", ON)).split(
        "\n"
    )


def section(lines: list[str], title: str) -> list[str]:
    """The lines of one section, without its blank lines."""
    start = next(n for n, line in enumerate(lines) if line.startswith(f"## {title}"))
    end = next(
        (n for n in range(start + 1, len(lines)) if lines[n].startswith("## ")),
        len(lines),
    )
    return [line for line in lines[start:end] if line]


def test_brief_after_absences_came_in(sample_db, settings, tmp_path):
    before = brief_lines(sample_db, settings)
    rows = "".join(f"S3001,{day},absent_unexcused,\n" for day in MONDAYS)
    import_csv(
        sample_db, tmp_path, "attendance", "student_id,date,status,fraction\n" + rows
    )
    lines = brief_lines(sample_db, settings)

    # S3035: 8 absences in 82 days by 2026-11-13 (9.8%, under 10%); three more
    # since (Nov 19, Nov 24, Dec 3): 11 of 93 = 11.8%.
    # S3041: incidents on Nov 3 and Nov 17; by Nov 13 one in the window, now 2.
    assert section(lines, "Newly flagged") == [
        "## Newly flagged since the last meeting (3)",
        "- **S3001 Clover Biscuitbarrow** (grade 3)",
        "  - 8 of 8 absences on Monday (100%); rule: at least 40% on one weekday, "
        "at least 8 absences",
        "- **S3035 Pickle Marmaladewick** (grade 3)",
        "  - absent 11 of 93 days, 11.8%; threshold 10%",
        "- **S3041 Zinnia Pebblebrook** (grade 3)",
        "  - 2 incidents in the last 30 school days (since 2026-10-20); threshold 2",
    ]
    # Open items of the meeting on 2026-12-04: due Nov 24 (10 days before),
    # Dec 1 (3 days), Dec 3 (1 day) are overdue; Dec 11 is due. "Observe ..." was
    # done after the meeting that set it.
    assert section(lines, "Open action items") == [
        "## Open action items (4)",
        "- **overdue since 2026-11-24 (10 days)**: Call the family about attendance "
        "and set up a morning greeting (owner Dahlia Mossbottom; for S3022 Zinnia "
        "Fiddlestump)",
        "- **overdue since 2026-12-01 (3 days)**: Add repeated reading passages to "
        "the intervention kit (owner Cosmo Fiddlesprout; for S3005 Marigold Acornby)",
        "- **overdue since 2026-12-03 (1 day)**: Bring winter screening results "
        "sorted by risk to the next meeting (owner Augustus Wobblegate; for the team)",
        "- due 2026-12-11: Send math fact practice games home with a note (owner "
        "Rupert Lanternfield; for S3018 Lark Parsnipple)",
    ]
    assert section(lines, "Action items done") == [
        "## Action items done since the last meeting (1)",
        "- done (was due 2026-11-20): Observe a reading intervention session and "
        "share fidelity notes (owner Cosmo Fiddlesprout; for S3005 Marigold Acornby)",
    ]
    # Seven grade 3 students in a Tier 2 plan (S3002, S3005, S3009, S3014,
    # S3018, S3022, S3033), the other 37 of 44 in Tier 1.
    assert "Students by tier: Tier 1 37, Tier 2 7, Tier 3 0 (44 students)." in lines
    # One more attendance flag now (S3001's), none more then.
    [old] = [line for line in before if line.startswith("| Attendance |")]
    [new] = [line for line in lines if line.startswith("| Attendance |")]
    now, then = (int(cell) for cell in old.split("|")[2:4])
    assert new == f"| Attendance | {now + 1} | {then} | {now + 1 - then:+d} |"


def test_plans_carry_the_decision_rule(sample_db, settings):
    lines = brief_lines(sample_db, settings)

    plans = section(lines, "Students under intervention")
    assert plans[0] == "## Students under intervention (7)"
    index = plans.index(
        "- **S3005 Marigold Acornby**, Repeated reading with feedback (Tier 2, "
        "orf_pm): **change the intervention**"
    )
    assert plans[index + 1] == (
        "  - 4 of the last 4 points below the aim line: change the intervention"
    )


def test_flags_stored_with_a_decision_count_as_what_the_team_saw(sample_db, settings):
    # S3022 was decided at the meeting; its snapshot now says it had no flag,
    # so every flag of S3022 today is new to the team.
    sample_db.execute(
        "UPDATE decisions SET snapshot = '{\"flags\": []}' "
        "WHERE meeting_id = 'M-2026-11-13-grade-3' AND student_id = 'S3022'"
    )
    school = School(sample_db, settings)
    newly = gather_brief(school, "grade-3", ON).newly_flagged

    [s3022] = [s for s in newly if s.student_id == "S3022"]
    assert s3022.reasons == [f.reason for f in school.flags_of("S3022")]
    assert s3022.reasons


def test_html_escapes_names_and_the_cli_writes_a_file(
    sample_path, settings, tmp_path, capsys
):
    db = open_db(sample_path)
    import_csv(
        db,
        tmp_path,
        "students",
        "student_id,given_name,family_name,grade\nS3035,Pickle <b>,Marm & Co,3\n",
    )
    db.close()
    out = tmp_path / "brief.html"

    code = main(
        ["brief", "--db", str(sample_path), "--team", "grade-3", "--format", "html"]
        + ["--date", "2026-12-04", "--output", str(out)]
    )

    assert code == 0
    assert capsys.readouterr().out == f"Brief written to {out}\n"
    text = out.read_text(encoding="utf-8")
    assert "<li><strong>S3035 Pickle &lt;b&gt; Marm &amp; Co</strong> (grade 3)" in text
    assert "<b>" not in text


def test_markdown_escapes_marks_in_names(sample_path, settings):
    db = open_db(sample_path)
    db.execute("UPDATE students SET given_name = 'Pickle *' WHERE student_id = 'S3035'")
    text = render_markdown(gather_brief(School(db, settings), "grade-3", ON))
    db.close()

    assert "- **S3035 Pickle \\* Marmaladewick** (grade 3)" in text.split("\n")


def test_brief_refuses_a_bad_date_and_an_unknown_team(sample_path, capsys):
    assert main(["brief", "--db", str(sample_path), "--date", "12/04/2026"]) == 2
    assert "--date '12/04/2026': expected YYYY-MM-DD" in capsys.readouterr().err
    assert main(["brief", "--db", str(sample_path), "--team", "grade-9"]) == 2
    assert "unknown team 'grade-9'" in capsys.readouterr().err
