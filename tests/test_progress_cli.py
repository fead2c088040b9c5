"""`mtss progress`, the chart keys on the card, and a school's own norm pack."""

import json

import pytest
from textual.widgets import Static

from mtss_tui.cli import main
from mtss_tui.config import ConfigError, load_settings
from mtss_tui.domain.rules import VERDICTS
from mtss_tui.paths import bundled
from mtss_tui.services.school import School
from mtss_tui.tui.widgets.chart import ChartView

FIELDS = {
    "points",
    "baseline",
    "goal",
    "aim_slope_per_week",
    "ols_slope_per_week",
    "tukey_slope_per_week",
    "roi",
    "gap",
    "weeks_to_goal",
    "rules",
}


def test_json_has_every_documented_field(sample_path, capsys):
    # S3022 is the sample's student whose last four reading points sit under
    # the aim line (scripts/make_sample_data.py).
    assert (
        main(["progress", "S3022", "--db", str(sample_path), "--format", "json"]) == 0
    )
    [analysis] = json.loads(capsys.readouterr().out)["measures"]

    assert set(analysis) >= FIELDS
    assert set(analysis["roi"]) == {"typical", "target", "attained"}
    assert analysis["measure"] == "orf_pm"
    assert {r["verdict"] for r in analysis["rules"]} <= set(VERDICTS)
    assert analysis["rules"][0]["verdict"] == "change_intervention"
    # Grade 3 typical ROI from Hasbrouck & Tindal: (112 - 83) / 32 weeks.
    assert analysis["roi"]["typical"] == pytest.approx(29 / 32)


def test_descending_goal_in_text(sample_path, capsys):
    # S2024: check-in/check-out, disruptions a day, fewer is better.
    assert main(["progress", "S2024", "--db", str(sample_path)]) == 0
    text = capsys.readouterr().out
    assert "disruptions (per_day), lower is better" in text
    assert "four_point: change_intervention: 4 of the last 4 points above" in text


def test_unknown_student_or_measure(sample_path, capsys):
    assert main(["progress", "S9999", "--db", str(sample_path)]) == 2
    assert "no student 'S9999'" in capsys.readouterr().err
    assert (
        main(["progress", "S3022", "--measure", "zzz", "--db", str(sample_path)]) == 2
    )
    assert "unknown measure 'zzz'; valid: disruptions" in capsys.readouterr().err


def test_a_local_norm_pack_replaces_the_published_one(sample_db, tmp_path):
    local = tmp_path / "school" / "norms"
    local.mkdir(parents=True)
    text = (bundled("config") / "norms" / "orf_hasbrouck_tindal_2017.toml").read_text()
    text = text.replace('name = "hasbrouck_tindal_2017"', 'name = "maple_local"')
    text = text.replace(
        '{ grade = "3", percentile = 50, fall = 83, winter = 97, spring = 112 }',
        '{ grade = "3", percentile = 50, fall = 70, winter = 85, spring = 102 }',
    )
    (local / "orf_local.toml").write_text(text)
    settings = load_settings(bundled("config"), tmp_path / "school")

    [analysis] = School(sample_db, settings).analyses("S3022")
    assert "maple_local" in analysis.norms_used
    assert analysis.roi["typical"] == pytest.approx((102 - 70) / 32)


def test_a_norm_pack_of_unknown_kind(tmp_path):
    (tmp_path / "norms").mkdir()
    (tmp_path / "norms" / "odd.toml").write_text('name = "odd"\nkind = "deciles"\n')
    with pytest.raises(ConfigError, match=r"odd.toml:2: kind: 'deciles': expected"):
        load_settings(bundled("config"), tmp_path)


async def test_c_cycles_the_charts_and_t_shows_the_numbers(
    make_app, sample_path, settings, clock
):
    app = make_app(sample_path, actor="t")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        view = app.screen.query_one(ChartView)
        keys = [c.key for c in view.charts]
        assert keys[:3] == ["progress:orf_pm", "attendance", "screening:orf"]
        assert keys[-1] == "incidents"  # none recorded: the empty chart comes last

        await pilot.press("c")
        assert view.chart.key == "attendance"
        note = str(app.screen.query_one("#card-rule", Static).render())
        assert "months below 90% attendance" in note

        await pilot.press("t")
        shown = str(view.render())
        assert "the numbers behind the chart" in shown
        assert "attendance %" in shown and "90% line" in shown


async def test_the_wide_queue_lists_each_students_own_reasons(
    make_app, sample_path, settings, clock
):
    """Regression: from the second student on, the queue showed the previous
    student's last flag object where the flag count belongs."""
    app = make_app(sample_path, actor="t")
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("ctrl+s", "n")
        await pilot.pause()
        pane = app.screen.query_one("#step-students")
        queue = app.screen.query_one("#queue")
        for index, entry in enumerate(pane.entries[:4]):
            prompt = str(queue.get_option_at_index(index).prompt)
            assert "Flag(" not in prompt
            assert prompt.splitlines()[0].endswith(f"⚑{len(entry.flags)}")
            assert [line.strip() for line in prompt.splitlines()[1:]] == [
                f.reason for f in entry.flags
            ]


def test_a_falling_baseline_sets_no_goal_of_its_own(sample_db, settings):
    """Regression: 1.5 x a slope in the wrong direction gave goals below zero."""
    sample_db.execute(
        "UPDATE interventions SET goal_value = NULL, goal_date = NULL, baseline = NULL "
        "WHERE student_id = 'S2024'"
    )
    [analysis] = School(sample_db, settings).analyses("S2024")
    assert analysis.goal is None or analysis.goal >= 0
    assert analysis.goal is None or analysis.goal < analysis.baseline


@pytest.mark.parametrize("kind", ['["benchmarks"]', "{ x = 1 }"])
def test_a_kind_that_is_not_a_word(tmp_path, kind):
    (tmp_path / "norms").mkdir()
    (tmp_path / "norms" / "odd.toml").write_text(f'name = "odd"\nkind = {kind}\n')
    with pytest.raises(ConfigError, match=r"odd.toml:2: kind: .*expected one of"):
        load_settings(bundled("config"), tmp_path)


def test_a_norm_pack_needs_its_citation_and_rows(tmp_path):
    (tmp_path / "norms").mkdir()
    pack = tmp_path / "norms" / "growth.toml"
    pack.write_text(
        'name = "g"\ntitle = "t"\ncitation = ""\nkind = "weekly_growth"\n'
        'row = [{ grade = "3", measures = ["orf"], per_week = -1.0 }]\n'
    )
    with pytest.raises(ConfigError) as error:
        load_settings(bundled("config"), tmp_path)
    assert "growth.toml:3: citation: String should have at least 1 character" in str(
        error.value
    )
    assert "row.0.per_week: Input should be greater than 0" in str(error.value)
