"""Command-palette entries: each glossary term, opening its definition."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class GlossaryCommands(Provider):
    """`ctrl+p` then a term's name: its definition, as configured."""

    def _terms(self):
        return self.app.settings.glossary.terms

    def _help(self, term) -> str:
        """The definition's first sentence, with its configured numbers."""
        return self.app.settings.glossary.define(term).split(". ")[0][:70]

    def _open(self, term) -> None:
        self.app.show_glossary([term], f"Glossary: {term.term}")

    async def discover(self) -> Hits:
        for term in self._terms():
            yield DiscoveryHit(
                f"Glossary: {term.term}",
                partial(self._open, term),
                help=self._help(term),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for term in self._terms():
            names = [f"Glossary: {term.term}"] + [
                f"Glossary: {alias} ({term.term})" for alias in term.aliases
            ]
            score, name = max((matcher.match(n), n) for n in names)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(self._open, term),
                    help=self._help(term),
                )
