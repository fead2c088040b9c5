"""The package as a user installs it: a wheel in a fresh virtual environment."""

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A new venv with the built wheel installed; returns its bin/ folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--outdir",
            str(work / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = (work / "dist").glob("mtss_tui-*.whl")
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / "bin"
    subprocess.run(
        [str(bin_dir / "pip"), "install", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return bin_dir


def test_sample_and_flags_from_the_installed_wheel(installed, tmp_path):
    db = tmp_path / "school.db"
    outside = tmp_path / "elsewhere"  # far from the checkout's config/ folder
    outside.mkdir()

    sample = subprocess.run(
        [str(installed / "mtss"), "sample", "--db", str(db)],
        cwd=outside,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert sample.returncode == 0, sample.stderr
    assert "88 students" in sample.stdout

    flags = subprocess.run(
        [str(installed / "mtss"), "flags", "--db", str(db), "--format", "json"],
        cwd=outside,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert flags.returncode == 0, flags.stderr
    rules = {row["rule"] for row in json.loads(flags.stdout)}
    assert rules == {
        "chronic_absence",
        "recent_incidents",
        "screening_below_cut",
        "progress_below_aim",
        "weekday_pattern",
    }

    where = subprocess.run(
        [
            str(installed / "python"),
            "-c",
            "from mtss_tui.paths import bundled; print(bundled('config'))",
        ],
        cwd=outside,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "site-packages" in where.stdout
