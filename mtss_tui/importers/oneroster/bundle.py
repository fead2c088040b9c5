"""A OneRoster bundle: a folder or a zip holding `manifest.csv` and its files.

A zip is read in memory and never extracted, and every member name is checked
first: a name that climbs out (`..`), starts at a root (`/`, `C:`) or uses a
backslash is refused, and so is the whole zip, since such a bundle was not made
by a roster export. In a folder, a file that is a link to somewhere outside the
folder is refused the same way.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

VERSIONS = ("1.0", "1.1", "1.2")
MODES = ("bulk", "delta", "absent")
MAX_MEMBER_BYTES = 128 * 1024 * 1024
"""A roster file larger than this (uncompressed) is refused: the largest
district's users or enrollments file is a fraction of it, and reading is done
in memory, several copies deep."""
MAX_BUNDLE_BYTES = 384 * 1024 * 1024
"""The same for the files of one bundle together, so a zip of small parts that
expand hugely (a zip bomb) is refused before it fills the machine's memory."""
"""A roster file larger than this is not a roster; refusing it keeps memory safe."""

_DRIVE = re.compile(r"^[A-Za-z]:")


class BundleError(Exception):
    """The bundle cannot be opened at all; the message says why."""


def unsafe_member(name: str) -> bool:
    """True when a zip member's name could point outside the zip."""
    if "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return True
    return ".." in PurePosixPath(name).parts


class Bundle:
    """The files of one bundle, by lower-cased name (`users.csv`)."""

    def __init__(self, where: Path) -> None:
        self.where = where
        self._members: dict[str, str] = {}
        self._zip: zipfile.ZipFile | None = None
        if where.is_dir():
            self._open_folder()
        elif where.is_file():
            self._open_zip()
        else:
            raise BundleError(f"{where}: no such folder or zip file")

    def _open_folder(self) -> None:
        root = self.where.resolve()
        for path in sorted(self.where.iterdir()):
            if not path.name.lower().endswith(".csv"):
                continue
            if not path.resolve().is_relative_to(root):
                raise BundleError(
                    f"{path}: links outside {self.where}; refused (a bundle's "
                    "files must be inside it)"
                )
            if path.is_file():
                self._members[path.name.lower()] = path.name

    def _open_zip(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.where)
        except zipfile.BadZipFile:
            raise BundleError(
                f"{self.where}: neither a folder nor a zip file"
            ) from None
        for info in self._zip.infolist():
            if unsafe_member(info.filename):
                raise BundleError(
                    f"{self.where}: member {info.filename!r}: refused; expected a "
                    "name inside the zip (no '..', no absolute path, no backslash)"
                )
            if "/" not in info.filename.rstrip("/") and not info.is_dir():
                self._members[info.filename.lower()] = info.filename

    def names(self) -> list[str]:
        """The file names at the bundle's top level, as spelled there."""
        return sorted(self._members.values())

    def has(self, name: str) -> bool:
        return name.lower() in self._members

    def spelled(self, name: str) -> str:
        """The file's name as the bundle spells it (`userprofiles.csv`, say)."""
        return self._members.get(name.lower(), name)

    def read(self, name: str) -> bytes:
        member = self._members[name.lower()]
        if self._zip is None:
            return (self.where / member).read_bytes()
        info = self._zip.getinfo(member)
        self._read_bytes = getattr(self, "_read_bytes", 0) + info.file_size
        if info.file_size > MAX_MEMBER_BYTES or self._read_bytes > MAX_BUNDLE_BYTES:
            raise BundleError(
                f"{self.where}: member {member!r}: expands to {info.file_size:,} "
                "bytes, more than a roster file holds; expected a OneRoster bundle"
            )
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise BundleError(
                f"{self.where}: member {member!r}: damaged ({error}); export the "
                "bundle again"
            ) from None

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()


@dataclass
class Manifest:
    """What `manifest.csv` says: the version and each file's mode."""

    version: str = ""
    modes: dict[str, str] = field(default_factory=dict)
    """File name without `.csv`, lower-cased -> bulk, delta or absent."""
    lines: dict[str, int] = field(default_factory=dict)
    """The manifest line that gave each file's mode, for faults."""

    def mode(self, name: str) -> str:
        return self.modes.get(name.lower(), "absent")
