"""Reading the TOML configuration: defaults from `config/`, a school's overrides.

A school overrides a default by putting a file of the same name in its own
folder (`--config DIR` or `$MTSS_CONFIG`). Every fault is reported as
`file:line: key: what is wrong`, so a coach can fix the file without a
traceback.

Files are checked with pydantic. Checking costs about a tenth of a second of
start-up, so the meeting app keeps the checked result in its cache folder,
keyed by each file's path, size and modification time, and reuses it while
no file has changed.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import asdict
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtss_tui import __version__
from mtss_tui.domain.protocol import (
    KIND_RECORDS,
    Choice,
    Protocol,
    Step,
    Vocabulary,
)
from mtss_tui.errors import UserError
from mtss_tui.toml_lines import line_of_error, locate, plain_message

if TYPE_CHECKING:
    from mtss_tui.domain.flags import CutScores, FlagRule
    from mtss_tui.domain.glossary import Glossary, Term
    from mtss_tui.domain.norms import Norms
    from mtss_tui.domain.team_norms import TeamNorms


class ConfigError(UserError):
    """A configuration file that cannot be used; the message locates each fault."""


class Settings:
    """All configuration a meeting needs, validated.

    Read from the cache, the flag rules, cut scores and norms are built when
    first used: the first screen of a meeting needs only the protocol and the
    vocabulary, and starts sooner without the modules behind the others.
    """

    def __init__(
        self,
        vocabulary: Vocabulary,
        protocols: dict[str, Protocol],
        flag_rules: list[FlagRule] | None = None,
        cuts: CutScores | None = None,
        norms: Norms | None = None,
        plain: dict | None = None,
        glossary_terms: list[Term] | None = None,
        team_norms: TeamNorms | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.protocols = protocols
        self._given = {
            "flag_rules": flag_rules,
            "cuts": cuts,
            "norms": norms,
            "glossary_terms": glossary_terms,
            "team_norms": team_norms,
        }
        self._plain = plain or {}

    @cached_property
    def flag_rules(self) -> list[FlagRule]:
        from mtss_tui.domain.flags import RULE_KINDS

        if self._given["flag_rules"] is not None:
            return self._given["flag_rules"]
        return [RULE_KINDS[r["kind"]](**r) for r in self._plain["flag_rules"]]

    @cached_property
    def cuts(self) -> CutScores:
        from mtss_tui.domain.flags import CutScore, CutScores, ScreeningWindows

        if self._given["cuts"] is not None:
            return self._given["cuts"]
        cuts = self._plain["cuts"]
        return CutScores(
            citation=cuts["citation"],
            windows=ScreeningWindows(**cuts["windows"]),
            cut=[CutScore(**c) for c in cuts["cut"]],
        )

    @cached_property
    def norms(self) -> Norms:
        from mtss_tui.domain.norms import Norms

        if self._given["norms"] is not None:
            return self._given["norms"]
        return Norms([_pack_from_plain(p) for p in self._plain.get("norms", [])])

    @cached_property
    def glossary_terms(self) -> list[Term]:
        from mtss_tui.domain.glossary import Term

        if self._given["glossary_terms"] is not None:
            return self._given["glossary_terms"]
        return [Term(**t) for t in self._plain["glossary"]]

    @cached_property
    def glossary(self) -> Glossary:
        """The terms, their numbers read from the flag rules now configured."""
        from mtss_tui.domain.glossary import Glossary, rule_values

        return Glossary(self.glossary_terms, rule_values(self.flag_rules))

    @cached_property
    def team_norms(self) -> TeamNorms:
        from mtss_tui.domain.team_norms import NormList, TeamNorms

        if self._given["team_norms"] is not None:
            return self._given["team_norms"]
        plain = self._plain["team_norms"]
        return TeamNorms(
            default=NormList(**plain["default"]),
            team={team: NormList(**n) for team, n in plain["team"].items()},
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Settings):
            return NotImplemented
        return all(
            getattr(self, name) == getattr(other, name)
            for name in (
                "vocabulary",
                "protocols",
                "flag_rules",
                "cuts",
                "norms",
                "glossary_terms",
                "team_norms",
            )
        )

    __hash__ = None

    def protocol(self, name: str) -> Protocol:
        try:
            return self.protocols[name]
        except KeyError:
            valid = ", ".join(sorted(self.protocols))
            raise ConfigError(f"unknown protocol {name!r}; valid: {valid}") from None


def load_settings(
    default_dir: Path, override_dir: Path | None = None, cache_dir: Path | None = None
) -> Settings:
    """Validate the configuration, or reuse the cached result when files match."""
    files = _files(default_dir, override_dir)
    stamp = _stamp(files) if cache_dir else None
    cache = _cache_file(cache_dir, stamp) if stamp else None
    if cache is not None and cache.is_file():
        try:
            plain = json.loads(cache.read_text(encoding="utf-8"))
            if plain.get("stamp") == stamp:
                return _from_plain(plain)
        except (ValueError, KeyError, TypeError, AttributeError):
            pass  # a damaged or outdated cache is simply rebuilt

    from mtss_tui.domain.flags import CutScores
    from mtss_tui.domain.norms import Norms
    from mtss_tui.domain.team_norms import TeamNorms

    rules = _load_rules(files["flags.toml"])
    vocabulary = _load_vocabulary(files["vocabulary.toml"])
    settings = Settings(
        flag_rules=rules,
        cuts=load_model(files["norms/screening_cuts.toml"], CutScores),
        vocabulary=vocabulary,
        protocols=_load_protocols(
            [path for name, path in files.items() if name.startswith("protocols/")],
            vocabulary,
        ),
        norms=Norms(
            [
                _load_pack(path)
                for name, path in files.items()
                if name.startswith("norms/") and name != CUTS
            ]
        ),
        glossary_terms=_load_glossary(files["glossary.toml"], rules),
        team_norms=load_model(files["team_norms.toml"], TeamNorms),
    )
    if cache is not None:
        _write_cache(cache, settings, stamp)
    return settings


SINGLE_FILES = (
    "flags.toml",
    "norms/screening_cuts.toml",
    "vocabulary.toml",
    "glossary.toml",
    "team_norms.toml",
)
"""Files of which a school's copy replaces the default whole."""


