"""Screen free text for signs that a child or adult may be at risk (fast rules, plus a small model).

Three layers, any of which flags: exact cue phrases, word-list pairs, and multilingual concept
lexicons combined by co-occurrence rules (safeguarding_concepts.py); idioms and hyperbole are
blanked or vetoed first. A learned n-gram model is ORed in for wordings the rules miss.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .normalise import normalise
from .phrase_index import PhraseIndex, split_clauses
from .safeguarding_concepts import ConceptScreen
from .safeguarding_model import THRESHOLD as MODEL_THRESHOLD
from .safeguarding_model import default_model

CUES_PATH = Path(__file__).parent / "data" / "safeguarding_cues.yaml"
NEGATION_WINDOW = 2
# An idiom stops being an idiom when it is about telling someone ("he'll kill me if I tell").
_DISCLOSURE_WORDS = frozenset("tell told say said speak report anyone any1 police".split())


class SafeguardingScreen:
    """Cue and idiom patterns, loaded once from a YAML data file."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Index cues by category, plus idioms and negators."""
        self.idioms = PhraseIndex(("idiom", p) for p in data.get("idioms", []))
        self.negators = frozenset(normalise(w) for w in data.get("negators", []))
        self.cues = PhraseIndex(
            (category, p)
            for category, by_language in data["categories"].items()
            for pats in by_language.values()
            for p in pats
        )
        self.order = list(data["categories"])
        self.concepts = ConceptScreen(data)
        # Pairs of word lists, labelled "category|pair number|side", matched in one index.
        self.pairs = PhraseIndex(
            (f"{category}|{n}|{side}", p)
            for category, pairs in (data.get("combinations") or {}).items()
            for n, pair in enumerate(pairs)
            for side, words in zip("AB", pair)
            for p in words
        )

    def screen(self, text: str) -> dict[str, Any]:
        """Return {'flag', 'categories', 'cues'} for one answer."""
        return self.screen_clauses(split_clauses(normalise(text or "")))

    def screen_clauses(self, clauses: list[list[str]]) -> dict[str, Any]:
        """Screen text already normalised and split into clauses of tokens."""
        found: dict[str, str] = {}
        sides: dict[str, dict[str, str]] = {}
        seen: dict[str, str] = {}
        for clause in clauses:
            clause = self._without_idioms(clause)
            for hit in self.cues.find(clause):
                if hit.label not in found and not self._negated(clause, hit.start):
                    found[hit.label] = hit.phrase
            by_concept = self.concepts.screen_clause(clause, self._negated, seen)
            if by_concept is None:
                continue  # hyperbole about things ("the heat is killing me"): no word pairs either
            for category, cue in by_concept.items():
                found.setdefault(category, cue)
            self._collect_pair_sides(clause, sides)
        for category, cue in self.concepts.screen_text(seen).items():
            found.setdefault(category, cue)
        # Both sides of a pair may sit in different clauses ("a lad online wants, you know, photos").
        for key, side in sides.items():
            if "A" in side and "B" in side and side["A"] != side["B"]:
                found.setdefault(key.split("|")[0], f"{side['A']} + {side['B']}")
        categories = [c for c in self.order if c in found]
        return {"flag": bool(categories), "categories": categories, "cues": [found[c] for c in categories]}

    def _collect_pair_sides(self, clause: list[str], sides: dict[str, dict[str, str]]) -> None:
        """Record which side (A or B) of each word-list pair occurs, un-negated, in this clause."""
        for hit in self.pairs.find(clause):
            if not self._negated(clause, hit.start):
                key, side = hit.label.rsplit("|", 1)
                sides.setdefault(key, {}).setdefault(side, hit.phrase)

    def _without_idioms(self, clause: list[str]) -> list[str]:
        """Blank out idioms and hyperbole ('the bus fare is killing us') before matching cues."""
        blanked = list(clause)
        for hit in self.idioms.find(clause):
            tail = clause[hit.end:hit.end + 3]
            if not _DISCLOSURE_WORDS.intersection(tail):
                blanked[hit.start:hit.end] = [""] * (hit.end - hit.start)
        return blanked

    def _negated(self, clause: list[str], start: int) -> bool:
        """Return True when 'nobody', 'not' or 'no one' directly precedes the cue."""
        before = clause[max(0, start - NEGATION_WINDOW):start]
        return any(w in self.negators for w in before) or before[-2:] == ["no", "one"]


@lru_cache(maxsize=1)
def default_screen() -> SafeguardingScreen:
    """Return the screen built from the packaged cue file (cached)."""
    with open(CUES_PATH, encoding="utf-8") as handle:
        return SafeguardingScreen(yaml.safe_load(handle))


def with_model(texts: list[str], rule_results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Let the learned model flag answers the rules left alone, in one batch.

    A model-only flag has category "possible_disclosure" and cue "model:<probability>".
    """
    quiet = [i for i, (text, result) in enumerate(zip(texts, rule_results))
             if not result["flag"] and text and text.strip()]
    results = list(rule_results)
    if not quiet:
        return results
    probabilities = default_model().predict_proba([texts[i] for i in quiet])
    for i, probability in zip(quiet, probabilities):
        if probability >= MODEL_THRESHOLD:
            results[i] = {"flag": True, "categories": ["possible_disclosure"],
                          "cues": [f"model:{probability:.2f}"]}
    return results


def screen_safeguarding(text: str, language: str | None = None) -> dict[str, Any]:
    """Screen one answer in any launch language; return flag, categories and matched cues.

    Rules first; when they do not flag, a learned model (safeguarding_model.py) may still flag
    new wordings.
    """
    # Cues from every language are checked: people mix languages or pick another language.
    del language
    return with_model([text], [default_screen().screen(text)])[0]
