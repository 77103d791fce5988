"""Concept co-occurrence layer of the safeguarding screen: general harm lexicons, not phrasings."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .phrase_index import PhraseIndex

# Arabic verbs carry the object as a suffix ("يضربني", hits me): treat "-ني" as a first-person referent.
_ARABIC_ME = re.compile(r"^[\u0600-\u06ff]{3,}نی$")
# Concepts that a negator just before them cancels ("nobody hits me"); absence concepts carry
# their own negation ("no food", "nobody cares") and are never cancelled.
NEGATABLE = frozenset({"hit", "touch", "self_harm_act", "fear", "forced", "die", "threat", "naked"})


class ConceptScreen:
    """Multilingual concept lexicons combined by rules that must co-occur in one clause."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Index every concept's stems and read the category rules."""
        self.index = PhraseIndex(
            (name, p) for name, stems in (data.get("concepts") or {}).items() for p in stems
        )
        self.rules = RuleSet(data.get("concept_rules"))
        # Rules whose concepts may sit in different clauses ("no food, and mum stays in bed").
        self.text_rules = RuleSet(data.get("concept_text_rules"))
        _check_rules(data, [self.rules, self.text_rules])

    def concepts(self, clause: list[str], negated: Callable[[list[str], int], bool]) -> dict[str, str]:
        """Return {concept: matched words} for one clause, dropping negated harm concepts."""
        found: dict[str, str] = {}
        for hit in self.index.find(clause):
            if hit.label in NEGATABLE and negated(clause, hit.start):
                continue
            found.setdefault(hit.label, hit.phrase)
        if "me" not in found:
            suffixed = next((t for t in clause if _ARABIC_ME.match(t)), None)
            if suffixed:
                found["me"] = "-نی"  # the suffix, so the same verb can also count as the harm
        return found

    def screen_clause(
        self, clause: list[str], negated: Callable[[list[str], int], bool], seen: dict[str, str]
    ) -> dict[str, str] | None:
        """Return {category: cue} for rules met in this clause (None for hyperbole); add to seen."""
        found = self.concepts(clause, negated)
        # Hyperbole about things, not people ("the heat is killing me", "dying of boredom").
        if "hyperbole" in found:
            return None
        for name, words in found.items():
            seen.setdefault(name, words)
        return self.rules.apply(found)

    def screen_text(self, seen: dict[str, str]) -> dict[str, str]:
        """Return {category: cue} for text-wide rules, given the concepts seen in all clauses."""
        return self.text_rules.apply(seen)


class RuleSet:
    """Category rules, each a set of concepts that must all be found, indexed by concept."""

    def __init__(self, raw: dict[str, list[str]] | None) -> None:
        """Parse {category: ["a+b", ...]} and index each rule under its first concept."""
        self.rules = [
            (category, tuple(combo.split("+"))) for category, combos in (raw or {}).items() for combo in combos
        ]
        # A rule can only fire when its first concept is present, so most clauses check no rule at all.
        self.by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for rule in self.rules:
            self.by_first.setdefault(rule[1][0], []).append(rule)

    def apply(self, found: dict[str, str]) -> dict[str, str]:
        """Return {category: cue} for every rule whose concepts were all found."""
        out: dict[str, str] = {}
        for concept in found:
            for category, combo in self.by_first.get(concept, ()):
                if category not in out and all(c in found for c in combo):
                    words = [found[c] for c in combo]
                    if len(set(words)) == len(words):  # one word may not satisfy two concepts
                        out[category] = " + ".join(words)
        return out


def _check_rules(data: dict[str, Any], rule_sets: list[RuleSet]) -> None:
    """Raise ValueError for a rule naming an unknown concept or category (a typo would never fire)."""
    concepts, categories = set(data.get("concepts") or {}), set(data.get("categories") or {})
    for rule_set in rule_sets:
        for category, combo in rule_set.rules:
            unknown = [c for c in combo if c not in concepts] + ([category] if category not in categories else [])
            if unknown:
                raise ValueError(f"safeguarding rule {category}: {'+'.join(combo)} names unknown {unknown}")
