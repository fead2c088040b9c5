"""The glossary and team norms from TOML: defaults, overrides, faults by line."""

import subprocess
import sys

import pytest

from mtss_tui.config import ConfigError, load_settings
from mtss_tui.paths import bundled


@pytest.fixture
def override(tmp_path):
    folder = tmp_path / "school"
    folder.mkdir()
    return folder


def _definition(settings, name):
    glossary = settings.glossary
    return glossary.define(glossary.named(name))


def test_the_attendance_definition_quotes_the_configured_threshold(override):
    default = load_settings(bundled("config"))
    assert "missing 10% or more" in _definition(default, "chronic absence")
    assert "fewer than 10 enrolled days" in _definition(default, "chronic absence")

    flags = (bundled("config") / "flags.toml").read_text()
    (override / "flags.toml").write_text(
        flags.replace("threshold = 0.10", "threshold = 0.15").replace(
            "min_days = 10", "min_days = 20"
        )
    )
    school = load_settings(bundled("config"), override)
    text = _definition(school, "at risk (attendance)")
    assert "missing 15% or more" in text and "10%" not in text
    assert "fewer than 20 enrolled days" in text


def test_the_rule_numbers_follow_through_the_cache(tmp_path, override):
    cache = tmp_path / "cache"
    flags = (bundled("config") / "flags.toml").read_text()
    (override / "flags.toml").write_text(
        flags.replace("min_count = 2", "min_count = 3")
    )
    load_settings(bundled("config"), override, cache_dir=cache)
    cached = load_settings(bundled("config"), override, cache_dir=cache)
    assert "flagged with 3 or more behaviour incidents in the last 30" in (
        _definition(cached, "recent incidents")
    )


def test_a_schools_glossary_replaces_the_default(override):
    (override / "glossary.toml").write_text(
        '[[term]]\nterm = "SST"\naliases = ["student support team"]\n'
        'definition = "The team that meets about one student."\n'
    )
    settings = load_settings(bundled("config"), override)
    assert [t.term for t in settings.glossary.terms] == ["SST"]
    assert [t.term for t in settings.glossary.found_in("The Student Support Team")] == [
        "SST"
    ]


def test_terms_are_found_in_text_by_name_or_alias_in_any_case(settings):
    glossary = settings.glossary
    reason = "absent 14 of 88 days, 15.9%; threshold 10%"
    assert [t.term for t in glossary.found_in(reason)] == ["at risk (attendance)"]
    found = glossary.found_in("Last 4 orf_pm points all below the AIM LINE")
    assert [t.term for t in found] == ["aim line"]
    assert glossary.found_in("nothing to see here") == []
    # A word inside another is no match: "aim" is not found in "claim".
    assert glossary.found_in("a claim") == []


GOOD = 'term = "x"\ndefinition = "y"\n'


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ('[[term]]\nterm = "x"\ndefinition = \n', "glossary.toml:3: invalid TOML"),
        (
            f'[[term]]\n{GOOD}\n[[term]]\nterm = "z"\ndefinition = "w"\nrules = "a"\n',
            "glossary.toml:8: term.1.rules: unknown key",
        ),
        (
            f'[[term]]\n{GOOD}rule = "no_such_rule"\n',
            "glossary.toml:4: term.0.rule: 'no_such_rule' is no flag rule",
        ),
        (
            '[[term]]\nterm = "x"\nrule = "chronic_absence"\n'
            'definition = "over {treshold:.0%}"\n',
            "glossary.toml:4: term.0.definition: {treshold} is no setting of "
            "chronic_absence",
        ),
        (
            f'[[term]]\n{GOOD}\n[[term]]\nterm = "X"\ndefinition = "again"\n',
            "glossary.toml:6: term.1.term: 'X' is defined twice",
        ),
        ('[[term]]\nterm = "x"\n', "glossary.toml:1: term.0.definition: required"),
    ],
)
def test_a_broken_glossary_is_reported_by_file_and_line(override, text, fault):
    (override / "glossary.toml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)
    assert fault in str(error.value)


def test_team_norms_default_and_a_teams_own(settings, override):
    grade_2 = settings.team_norms.for_team("grade-2")
    grade_3 = settings.team_norms.for_team("grade-3")
    # grade-3 replaces only the preparation norms: 1 default becomes 2 own.
    assert [c for c, _ in grade_2].count("preparation") == 1
    assert [c for c, _ in grade_3].count("preparation") == 2
    assert [n for c, n in grade_2 if c != "preparation"] == [
        n for c, n in grade_3 if c != "preparation"
    ]

    (override / "team_norms.toml").write_text(
        '[default]\nattendance = ["Be on time."]\n\n'
        '[team.grade-2]\nattendance = []\ndecisions = ["Data first."]\n'
    )
    school = load_settings(bundled("config"), override)
    assert school.team_norms.for_team("grade-2") == [("decisions", "Data first.")]
    assert school.team_norms.for_team("grade-3") == [("attendance", "Be on time.")]


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        (
            '[default]\nattendance = ["a"]\n\n[team.grade-3]\npunctuality = ["b"]\n',
            "team_norms.toml:5: team.grade-3.punctuality: unknown key",
        ),
        (
            '[default]\nattendance = ["a"]\npreparation = "read the report"\n',
            "team_norms.toml:3: default.preparation: Input should be a valid array",
        ),
    ],
)
def test_broken_team_norms_are_reported_by_file_and_line(override, text, fault):
    (override / "team_norms.toml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)
    assert fault in str(error.value)


def test_a_broken_glossary_exits_2_with_its_line(sample_path, override):
    (override / "glossary.toml").write_text(f'[[term]]\n{GOOD}rule = "nope"\n')
    result = subprocess.run(
        [sys.executable, "-m", "mtss_tui", "flags", "--db", str(sample_path)]
        + ["--config", str(override)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert f"{override / 'glossary.toml'}:4: term.0.rule:" in result.stderr
    assert "Traceback" not in result.stderr
