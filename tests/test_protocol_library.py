"""The built-in protocol library, and protocol files checked by the validator."""

import json

import pytest

from mtss_tui.cli import main
from mtss_tui.config import ConfigError, load_protocol

LIBRARY = {
    # name: (title, minutes, scope, step minutes in order)
    "tips": ("TIPS team meeting", 60, "team", [10, 30, 10, 5, 5]),
    "initial": (
        "Individual student initial meeting",
        35,
        "student",
        [5, 5, 5, 5, 5, 6, 2, 2],
    ),
    "pm_review": ("Progress-monitoring review", 10, "student", [3, 2, 2, 3]),
    "sst": ("Student support team", 22, "student", [8, 2, 6, 5, 1]),
    "screening": ("Grade-level screening data meeting", 45, "team", [10, 10, 20, 5]),
}


def test_the_library_holds_five_protocols(settings):
    found = {
        name: (p.title, p.planned_minutes, p.scope, [s.minutes for s in p.steps])
        for name, p in settings.protocols.items()
    }
    assert found == LIBRARY
    # 5+5+5+5+5+6+2+2 = 35; 3+2+2+3 = 10; 8+2+6+5+1 = 22; 10+10+20+5 = 45
    for _title, minutes, _scope, steps in LIBRARY.values():
        assert sum(steps) == minutes


def test_every_step_declares_what_it_records(settings):
    for protocol in settings.protocols.values():
        assert protocol.steps[-1].kind == "evaluation"  # closes the meeting
        for step in protocol.steps:
            assert step.records, f"{protocol.name}.{step.id}"
    screening = settings.protocol("screening")
    assert [s.kind for s in screening.steps].count("screening_groups") == 1
    pm = settings.protocol("pm_review").steps
    assert [s.id for s in pm if "decision" in s.records] == ["decision"]


def test_protocols_json_lists_names_titles_and_step_minutes(capsys):
    assert main(["protocols", "--format", "json"]) == 0
    listed = {p["name"]: p for p in json.loads(capsys.readouterr().out)}

    assert set(listed) == set(LIBRARY)
    sst = listed["sst"]
    assert sst["title"] == "Student support team"
    assert sst["scope"] == "student" and sst["minutes"] == 22
    assert [(s["id"], s["minutes"]) for s in sst["steps"]] == [
        ("problem", 8),
        ("questions", 2),
        ("brainstorm", 6),
        ("plan", 5),
        ("close", 1),
    ]
    assert sst["steps"][3]["decisions"] == [
        "continue",
        "intensify",
        "modify",
        "move_tier",
        "refer_evaluation",
    ]


def test_protocols_table_has_one_line_per_protocol(capsys):
    assert main(["protocols"]) == 0
    lines = capsys.readouterr().out.splitlines()

    assert lines[0].split() == ["name", "title", "minutes", "scope", "steps"]
    assert lines[1].split() == [
        "initial",
        "Individual",
        "student",
        "initial",
        "meeting",
        "35",
        "student",
        "8",
    ]
    assert [line.split()[0] for line in lines[1:]] == sorted(LIBRARY)


GOOD = """\
name = "reading"
title = "Reading team"

[[step]]
id = "data"
title = "Data"
minutes = 12
kind = "student_review"
records = ["decision", "notes"]
decisions = ["continue", "modify"]

[[step]]
id = "close"
title = "Close"
minutes = 3.5
kind = "evaluation"
records = ["evaluation", "next_meeting"]
"""


def test_check_a_valid_file(tmp_path, capsys):
    path = tmp_path / "reading.toml"
    path.write_text(GOOD)

    assert main(["protocols", "check", str(path)]) == 0
    # 12 + 3.5 = 15.5 minutes over the two steps
    assert capsys.readouterr().out == (
        f"{path}: valid protocol 'reading', 2 steps, 15.5 minutes\n"
    )


def _faults(tmp_path, text, capsys) -> list[str]:
    path = tmp_path / "broken.toml"
    path.write_text(text)
    assert main(["protocols", "check", str(path)]) == 2
    return [
        line.removeprefix(f"{path}:") for line in capsys.readouterr().err.splitlines()
    ]


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # line 2 is the title; an extra key after it is line 3
        (
            'title = "Reading team"\n',
            'title = "Reading team"\ncolour = 1\n',
            "3: colour: unknown key",
        ),
        # minutes of the first step, line 7
        (
            "minutes = 12\n",
            'minutes = "twelve"\n',
            "7: step.0.minutes: Input should be a valid number",
        ),
        # a step without minutes is located at its [[step]] header, line 4
        ("minutes = 12\n", "", "4: step.0.minutes: required key missing"),
        ('kind = "student_review"', 'kind = "chat"', "8: step.0.kind: Input should be"),
        (
            'records = ["decision", "notes"]',
            'records = ["decision", "mood"]',
            "9: step.0.records.1: Input should be",
        ),
        (
            'records = ["evaluation", "next_meeting"]',
            'records = ["decision"]',
            "17: step.1.records: a step of kind 'evaluation' cannot record 'decision'",
        ),
        (
            '"continue", "modify"',
            '"continue", "retire"',
            "10: step.0.decisions: 'retire' is not a decision in the vocabulary",
        ),
        ('id = "close"', 'id = "data"', "13: step.1.id: 'data' is used twice"),
        # not TOML at all: the line the parser stopped at
        ("minutes = 12\n", "minutes = \n", "7: invalid TOML"),
    ],
)
def test_each_fault_is_located(tmp_path, capsys, old, new, expected):
    assert old in GOOD
    [fault] = _faults(tmp_path, GOOD.replace(old, new, 1), capsys)
    assert fault.startswith(expected)


def test_several_faults_are_reported_together(tmp_path, capsys):
    text = (
        GOOD.replace("minutes = 12\n", 'minutes = "twelve"\n')
        .replace('kind = "evaluation"', 'kind = "closing"')
        .replace('title = "Reading team"\n', 'title = "Reading team"\ncolour = 1\n')
    )
    faults = _faults(tmp_path, text, capsys)
    # The extra line 3 moves the first step's minutes from 7 to 8 and the second
    # step's kind from 16 to 17; pydantic lists the steps before the top level.
    assert [":".join(f.split(":")[:2]) for f in faults] == [
        "8: step.0.minutes",
        "17: step.1.kind",
        "3: colour",
    ]


def test_faults_beyond_the_shape_are_reported_together(tmp_path, capsys):
    text = GOOD.replace('"modify"', '"retire"').replace('id = "close"', 'id = "data"')
    faults = _faults(tmp_path, text, capsys)
    assert [f.split(":")[0] for f in faults] == ["13", "10"]
    assert faults[0] == "13: step.1.id: 'data' is used twice"


def test_a_school_protocol_with_an_unknown_decision_stops_loading(tmp_path):
    from mtss_tui.config import load_settings
    from mtss_tui.paths import bundled

    folder = tmp_path / "school"
    (folder / "protocols").mkdir(parents=True)
    (folder / "protocols" / "reading.toml").write_text(
        GOOD.replace('"modify"', '"promote"')
    )
    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), folder)
    assert str(error.value) == (
        f"{folder / 'protocols' / 'reading.toml'}:10: step.0.decisions: 'promote' "
        "is not a decision in the vocabulary; valid: continue, exit, fade, "
        "intensify, modify, move_tier, refer_evaluation"
    )


def test_without_a_vocabulary_decisions_are_not_judged(tmp_path):
    path = tmp_path / "reading.toml"
    path.write_text(GOOD.replace('"modify"', '"promote"'))
    assert load_protocol(path).steps[0].decisions == ["continue", "promote"]
