"""TextBlob's polarity, computed from its own lexicon over our tokens (its tokeniser is the slow part)."""
from __future__ import annotations

from functools import lru_cache

from textblob.en import sentiment as textblob_sentiment

# Our normaliser drops apostrophes, so "don't" arrives as "dont": treat those as negations too.
_EXTRA_NEGATIONS = frozenset("dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt".split())


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[float, float]], frozenset[str], frozenset[str]]:
    """Return {word: (polarity, intensity)}, the modifier words and the negations, from TextBlob."""
    textblob_sentiment.load()
    scores: dict[str, tuple[float, float]] = {}
    modifiers: set[str] = set()
    for word in list(textblob_sentiment.keys()):
        senses = textblob_sentiment[word]
        if None in senses:
            polarity, _subjectivity, intensity = senses[None]
            scores[word] = (polarity, intensity)
        if any(pos in senses for pos in textblob_sentiment.modifiers):
            modifiers.add(word)
    negations = frozenset(textblob_sentiment.negations) | _EXTRA_NEGATIONS
    return scores, frozenset(modifiers), negations


def polarity(words: list[str]) -> float:
    """Return the mean polarity of known words, with TextBlob's modifier and negation rules."""
    scores, modifiers, negations = _lexicon()
    assessed: list[list[float]] = []  # [polarity, intensity, negated]
    modifier = negation = False
    for word in words:
        if word in scores:
            p, i = scores[word]
            if modifier and assessed:
                # "really good": the modifier's intensity scales this word's polarity.
                assessed[-1][0] = max(-1.0, min(p * assessed[-1][1], 1.0))
                assessed[-1][1] = i
            else:
                assessed.append([p, i, 0.0])
            if negation:
                assessed[-1][2] = 1.0
            modifier, negation = word in modifiers, word in negations
        elif word in negations:
            negation = True
        else:
            negation = negation and len(word) <= 1  # negation survives only tiny words ("not a good")
            modifier = modifier and len(word) <= 2
    if not assessed:
        return 0.0
    return sum(p * -0.5 if negated else p for p, _i, negated in assessed) / len(assessed)
