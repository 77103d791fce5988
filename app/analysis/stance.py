"""Score stance (concern / positive / neutral) in a way that fits hardship answers."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from .phrase_index import PhraseIndex
from .polarity import polarity

CUES_PATH = Path(__file__).parent / "data" / "stance_cues.yaml"
STANCES = ("concern", "neutral", "positive")
NEGATION_WINDOW = 4


@dataclass(frozen=True)
class StanceSignals:
    """Counts of cues in one answer plus TextBlob's polarity."""

    concern: float
    positive: float
    suggestion: float
    polarity: float

    def as_list(self) -> list[float]:
        """Return the signals as model features."""
        return [self.concern, self.positive, self.suggestion, self.polarity]


class StanceCues:
    """Multilingual cue lists for concern, positive feeling and suggestions."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Index every cue list."""
        self.index = PhraseIndex(
            (kind, p) for kind in ("concern", "positive", "suggestion") for pats in data[kind].values() for p in pats
        )
        self.negators = frozenset(data.get("negators", []))

    def signals(self, clauses: list[list[str]], english: bool) -> StanceSignals:
        """Count cues per clause; a negated positive ('didn't help') counts as concern."""
        counts = {"concern": 0.0, "positive": 0.0, "suggestion": 0.0}
        for clause in clauses:
            for hit in self._longest_hits(clause):
                negated = any(w in self.negators for w in clause[max(0, hit.start - NEGATION_WINDOW):hit.start])
                kind = hit.label
                if negated and kind == "positive":
                    kind = "concern"
                elif negated and kind in ("concern", "suggestion"):
                    # "not worried" is not a concern, nor praise; "they won't give me more" is no suggestion.
                    continue
                counts[kind] += 1
        polarity = _polarity(clauses) if english else 0.0
        return StanceSignals(counts["concern"], counts["positive"], counts["suggestion"], polarity)

    def _longest_hits(self, clause: list[str]) -> list[Any]:
        """Return hits that are not inside a longer hit ('cant afford' rather than 'afford')."""
        hits = sorted(self.index.find(clause), key=lambda h: (h.start, -(h.end - h.start)))
        kept, covered_to = [], -1
        for hit in hits:
            if hit.start >= covered_to:
                kept.append(hit)
                covered_to = hit.end
        return kept


def _polarity(clauses: list[list[str]]) -> float:
    """Return TextBlob's polarity (its lexicon and rules) over our own tokens."""
    return polarity([w for clause in clauses for w in clause])


def rule_stance(s: StanceSignals) -> str:
    """Decide stance from cue counts, falling back on TextBlob's polarity."""
    concern = s.concern + (1 if s.polarity < -0.3 else 0)
    # TextBlob reads "nowhere safe" as positive ("safe"): let its polarity add praise only without concern cues.
    positive = s.positive + (1 if s.polarity > 0.4 and not s.concern else 0)
    if s.suggestion and s.concern <= 1 and s.positive <= 1:
        return "neutral"  # a suggestion ("more clubs would be great") is neutral
    if concern > positive or (concern and concern == positive and s.polarity <= 0):
        return "concern"
    if positive:
        return "positive"  # more praise than concern, or a tie that TextBlob reads as positive
    return "neutral"


def sentiment_score(s: StanceSignals) -> float:
    """Return a -1..1 sentiment that counts hardship as negative, blended with TextBlob."""
    total = s.concern + s.positive
    cue_score = (s.positive - s.concern) / total if total else 0.0
    return max(-1.0, min(1.0, 0.7 * cue_score + 0.3 * s.polarity))


@lru_cache(maxsize=1)
def default_cues() -> StanceCues:
    """Return the packaged stance cues (cached)."""
    with open(CUES_PATH, encoding="utf-8") as handle:
        return StanceCues(yaml.safe_load(handle))
