"""A throwaway OpenSSH server on 127.0.0.1, set up the way the README deploys one.

Its own host and client keys, its own config, and one `authorized_keys` line
whose forced command runs a read-only mtss command on one database: what the
client asks to run is ignored. The server is stopped by its pid.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


def available() -> bool:
    return Path(SSHD).exists() and shutil.which("ssh") is not None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ReviewServer:
    def __init__(self, folder: Path, forced_command: str) -> None:
        self.folder = folder
        self.port = free_port()
        folder.mkdir(parents=True, exist_ok=True)
        for name in ("host", "client"):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", folder / name],
                check=True,
            )
        public = (folder / "client.pub").read_text().strip()
        # The README's line: no forwarding, a terminal, and only this command.
        quoted = forced_command.replace('"', '\\"')
        (folder / "authorized_keys").write_text(
            f'restrict,pty,command="{quoted}" {public}\n'
        )
        (folder / "sshd_config").write_text(
            f"ListenAddress 127.0.0.1\nPort {self.port}\n"
            f"HostKey {folder / 'host'}\nPidFile {folder / 'sshd.pid'}\n"
            f"AuthorizedKeysFile {folder / 'authorized_keys'}\n"
            "PubkeyAuthentication yes\nPasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
            f"AllowUsers {os.environ.get('USER') or 'root'}\n"
            "UsePAM no\nStrictModes no\nAcceptEnv LANG LC_* COLORTERM\n"
        )
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)
        subprocess.run([SSHD, "-t", "-f", folder / "sshd_config"], check=True)
        self.process = subprocess.Popen(
            [SSHD, "-D", "-e", "-f", folder / "sshd_config"],
            stderr=(folder / "sshd.log").open("w"),
        )
        self._wait_listening()

    def _wait_listening(self, timeout: float = 10) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise AssertionError(f"sshd did not listen:\n{self.log()}")

    def log(self) -> str:
        return (self.folder / "sshd.log").read_text()

    def ssh(self, *extra: str, command: str = "") -> str:
        """The ssh command line, as a shell string (for tmux or subprocess)."""
        user = os.environ.get("USER") or "root"
        parts = [
            "ssh", "-F", "none", "-i", str(self.folder / "client"),
            "-p", str(self.port),
            "-o", f"UserKnownHostsFile={self.folder / 'known_hosts'}",
            "-o", "StrictHostKeyChecking=accept-new", "-o", "BatchMode=yes",
            "-o", "IdentitiesOnly=yes", *extra, f"{user}@127.0.0.1",
        ]  # fmt: skip
        if command:
            parts.append(command)
        return shlex.join(parts)

    def listening_addresses(self) -> set[str]:
        """Local addresses (kernel hex, 127.0.0.1 is 0100007F) on the port."""
        found = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            path = Path(table)
            if not path.exists():
                continue
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                address, port = fields[1].split(":")
                if fields[3] == "0A" and int(port, 16) == self.port:  # LISTEN
                    found.add(address)
        return found

    def stop(self) -> None:
        pid = int((self.folder / "sshd.pid").read_text())
        os.kill(pid, signal.SIGTERM)
        self.process.wait(timeout=10)
