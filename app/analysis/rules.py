"""Match codebook patterns against normalised text, with negation handling and exceptions."""
from __future__ import annotations

from dataclasses import dataclass

from .codebook import Codebook
from .normalise import normalise
from .phrase_index import Hit, PhraseIndex, split_clauses

NEGATION_WINDOW = 3
# A codebook pattern starting with "~" is an exception: "~health visitor*" stops "health" from
# counting as health_wellbeing inside "health visitor", without dropping the useful word "health".
EXCEPTION = "~"


@dataclass(frozen=True)
class RuleHit:
    """A code whose patterns matched and were not negated."""

    code: str
    phrase: str
    count: int


def _labelled(codebook: Codebook) -> list[tuple[str, str]]:
    """Return (label, pattern) pairs; exceptions get the label "~code"."""
    pairs = []
    for code in codebook.codes:
        for pats in code.patterns.values():
            for p in pats:
                is_exception = p.startswith(EXCEPTION)
                pairs.append((EXCEPTION + code.code if is_exception else code.code, p.lstrip(EXCEPTION)))
    return pairs


def _excepted(hit: Hit, exceptions: list[Hit]) -> bool:
    """Return True when an exception for the same code covers this hit's first word."""
    return any(e.label[1:] == hit.label and e.start <= hit.start < e.end for e in exceptions)


class RuleMatcher:
    """Codebook patterns for every code and language, in one index."""

    def __init__(self, codebook: Codebook) -> None:
        """Index all patterns of all codes."""
        self.codebook = codebook
        self.negators = frozenset(normalise(w) for w in codebook.negators)
        self.breakers = frozenset(normalise(w) for w in codebook.negation_breakers)
        self.coded = frozenset(c.code for c in codebook.codes if any(c.patterns.values()))
        self.index = PhraseIndex(_labelled(codebook))

    def match(self, text: str, normalised: str | None = None) -> list[RuleHit]:
        """Return one hit per code whose patterns match text and are not negated."""
        norm = normalised if normalised is not None else normalise(text)
        return self.match_clauses(split_clauses(norm))

    def match_clauses(self, clauses: list[list[str]]) -> list[RuleHit]:
        """Return rule hits for text already split into clauses of tokens."""
        phrases: dict[str, str] = {}
        counts: dict[str, int] = {}
        for clause in clauses:
            found = self.index.find(clause)
            exceptions = [h for h in found if h.label.startswith(EXCEPTION)]
            seen: set[tuple[str, int]] = set()
            for hit in found:
                if hit.label.startswith(EXCEPTION) or (hit.label, hit.start) in seen:
                    continue
                if self.is_negated(clause, hit.start) or (exceptions and _excepted(hit, exceptions)):
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