def _files(default_dir: Path, override_dir: Path | None) -> dict[str, Path]:
    """Each configuration file by name; a school's file replaces the default."""
    if override_dir is not None and not override_dir.is_dir():
        raise ConfigError(f"{override_dir}: configuration folder not found")
    found: dict[str, Path] = {}
    for folder in [default_dir] + ([override_dir] if override_dir else []):
        for name in SINGLE_FILES:
            if (folder / name).is_file():
                found[name] = folder / name
        for path in sorted((folder / "protocols").glob("*.toml")):
            found[f"protocols/{path.name}"] = path
        for path in sorted((folder / "norms").glob("*.toml")):
            found[f"norms/{path.name}"] = path
    for name in SINGLE_FILES:
        if name not in found:
            raise ConfigError(f"{default_dir / name}: file missing")
    if not any(name.startswith("protocols/") for name in found):
        raise ConfigError(f"{default_dir / 'protocols'}: no protocol files")
    return found


def _load_protocols(
    paths: list[Path], vocabulary: Vocabulary | None = None
) -> dict[str, Protocol]:
    protocols: dict[str, Protocol] = {}
    for path in paths:
        protocol = load_protocol(path, vocabulary)
        protocols[protocol.name] = protocol
    return protocols


def load_protocol(path: Path, vocabulary: Vocabulary | None = None) -> Protocol:
    """A protocol file, checked whole: every fault is reported, each located.

    Beyond the shape of the file, a step's recorded fields must be ones its
    kind can fill in, and its decisions must be in the team's vocabulary.
    """
    data, text = read_toml(path)
    if "step" in data:
        data["steps"] = data.pop("step")
    protocol = _validate(Protocol, data, path, text, {"steps": "step"})

    faults = _twice([s.id for s in protocol.steps], "step", "id", path, text)
    known = {c.id for c in vocabulary.decisions} if vocabulary else None
    for index, step in enumerate(protocol.steps):
        for field_name in step.records:
            if field_name not in KIND_RECORDS[step.kind]:
                line = locate(text, ("step", index, "records"))
                faults.append(
                    f"{path}:{line}: step.{index}.records: a step of kind "
                    f"{step.kind!r} cannot record {field_name!r}; it records "
                    f"{', '.join(sorted(KIND_RECORDS[step.kind]))}"
                )
        for decision in step.decisions:
            if known is not None and decision not in known:
                line = locate(text, ("step", index, "decisions"))
                faults.append(
                    f"{path}:{line}: step.{index}.decisions: {decision!r} is not a "
                    f"decision in the vocabulary; valid: {', '.join(sorted(known))}"
                )
        if step.decisions and "decision" not in step.records:
            line = locate(text, ("step", index, "decisions"))
            faults.append(
                f"{path}:{line}: step.{index}.decisions: offered, but the step "
                "does not record 'decision'"
            )
    if faults:
        raise ConfigError("\n".join(faults))
    return protocol


