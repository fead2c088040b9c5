"""Reading the TOML configuration: defaults from `config/`, a school's overrides.

A school overrides a default by putting a file of the same name in its own
folder (`--config DIR` or `$MTSS_CONFIG`). Every fault is reported as
`file:line: key: what is wrong`, so a coach can fix the file without a
traceback.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mtss_tui.domain.flags import CutScore, FlagRule, ScreeningWindows
from mtss_tui.domain.protocol import Protocol, Vocabulary

Model = TypeVar("Model", bound=BaseModel)


class ConfigError(Exception):
    """A configuration file that cannot be used; the message locates each fault."""


class FlagRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    rule: list[FlagRule] = Field(min_length=1)


class CutScores(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    citation: str
    windows: ScreeningWindows = ScreeningWindows()
    cut: list[CutScore] = []


@dataclass(frozen=True)
class Settings:
    """All configuration a meeting needs, validated."""

    flag_rules: list[FlagRule]
    cuts: CutScores
    vocabulary: Vocabulary
    protocols: dict[str, Protocol]
    sources: tuple[Path, ...]
    """Folders read, defaults first."""

    def protocol(self, name: str) -> Protocol:
        try:
            return self.protocols[name]
        except KeyError:
            valid = ", ".join(sorted(self.protocols))
            raise ConfigError(f"unknown protocol {name!r}; valid: {valid}") from None


def load_settings(default_dir: Path, override_dir: Path | None = None) -> Settings:
    dirs = [default_dir] + ([override_dir] if override_dir else [])
    if override_dir is not None and not override_dir.is_dir():
        raise ConfigError(f"{override_dir}: configuration folder not found")

    def pick(name: str) -> Path:
        for folder in reversed(dirs):
            if (folder / name).is_file():
                return folder / name
        raise ConfigError(f"{default_dir / name}: file missing")

    rules = load_model(pick("flags.toml"), FlagRules)
    cuts = load_model(pick("norms/screening_cuts.toml"), CutScores)
    vocabulary = load_model(pick("vocabulary.toml"), Vocabulary)
    protocols: dict[str, Protocol] = {}
    for folder in dirs:
        for path in sorted((folder / "protocols").glob("*.toml")):
            protocol = load_protocol(path)
            protocols[protocol.name] = protocol
    if not protocols:
        raise ConfigError(f"{default_dir / 'protocols'}: no protocol files")
    return Settings(list(rules.rule), cuts, vocabulary, protocols, tuple(dirs))


def load_protocol(path: Path) -> Protocol:
    data, text = read_toml(path)
    if "step" in data:
        data["steps"] = data.pop("step")
    return _validate(Protocol, data, path, text, {"steps": "step"})


def load_model(path: Path, model: type[Model]) -> Model:
    data, text = read_toml(path)
    return _validate(model, data, path, text, {})


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or _line_from_message(str(error))
        raise ConfigError(f"{path}:{line}: invalid TOML: {_plain(error)}") from None


def _validate(model, data, path: Path, text: str, renames: dict[str, str]):
    try:
        return model.model_validate(data)
    except ValidationError as error:
        faults = []
        for fault in error.errors():
            loc = tuple(
                renames.get(part, part) for part in fault["loc"] if not _is_tag(part)
            )
            key = ".".join(str(part) for part in loc) or "(file)"
            line = locate(text, loc)
            faults.append(f"{path}:{line}: {key}: {_problem(fault)}")
        raise ConfigError("\n".join(faults)) from None


def _is_tag(part) -> bool:
    """Discriminated unions add the tag to the location; it is not a TOML key."""
    return isinstance(part, str) and part in {
        "attendance_rate",
        "incident_count",
        "screening_cut",
        "below_aim",
    }


def _problem(fault: dict) -> str:
    if fault["type"] == "extra_forbidden":
        return "unknown key"
    if fault["type"] == "missing":
        return "required key missing"
    return fault["msg"]


def locate(text: str, loc: tuple) -> int:
    """The line of the key a validation error points at (best effort, 1-based)."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    found = 1
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        if not isinstance(part, str):
            continue
        index = parts.pop(0) if parts and isinstance(parts[0], int) else None
        header = _find_table(lines, part, index, start, end)
        if header is not None:
            start, end = header, _next_header(lines, header + 1, end)
            found = header + 1
            continue
        key_line = _find_key(lines, part, start, end)
        if key_line is None:
            return found
        found = key_line + 1
        if index is not None:
            braces = [n for n in range(key_line, end) if "{" in lines[n]]
            if index < len(braces):
                found = braces[index] + 1
        start = key_line
    return found


def _find_table(lines, name, index, start, end) -> int | None:
    pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(name)}\s*\]\]?\s*(#.*)?$")
    hits = [n for n in range(start, end) if pattern.match(lines[n])]
    if not hits:
        return None
    position = index or 0
    return hits[position] if position < len(hits) else hits[-1]


def _next_header(lines, start, end) -> int:
    for n in range(start, end):
        if lines[n].lstrip().startswith("["):
            return n
    return end


def _find_key(lines, key, start, end) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for n in range(start, end):
        if pattern.match(lines[n]):
            return n
    return None


def _line_from_message(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else 1


def _plain(error: tomllib.TOMLDecodeError) -> str:
    message = getattr(error, "msg", None) or str(error)
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
