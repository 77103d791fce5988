"""Pick key phrases: noun-phrase chunks for English (offline parser), frequent words otherwise."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from textblob.en import parse

from .normalise import tokens

MAX_PHRASES = 5
_SKIP_TAGS = {"DT", "PRP", "PRP$", "CC", "IN", "WDT", "WP", "EX", "PDT", "CD"}
_STOPWORDS = frozenset(
    "the a an and or but of to in on for with at by from is are was were be been it its this that these those "
    "i me my we our us you your he she they them their his her there here have has had do does did not no so "
    "very really just all any some more most can cant could would should will im its dont get got go"
    .split()
)


def noun_phrases(text: str) -> list[str]:
    """Return noun-phrase chunks from TextBlob's offline parser (lemmata off: no corpora)."""
    phrases: list[str] = []
    current: list[str] = []
    for sentence in parse(text, lemmata=False, relations=False).split():
        for word, tag, chunk, _pnp in (t[:4] for t in sentence):
            if chunk.endswith("NP") and tag not in _SKIP_TAGS and word.lower() not in _STOPWORDS:
                if chunk.startswith("B-") and current:
                    phrases.append(" ".join(current))
                    current = []
                current.append(word.lower())
            elif current:
                phrases.append(" ".join(current))
                current = []
    if current:
        phrases.append(" ".join(current))
    return [p for p in phrases if len(p) > 2]


def key_phrases(text: str, language: str = "en", matched: Iterable[str] = ()) -> list[str]:
    """Return up to five key phrases: rule matches first, then noun phrases or content words."""
    found = list(dict.fromkeys(m for m in matched if m))
    if language == "en" or text.isascii():
        found += noun_phrases(text)
    else:
        found += [w for w in tokens(text.lower()) if len(w) > 3 and w not in _STOPWORDS]
    return list(dict.fromkeys(found))[:MAX_PHRASES]


def top_phrases(texts: Iterable[str], limit: int = MAX_PHRASES) -> list[str]:
    """Return the phrases shared by most texts (each text counted once per phrase)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(key_phrases(text)))
    return [p for p, n in counts.most_common(limit)]
