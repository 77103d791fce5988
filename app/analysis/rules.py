"""Match codebook patterns against normalised text, with negation handling."""
from __future__ import annotations

from dataclasses import dataclass

from .codebook import Codebook
from .normalise import normalise
from .phrase_index import PhraseIndex, split_clauses

NEGATION_WINDOW = 3


@dataclass(frozen=True)
class RuleHit:
    """A code whose patterns matched and were not negated."""

    code: str
    phrase: str
    count: int


class RuleMatcher:
    """Codebook patterns for every code and language, in one index."""

    def __init__(self, codebook: Codebook) -> None:
        """Index all patterns of all codes."""
        self.codebook = codebook
        self.negators = frozenset(normalise(w) for w in codebook.negators)
        self.breakers = frozenset(normalise(w) for w in codebook.negation_breakers)
        self.coded = frozenset(c.code for c in codebook.codes if any(c.patterns.values()))
        self.index = PhraseIndex(
            (code.code, p) for code in codebook.codes for pats in code.patterns.values() for p in pats
        )

    def match(self, text: str, normalised: str | None = None) -> list[RuleHit]:
        """Return one hit per code whose patterns match text and are not negated."""
        norm = normalised if normalised is not None else normalise(text)
        return self.match_clauses(split_clauses(norm))

    def match_clauses(self, clauses: list[list[str]]) -> list[RuleHit]:
        """Return rule hits for text already split into clauses of tokens."""
        phrases: dict[str, str] = {}
        counts: dict[str, int] = {}
        for clause in clauses:
            seen: set[tuple[str, int]] = set()
            for hit in self.index.find(clause):
                if (hit.label, hit.start) in seen or self.is_negated(clause, hit.start):
                    continue
                seen.add((hit.label, hit.start))  # two patterns on one word count once
                counts[hit.label] = counts.get(hit.label, 0) + 1
                # Keep the longest phrase: it explains the decision best.
                if len(hit.phrase) > len(phrases.get(hit.label, "")):
                    phrases[hit.label] = hit.phrase
        order = self.codebook.code_names
        return [RuleHit(c, phrases[c], counts[c]) for c in order if c in counts]

    def is_negated(self, clause: list[str], start: int) -> bool:
        """Return True when a negator shortly before start flips the meaning ('not hungry')."""
        before = clause[max(0, start - NEGATION_WINDOW):start]
        for i, word in enumerate(before):
            if word in self.negators:
                # "don't have", "not enough", "can't afford" describe hardship, not its absence.
                return not any(w in self.breakers for w in before[i + 1:])
        return False