def _twice(ids: list[str], table: str, key: str, path: Path, text: str) -> list:
    """A fault for each id given a second time."""
    seen: set[str] = set()
    faults = []
    for index, value in enumerate(ids):
        if value in seen:
            line = locate(text, (table, index, key))
            faults.append(
                f"{path}:{line}: {table}.{index}.{key}: {value!r} is used twice"
            )
        seen.add(value)
    return faults


def _unique(ids: list[str], table: str, key: str, path: Path, text: str) -> None:
    """Each id once: a second step, rule or choice of the same id is a fault."""
    faults = _twice(ids, table, key, path, text)
    if faults:
        raise ConfigError(faults[0])


def load_model(path: Path, model: type) -> Any:
    data, text = read_toml(path)
    return _validate(model, data, path, text, {})


CUTS = "norms/screening_cuts.toml"


def _load_pack(path: Path):
    """A norm pack, checked against the record its `kind` names."""
    from mtss_tui.domain.norms import PACK_KINDS

    data, text = read_toml(path)
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in PACK_KINDS:
        kinds = ", ".join(PACK_KINDS)
        raise ConfigError(
            f"{path}:{locate(text, ('kind',))}: kind: {kind!r}: expected one of {kinds}"
        )
    return _validate(PACK_KINDS[kind], data, path, text, {})


def _load_glossary(path: Path, rules: list[FlagRule]) -> list[Term]:
    """`[[term]]` tables; a term's rule must exist and fill its definition."""
    from mtss_tui.domain.glossary import (
        DefinitionProblem,
        GlossaryFile,
        fill,
        rule_values,
    )

    terms = load_model(path, GlossaryFile).term
    _, text = read_toml(path)
    values = rule_values(rules)
    faults = []
    seen: set[str] = set()
    for index, term in enumerate(terms):
        if term.term.casefold() in seen:
            line = locate(text, ("term", index, "term"))
            faults.append(
                f"{path}:{line}: term.{index}.term: {term.term!r} is defined twice"
            )
        seen.add(term.term.casefold())
        try:
            fill(term, values)
        except DefinitionProblem as problem:
            line = locate(text, ("term", index, problem.key))
            faults.append(f"{path}:{line}: term.{index}.{problem.key}: {problem}")
    if faults:
        raise ConfigError("\n".join(faults))
    return terms


def _load_vocabulary(path: Path) -> Vocabulary:
    vocabulary = load_model(path, Vocabulary)
    _, text = read_toml(path)
    for group in (
        "decisions",
        "implementation",
        "effectiveness",
        "evaluation_answers",
        "roles",
    ):
        _unique([c.id for c in getattr(vocabulary, group)], group, "id", path, text)
    return vocabulary


def _load_rules(path: Path) -> list[FlagRule]:
    """`[[rule]]` tables, each checked against the record its `kind` names."""
    from mtss_tui.domain.flags import RULE_KINDS

    data, text = read_toml(path)
    faults = [
        f"{path}:{locate(text, (key,))}: {key}: unknown key"
        for key in data
        if key != "rule"
    ]
    rules = data.get("rule")
    if not isinstance(rules, list) or not rules:
        faults.append(f"{path}:1: rule: at least one [[rule]] table is required")
        raise ConfigError("\n".join(faults))

    checked = []
    for index, rule in enumerate(rules):
        kind = rule.get("kind") if isinstance(rule, dict) else None
        if not isinstance(kind, str) or kind not in RULE_KINDS:
            line = locate(text, ("rule", index, "kind"))
            kinds = ", ".join(RULE_KINDS)
            faults.append(
                f"{path}:{line}: rule.{index}.kind: {kind!r}: expected one of {kinds}"
            )
            continue
        try:
            checked.append(
                _validate(
                    RULE_KINDS[kind], rule, path, text, {}, prefix=("rule", index)
                )
            )
        except ConfigError as error:
            faults.append(str(error))
    if faults:
        raise ConfigError("\n".join(faults))
    _unique([rule.id for rule in checked], "rule", "id", path, text)
    return checked


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    import tomllib  # only when files are checked: a cached start needs none

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}:{line}: not UTF-8 text; save the file as UTF-8"
        ) from None
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or line_of_error(str(error))
        raise ConfigError(
            f"{path}:{line}: invalid TOML: {plain_message(error)}"
        ) from None


