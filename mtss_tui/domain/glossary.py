"""The team's glossary: the words the data and the rules use, defined once.

A definition that quotes a number (the chronic-absence threshold, the points a
decision rule needs) takes it from the live configuration, so the glossary
never says 10% while the flag rules say 15%. The `rule` of a term names a flag
rule by its id, or one of the fixed thresholds in `THRESHOLDS`; the
definition's `{placeholders}` name that rule's settings, with Python's format
specifications (`{threshold:.0%}` shows 0.1 as 10%).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Annotated, ClassVar

from annotated_types import MinLen

from mtss_tui.domain.protocol import STRICT


@dataclass(frozen=True)
class Term:
    __pydantic_config__: ClassVar[dict] = STRICT

    term: Annotated[str, MinLen(1)]
    definition: Annotated[str, MinLen(1)]
    rule: str = ""
    """A flag rule id or a name in `THRESHOLDS`; its settings fill the text."""
    aliases: list[str] = field(default_factory=list)
    """Other words for the term, matched in text as the term is."""


@dataclass(frozen=True)
class GlossaryFile:
    """`glossary.toml`: one `[[term]]` table per term."""

    __pydantic_config__: ClassVar[dict] = STRICT

    term: Annotated[list[Term], MinLen(1)]


def thresholds() -> dict[str, dict]:
    """Numbers of the progress arithmetic a definition may quote by name."""
    from mtss_tui.domain.analysis import LOW_CONFIDENCE_POINTS, LOW_CONFIDENCE_WEEKS
    from mtss_tui.domain.goals import REASONABLE_FACTOR, SIGNIFICANT_GAP
    from mtss_tui.domain.rules import MIN_POINTS_FOR_RULE, MIN_WEEKS_FOR_RULE

    return {
        "decision_rules": {
            "points": MIN_POINTS_FOR_RULE,
            "weeks": MIN_WEEKS_FOR_RULE,
        },
        "low_confidence": {
            "points": LOW_CONFIDENCE_POINTS,
            "weeks": LOW_CONFIDENCE_WEEKS,
        },
        "gap": {"significant": SIGNIFICANT_GAP},
        "roi_needed": {"reasonable_factor": REASONABLE_FACTOR},
    }


def rule_values(flag_rules) -> dict[str, dict]:
    """Every name a term's `rule` may give, with the settings behind it."""
    values = thresholds()
    for rule in flag_rules:
        values[rule.id] = asdict(rule)
    return values


class DefinitionProblem(Exception):
    """A definition that cannot be filled from its rule; says which part."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def fill(term: Term, values: dict[str, dict]) -> str:
    """The definition as shown, with its rule's numbers put in."""
    if not term.rule:
        return term.definition
    if term.rule not in values:
        names = ", ".join(sorted(values))
        raise DefinitionProblem(
            "rule", f"{term.rule!r} is no flag rule or threshold; valid: {names}"
        )
    settings = values[term.rule]
    try:
        return term.definition.format(**settings)
    except KeyError as missing:
        names = ", ".join(sorted(settings))
        raise DefinitionProblem(
            "definition",
            f"{{{missing.args[0]}}} is no setting of {term.rule}; valid: {names}",
        ) from None
    except (ValueError, IndexError, TypeError) as error:
        raise DefinitionProblem("definition", f"cannot fill in: {error}") from None


class Glossary:
    """The terms, their filled-in definitions, and finding them in a text."""

    def __init__(self, terms: list[Term], values: dict[str, dict]) -> None:
        self.terms = terms
        self._values = values
        self._patterns = [
            (
                term,
                re.compile(
                    "|".join(
                        rf"(?<!\w){re.escape(name)}(?!\w)"
                        for name in sorted([term.term, *term.aliases], key=len)[::-1]
                    ),
                    re.IGNORECASE,
                ),
            )
            for term in terms
        ]

    def define(self, term: Term) -> str:
        return fill(term, self._values)

    def named(self, name: str) -> Term | None:
        """The term called `name`, or having it as an alias (any case)."""
        wanted = name.casefold()
        for term in self.terms:
            if wanted in {n.casefold() for n in [term.term, *term.aliases]}:
                return term
        return None

    def found_in(self, text: str) -> list[Term]:
        """The terms whose name or an alias appears in the text, in glossary order."""
        return [term for term, pattern in self._patterns if pattern.search(text)]
