"""Make the README's screenshots from the app itself, on the sample school.

python scripts/screenshot.py        # writes docs/*.svg (and .png with rsvg-convert)
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
from pathlib import Path

from mtss_tui.config import load_settings
from mtss_tui.paths import bundled
from mtss_tui.services.school import write_sample
from mtss_tui.store import open_db
from mtss_tui.tui.app import MeetingApp

DOCS = Path(__file__).resolve().parent.parent / "docs"
SHOTS = {
    "meeting-student-review": ((120, 40), ["ctrl+s", "n"]),
    "meeting-80x24": ((80, 24), ["ctrl+s", "n"]),
    "meeting-setup": ((100, 24), []),
}


async def shoot(name: str, size: tuple[int, int], keys: list[str]) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "school.db"
        write_sample(path, "screenshot")
        seconds = iter(range(1000, 100000, 37))
        app = MeetingApp(
            db=open_db(path),
            db_path=path,
            settings=load_settings(bundled("config")),
            team="grade-3",
            actor="screenshot",
            now=lambda: float(next(seconds)),
            tick=False,
        )
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause()
            out = DOCS / f"{name}.svg"
            app.save_screenshot(str(out))
    return out


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for name, (size, keys) in SHOTS.items():
        svg = asyncio.run(shoot(name, size, keys))
        if shutil.which("rsvg-convert"):
            subprocess.run(
                ["rsvg-convert", str(svg), "-o", str(svg.with_suffix(".png"))],
                check=True,
            )
        print(svg)


if __name__ == "__main__":
    main()
