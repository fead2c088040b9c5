"""Broken configuration is reported with file, line and key."""

import shutil

import pytest

from mtss_tui.config import ConfigError, load_settings
from mtss_tui.paths import bundled


@pytest.fixture
def override(tmp_path):
    folder = tmp_path / "school"
    (folder / "protocols").mkdir(parents=True)
    return folder


def test_defaults_load(settings):
    assert settings.protocol("tips").planned_minutes == 60
    kinds = {step.kind for step in settings.protocol("tips").steps}
    assert kinds == {
        "previous_items",
        "student_review",
        "new_concerns",
        "admin",
        "evaluation",
    }
    assert [r.id for r in settings.flag_rules] == [
        "chronic_absence",
        "recent_incidents",
        "screening_below_cut",
        "progress_below_aim",
        "weekday_pattern",
    ]


def test_invalid_toml_names_file_and_line(override):
    (override / "flags.toml").write_text('[[rule]]\nid = "x"\nkind = \n')

    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)
    assert str(error.value).startswith(f"{override / 'flags.toml'}:3: invalid TOML")


def test_wrong_type_and_unknown_key_are_located(override):
    text = (bundled("config") / "flags.toml").read_text()
    text = text.replace("threshold = 0.10", 'threshold = "ten percent"')
    text = text.replace("min_count = 2", "min_count = 2\nwindow_days = 30")
    (override / "flags.toml").write_text(text)
    lines = text.splitlines()

    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)

    message = str(error.value)
    threshold_line = lines.index('threshold = "ten percent"') + 1
    unknown_line = lines.index("window_days = 30") + 1
    assert f"flags.toml:{threshold_line}: rule.0.threshold:" in message
    assert f"flags.toml:{unknown_line}: rule.1.window_days: unknown key" in message


def test_a_protocol_step_without_minutes(override):
    shutil.copy(
        bundled("config") / "protocols" / "tips.toml",
        override / "protocols" / "short.toml",
    )
    text = (override / "protocols" / "short.toml").read_text()
    text = text.replace('name = "tips"', 'name = "short"')
    text = text.replace("minutes = 30\n", "")
    (override / "protocols" / "short.toml").write_text(text)
    header = text.splitlines().index('id = "students"')  # 0-based line after header

    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)
    assert f"short.toml:{header}: step.1.minutes: required key missing" in str(
        error.value
    )


def test_unknown_protocol_lists_the_valid_names(settings):
    with pytest.raises(
        ConfigError,
        match="unknown protocol 'daily'; "
        "valid: initial, pm_review, screening, sst, tips$",
    ):
        settings.protocol("daily")


def test_checked_settings_are_cached_until_a_file_changes(tmp_path, override):
    cache = tmp_path / "cache"
    (override / "flags.toml").write_text((bundled("config") / "flags.toml").read_text())
    first = load_settings(bundled("config"), override, cache_dir=cache)
    [stored] = cache.glob("settings-*.json")

    assert load_settings(bundled("config"), override, cache_dir=cache) == first

    # A changed file is checked again, and a fault in it is reported.
    (override / "flags.toml").write_text("[[rule]]\nid = 'x'\nkind = 'nope'\n")
    with pytest.raises(ConfigError, match="rule.0.kind: 'nope': expected one of"):
        load_settings(bundled("config"), override, cache_dir=cache)
    assert stored.exists()


def test_a_damaged_cache_is_rebuilt(tmp_path, settings):
    cache = tmp_path / "cache"
    load_settings(bundled("config"), cache_dir=cache)
    [stored] = cache.glob("settings-*.json")
    stored.write_text('{"flag_rules": [{"kind": "attendance_rate"}]}')

    assert load_settings(bundled("config"), cache_dir=cache) == settings


def _protocol_file(override, text):
    path = override / "protocols" / "own.toml"
    path.write_text(text)
    return path


OWN = """name = "own"
title = "Our meeting"

[[step]]
id = "a"
title = "First"
minutes = {a}
kind = "admin"

[[step]]
id = "{b}"
title = "Second"
minutes = 5
kind = "evaluation"
"""


@pytest.mark.parametrize(
    ("minutes", "second", "fault"),
    [
        ("inf", "b", "own.toml:7: step.0.minutes:"),
        ("1e308", "b", "own.toml:7: step.0.minutes: Input should be less than or"),
        ("5", "a", "own.toml:11: step.1.id: 'a' is used twice"),
    ],
)
def test_protocol_values_out_of_bounds(override, minutes, second, fault):
    _protocol_file(override, OWN.replace("{a}", minutes).replace("{b}", second))
    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)
    assert fault in str(error.value)


def test_a_file_saved_as_utf16_is_named(override):
    text = (bundled("config") / "flags.toml").read_text()
    (override / "flags.toml").write_bytes(text.encode("utf-16"))

    with pytest.raises(ConfigError, match=r"flags.toml:1: not UTF-8 text"):
        load_settings(bundled("config"), override)


def test_duplicate_rule_ids_and_month_13(override):
    text = (bundled("config") / "flags.toml").read_text()
    (override / "flags.toml").write_text(
        text.replace('id = "recent_incidents"', 'id = "chronic_absence"')
    )
    with pytest.raises(ConfigError, match=r"rule.1.id: 'chronic_absence' is used"):
        load_settings(bundled("config"), override)

    (override / "flags.toml").unlink()
    cuts = (bundled("config") / "norms" / "screening_cuts.toml").read_text()
    (override / "norms").mkdir()
    (override / "norms" / "screening_cuts.toml").write_text(
        cuts.replace("winter = [12, 1, 2]", "winter = [13, 1, 2]")
    )
    with pytest.raises(ConfigError, match=r"windows.winter.0: Input should be less"):
        load_settings(bundled("config"), override)


def test_a_broken_weekday_rule_is_located(override):
    text = (bundled("config") / "flags.toml").read_text()
    text = text.replace("\nmin_share = 0.40", "\nmin_share = 1.5")
    text = text.replace(
        "\nmin_absences = 8\n", '\nmin_absences = 8\nweekdays = ["sunday"]\n'
    )
    (override / "flags.toml").write_text(text)
    lines = text.splitlines()

    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), override)

    message = str(error.value)
    share_line = lines.index("min_share = 1.5") + 1
    days_line = lines.index('weekdays = ["sunday"]') + 1
    assert f"flags.toml:{share_line}: rule.4.min_share: Input should be less" in message
    assert f"flags.toml:{days_line}: rule.4.weekdays.0: Input should be 'monday'" in (
        message
    )
