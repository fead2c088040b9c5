"""Driving the real `mtss` command in tmux, as a person at a terminal would."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path


class Terminal:
    """One tmux server of its own, running one command in a window."""

    def __init__(self, command: str, cwd: Path, width: int = 100, height: int = 30):
        self.socket = f"mtss-test-{uuid.uuid4().hex[:10]}"
        env = (
            "env TERM=xterm-256color COLORTERM=truecolor "
            f"PATH={shlex.quote(os.environ['PATH'])}"
        )
        script = (
            f"cd {shlex.quote(str(cwd))} && {env} {command}; "
            "echo EXITED rc=$?; sleep 60"
        )
        self._tmux(
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            str(width),
            "-y",
            str(height),
            script,
        )

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=20,
        )
        return result.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "app")

    def wait_for(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(
            f"{text!r} not on screen after {timeout}s:\n{self.screen()}"
        )

    def wait_gone(self, text: str, timeout: float = 20) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if text not in self.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"{text!r} still on screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "app", *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", "app", "-l", text)

    def pane_pid(self) -> int:
        return int(self._tmux("display-message", "-p", "-t", "app", "#{pane_pid}"))

    def close(self) -> None:
        self._tmux("kill-server")


def mtss_command(*args: str) -> str:
    return " ".join(
        [shlex.quote(sys.executable), "-m", "mtss_tui", *map(shlex.quote, args)]
    )
