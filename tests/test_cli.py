"""The batch commands as a script or cron job runs them."""

import json
import os
import subprocess
import sys

import pytest

from mtss_tui import __version__
from mtss_tui.cli import EXAMPLES, command_names, main


def mtss(*args, env=None, stdin=subprocess.DEVNULL):
    return subprocess.run(
        [sys.executable, "-m", "mtss_tui", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        stdin=stdin,
        timeout=60,
    )


def test_flags_json_has_the_documented_fields(sample_path, capsys):
    assert (
        main(
            ["flags", "--db", str(sample_path), "--team", "grade-3", "--format", "json"]
        )
        == 0
    )
    rows = json.loads(capsys.readouterr().out)

    assert rows
    assert {"student_id", "domain", "rule", "value", "threshold", "reason"} <= set(
        rows[0]
    )
    assert {r["rule"] for r in rows} == {
        "chronic_absence",
        "recent_incidents",
        "screening_below_cut",
        "progress_below_aim",
        "weekday_pattern",
    }
    absence = next(r for r in rows if r["rule"] == "chronic_absence")
    assert absence["threshold"] == 0.1
    assert absence["value"] >= 0.1
    assert absence["reason"].startswith("absent ")


def test_flags_leaves_unflagged_students_out(sample_path, capsys):
    main(["flags", "--db", str(sample_path), "--format", "csv"])
    lines = capsys.readouterr().out.splitlines()
    flagged = {line.split(",")[1] for line in lines[1:]}

    assert lines[0].startswith("team,student_id,grade,urgency,domain,rule")
    assert 0 < len(flagged) < 88


def test_sample_refuses_to_overwrite_without_force(sample_path, capsys):
    assert main(["sample", "--db", str(sample_path)]) == 2
    assert "already holds a school; use --force" in capsys.readouterr().err
    assert main(["sample", "--db", str(sample_path), "--force"]) == 0


def test_minutes_of_the_past_meeting(sample_path, capsys):
    assert main(["minutes", "M-2026-11-13-grade-3", "--db", str(sample_path)]) == 0
    text = capsys.readouterr().out

    assert text.startswith("# Minutes: Grade 3 team, 2026-11-13")
    assert "## Recap: who does what for whom, by when" in text


def test_unknown_team_lists_valid_names(sample_path, capsys):
    assert main(["flags", "--db", str(sample_path), "--team", "grade-9"]) == 2
    assert "unknown team 'grade-9'; valid: grade-2, grade-3" in capsys.readouterr().err


def test_unknown_meeting(sample_path, capsys):
    assert main(["minutes", "M-nope", "--db", str(sample_path)]) == 2
    err = capsys.readouterr().err
    assert "no meeting 'M-nope'; recent meetings: M-2026-11-13-grade-3, " in err


def test_meet_without_a_terminal_refuses_in_one_line(tmp_path):
    result = mtss("meet", "--db", str(tmp_path / "x.db"))

    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "needs a terminal" in result.stderr and "mtss flags" in result.stderr
    assert "\x1b[" not in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_broken_override_config_exits_2_without_traceback(sample_path, tmp_path):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "flags.toml").write_text("[[rule]\n")
    result = mtss("flags", "--db", str(sample_path), "--config", str(tmp_path / "conf"))

    assert result.returncode == 2
    assert f"{tmp_path / 'conf' / 'flags.toml'}:1: invalid TOML" in result.stderr
    assert "Traceback" not in result.stderr


def test_newer_database_is_refused(tmp_path):
    import sqlite3

    path = tmp_path / "new.db"
    sqlite3.connect(path).execute("PRAGMA user_version = 99")
    result = mtss("flags", "--db", str(path))

    assert result.returncode == 2
    assert "newer mtss_tui" in result.stderr and "Traceback" not in result.stderr


def test_default_database_comes_from_mtss_db(tmp_path):
    path = tmp_path / "env.db"
    result = mtss("sample", env={"MTSS_DB": str(path)})

    assert result.returncode == 0, result.stderr
    assert str(path) in result.stdout
    assert path.exists()


def test_version():
    assert mtss("--version").stdout.strip() == f"mtss {__version__}"


def test_every_command_is_listed_with_an_example():
    assert set(command_names()) == set(EXAMPLES)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "--db" in out
    assert f"example:\n  mtss {command}" in out


def test_a_pipe_in_an_action_item_stays_in_its_table_cell(sample_path, capsys):
    from mtss_tui.store import open_db

    db = open_db(sample_path)
    db.execute("UPDATE action_items SET what = 'Print a|b chart' WHERE item_id = 1")
    db.close()
    main(["minutes", "M-2026-11-13-grade-3", "--db", str(sample_path)])
    recap = [
        line
        for line in capsys.readouterr().out.splitlines()
        if "Print a" in line and line.startswith("|")
    ]

    assert recap and all(line.count(" | ") == 3 for line in recap)
    assert "Print a\\|b chart" in recap[0]
