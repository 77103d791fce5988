"""Find codebook-style phrase patterns in token lists quickly (hash lookups, no big regex)."""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .normalise import normalise, tokens

GAP = ".."
MAX_GAP = 3
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
# Arabic clitics (and, with, for, so, the) attach to the front of a word; try the word without them.
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف", "ک")
CLAUSE_BREAK = re.compile(r"[.!?;,:\n()]|\bbut\b|\bale\b|\bdar\b|\bvsak\b")


@dataclass(frozen=True)
class Hit:
    """One pattern found in one clause of a text."""

    label: str
    pattern: str
    start: int
    end: int
    phrase: str


@dataclass(frozen=True)
class _Pattern:
    label: str
    text: str
    words: tuple[tuple[str, bool], ...]
    clause_start: bool = False  # "^ more": only at the start of a clause ("More clubs please")
    # The second word when it can be checked with plain string tests (Latin script, no gap):
    # most candidates fail there, so find() rejects them without a call.
    second: tuple[str, bool] | None = None


def split_clauses(norm: str) -> list[list[str]]:
    """Return the normalised text as a list of clauses, each a list of tokens."""
    return [t for t in (tokens(c) for c in CLAUSE_BREAK.split(norm)) if t]


def _compile(label: str, pattern: str) -> _Pattern | None:
    """Parse 'word word* .. word' into (stem, any_ending) pairs."""
    words: list[tuple[str, bool]] = []
    clause_start = pattern.startswith("^")
    for raw in normalise(pattern.lstrip("^ ").replace("*", " * ").replace(" * ", "* ")).split():
        if raw == GAP:
            words.append((GAP, False))
            continue
        # Arabic-script words take endings, so they match as prefixes, unless they are too short to
        # be safe as prefixes (Urdu "بل", bill, would match "البلدیه", the council).
        open_end = raw.endswith("*") or (bool(_ARABIC_SCRIPT.search(raw)) and len(raw) >= 3)
        parts = tokens(raw)
        for i, part in enumerate(parts):
            if _ARABIC_SCRIPT.match(part) and part.startswith("ال") and len(part) > 4:
                part = part[2:]  # the article is stripped from text tokens too
            words.append((part, open_end and i == len(parts) - 1))
    if not words or words[0][0] == GAP:
        return None
    second = words[1] if len(words) > 1 and words[1][0] != GAP and not _ARABIC_SCRIPT.search(words[1][0]) else None
    return _Pattern(label, pattern, tuple(words), clause_start, second)


def _strip_clitics(token: str) -> str:
    """Return an Arabic-script token without one leading clitic group (and the article)."""
    for clitic in _CLITICS:
        # "و" (and) also attaches to two-letter words such as "لا" (not).
        shortest = 2 if clitic == "و" else 3
        if token.startswith(clitic) and len(token) - len(clitic) >= shortest:
            return token[len(clitic):]
    return token


@lru_cache(maxsize=65536)
def _forms(token: str) -> tuple[str, ...]:
    """Return the token plus, for Arabic script, the token without leading clitics."""
    if not _ARABIC_SCRIPT.match(token):
        return (token,)
    once = _strip_clitics(token)
    twice = _strip_clitics(once)
    return tuple(dict.fromkeys((token, once, twice)))


def _word_matches(word: tuple[str, bool], token: str) -> bool:
    """Return True when one pattern word matches one text token."""
    stem, open_end = word
    if token == stem or (open_end and token.startswith(stem)):
        return True
    forms = _forms(token)
    if len(forms) == 1:
        return False  # most tokens (Latin script) have no other forms: skip the generator
    return any(f == stem or (open_end and f.startswith(stem)) for f in forms[1:])


class PhraseIndex:
    """Patterns indexed by their first word, exact or by prefix."""

    def __init__(self, labelled_patterns: Iterable[tuple[str, str]]) -> None:
        """Compile (label, pattern) pairs into lookup tables."""
        self.exact: dict[str, list[_Pattern]] = defaultdict(list)
        self.prefix: dict[str, list[_Pattern]] = defaultdict(list)
        for label, text in labelled_patterns:
            compiled = _compile(label, text)
            if compiled is None:
                continue
            stem, open_end = compiled.words[0]
            (self.prefix if open_end else self.exact)[stem].append(compiled)
        self.prefix_lengths = sorted({len(s) for s in self.prefix})
        # Words repeat across answers, so remember each token's candidate patterns.
        self._cache: dict[str, list[_Pattern]] = {}

    def find(self, clause: list[str]) -> list[Hit]:
        """Return every pattern occurrence in one clause's tokens."""
        hits = []
        cache = self._cache
        for i, token in enumerate(clause):
            candidates = cache.get(token)  # inlined memo lookup: this loop is the hot path
            if candidates is None:
                candidates = self._candidates(token)
            for candidate in candidates:
                if candidate.clause_start and i:
                    continue
                second = candidate.second
                if second is not None:
                    nxt = clause[i + 1] if i + 1 < len(clause) else ""
                    if not (nxt == second[0] or (second[1] and nxt.startswith(second[0]))):
                        continue
                end = self._match_rest(candidate.words, 1, clause, i + 1) if len(candidate.words) > 1 else i + 1
                if end is not None:
                    hits.append(Hit(candidate.label, candidate.text, i, end, " ".join(clause[i:end])))
        return hits

    def _candidates(self, token: str) -> list[_Pattern]:
        """Return patterns whose first word could match token (memoised)."""
        cached = self._cache.get(token)
        if cached is None:
            if len(self._cache) > 100_000:
                self._cache.clear()
            cached = self._cache[token] = self._lookup(token)
        return cached

    def _lookup(self, token: str) -> list[_Pattern]:
        """Look token up in the exact and prefix tables."""
        found: list[_Pattern] = []
        for form in _forms(token):
            found.extend(self.exact.get(form, ()))
            for n in self.prefix_lengths:
                if n > len(form):
                    break
                found.extend(self.prefix.get(form[:n], ()))
        return found

    def _match_rest(self, words: tuple[tuple[str, bool], ...], w: int, clause: list[str], i: int) -> int | None:
        """Match pattern words[w:] at clause[i:]; return the end index or None."""
        # Walk plain words in a loop; recurse only at a gap (the hot path of every match).
        while w < len(words) and words[w][0] != GAP:
            if i >= len(clause) or not _word_matches(words[w], clause[i]):
                return None
            w, i = w + 1, i + 1
        if w == len(words):
            return i
        for skip in range(MAX_GAP + 1):  # words[w] is a gap
            end = self._match_rest(words, w + 1, clause, i + skip)
            if end is not None:
                return end
        return None