def _validate(
    model, data, path: Path, text: str, renames: dict[str, str], prefix: tuple = ()
):
    from pydantic import TypeAdapter, ValidationError

    try:
        # Strict checking of plain records takes JSON input: TOML's values map
        # onto JSON's, and nothing is coerced ("10" stays a string).
        return TypeAdapter(model).validate_json(json.dumps(data, default=str))
    except ValidationError as error:
        faults = []
        for fault in error.errors():
            loc = prefix + tuple(renames.get(part, part) for part in fault["loc"])
            key = ".".join(str(part) for part in loc) or "(file)"
            faults.append(f"{path}:{locate(text, loc)}: {key}: {_problem(fault)}")
        raise ConfigError("\n".join(faults)) from None


def _problem(fault: dict) -> str:
    if fault["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        return "unknown key"
    if fault["type"] in ("missing", "missing_argument"):
        return "required key missing"
    return fault["msg"]


# The validated settings as JSON, and back.


def _stamp(files: dict[str, Path]) -> list | None:
    """What the cached result was checked from: each file's path, size and times."""
    try:
        return [
            [name, str(path.resolve()), *_stat(path)]
            for name, path in sorted(files.items())
        ] + [__version__]
    except OSError:
        return None


def _cache_file(cache_dir: Path, stamp: list) -> Path:
    """The cache's name; the stamp inside it is compared in full on reading."""
    return cache_dir / f"settings-{zlib.crc32(json.dumps(stamp).encode()):08x}.json"


def _stat(path: Path) -> tuple[int, int, int]:
    """Size, modification and change time: a rewrite moves the change time even
    when the size and modification time are put back."""
    info = path.stat()
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _write_cache(cache: Path, settings: Settings, stamp: list) -> None:
    plain = {
        "stamp": stamp,
        "flag_rules": [asdict(rule) for rule in settings.flag_rules],
        "cuts": asdict(settings.cuts),
        "vocabulary": asdict(settings.vocabulary),
        "protocols": {name: asdict(p) for name, p in settings.protocols.items()},
        "norms": [asdict(pack) for pack in settings.norms.packs],
        "glossary": [asdict(term) for term in settings.glossary_terms],
        "team_norms": asdict(settings.team_norms),
    }
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache.with_suffix(".tmp")
        temporary.write_text(json.dumps(plain), encoding="utf-8")
        temporary.replace(cache)
    except OSError:
        pass  # no cache folder is no reason to refuse a meeting


def _from_plain(plain: dict) -> Settings:
    vocabulary = {
        group: [Choice(**c) for c in choices]
        if group != "evaluation_questions"
        else list(choices)
        for group, choices in plain["vocabulary"].items()
    }
    return Settings(
        vocabulary=Vocabulary(**vocabulary),
        protocols={
            name: protocol_from_plain(p) for name, p in plain["protocols"].items()
        },
        plain=plain,
    )


def protocol_from_plain(plain: dict) -> Protocol:
    """A protocol stored as JSON (in the cache, or with the meeting that ran it)."""
    return Protocol(**{**plain, "steps": [Step(**s) for s in plain["steps"]]})


def _pack_from_plain(plain: dict):
    from mtss_tui.domain.norms import BenchmarkPack, BenchmarkRow, GrowthPack, GrowthRow

    if plain["kind"] == "benchmarks":
        rows = [BenchmarkRow(**r) for r in plain["row"]]
        return BenchmarkPack(**{**plain, "row": rows})
    return GrowthPack(**{**plain, "row": [GrowthRow(**r) for r in plain["row"]]})
