"""Where things live: the bundled config and sample school, the default database."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """`config` or `sample_data`: in the wheel, or beside the package in a checkout."""
    installed = PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return PACKAGE_DIR.parent / name


def default_db_path() -> Path:
    """`$MTSS_DB` if set, else `mtss.db` in the user data directory."""
    if os.environ.get("MTSS_DB"):
        return Path(os.environ["MTSS_DB"]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("mtss_tui", appauthor=False) / "mtss.db"


def cache_dir() -> Path:
    """Where checked configuration is kept between runs (safe to delete)."""
    from platformdirs import user_cache_path

    return user_cache_path("mtss_tui", appauthor=False)


def config_override() -> Path | None:
    """A school's own configuration folder, from `$MTSS_CONFIG`."""
    value = os.environ.get("MTSS_CONFIG")
    return Path(value).expanduser() if value else None


def minutes_dir(db_path: Path) -> Path:
    """Minutes files are written next to the database, in `minutes/`."""
    return db_path.parent / "minutes"


def ascii_wanted() -> bool:
    """Plain ASCII charts and marks: `--ascii`, or `MTSS_ASCII=1`."""
    return os.environ.get("MTSS_ASCII", "").strip().lower() in ("1", "yes", "true")
