"""Detect the language of an answer from the respondent's choice plus the text's script."""
from __future__ import annotations

import re
from functools import lru_cache

LAUNCH_LANGUAGES = ("en", "ur", "pl", "ar", "ro", "ckb", "pa", "sk", "cs")
LATIN_LANGUAGES = ("en", "pl", "ro", "sk", "cs")
ARABIC_SCRIPT_LANGUAGES = ("ar", "ur", "ckb", "pa")
UNKNOWN = "unknown"
MIN_WORDS_FOR_MODEL = 3
MIN_CONFIDENCE = 0.6

_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Letters only one language family uses tell us most of what we need.
_SORANI_LETTERS = re.compile(r"[ەێۆڵڕڤ]")
_URDU_FAMILY_LETTERS = re.compile(r"[ٹڈڑںےۓہھ]")
_LATIN_MARKERS = (
    ("pl", re.compile(r"[łąęśźżćń]", re.I)),
    ("cs", re.compile(r"[řůě]", re.I)),
    ("sk", re.compile(r"[ľĺŕôä]", re.I)),
    ("ro", re.compile(r"[ășşțţâî]", re.I)),
)
# Function words that separate Punjabi (Shahmukhi) from Urdu, which share an alphabet.
_PUNJABI_WORDS = frozenset("ساڈا ساڈی ساڈے تسی تسیں اسیں اساں نئیں نیں وچ نوں دا دی دے اے سی ایہہ اوہ کیتا".split())
_URDU_WORDS = frozenset("ہے ہیں کا کی کے میں نہیں ہم تھا تھی تھے یہ وہ کو سے".split())
_WORD = re.compile(r"\w+")
# A few very common words per Latin-script language, enough to confirm the respondent's choice.
_FUNCTION_WORDS = {
    "en": frozenset("the and is are we i to of it my for have you was".split()),
    "pl": frozenset("nie jest się na że mam nas do jak ale".split()),
    "ro": frozenset("nu și si este sunt în in pe la cu mai să sa".split()),
    "sk": frozenset("nie je sa na som ako aj ale že".split()),
    "cs": frozenset("ne je se na jsem jako ale že máme".split()),
}


def script_of(text: str) -> str | None:
    """Return 'arabic', 'latin' or None (no letters) for the text's dominant script."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic == 0 and latin == 0:
        return None
    return "arabic" if arabic >= latin else "latin"


def detect_language(text: str, hint: str | None = None) -> str:
    """Return a launch language code for text, or 'unknown' when unsure."""
    hint = hint if hint in LAUNCH_LANGUAGES else None
    script = script_of(text or "")
    if script is None:
        return hint or UNKNOWN
    if script == "arabic":
        return _arabic_script_language(text, hint)
    return _latin_language(text, hint)


def _arabic_script_language(text: str, hint: str | None) -> str:
    """Tell Sorani, Urdu, Punjabi and Arabic apart by letters, then by function words."""
    if _SORANI_LETTERS.search(text):
        return "ckb"
    if _URDU_FAMILY_LETTERS.search(text):
        words = _WORD.findall(text)
        punjabi = sum(w in _PUNJABI_WORDS for w in words)
        urdu = sum(w in _URDU_WORDS for w in words)
        if punjabi > urdu:
            return "pa"
        if urdu > punjabi:
            return "ur"
        return hint if hint in ("ur", "pa") else "ur"
    if hint in ARABIC_SCRIPT_LANGUAGES:
        return hint
    return "ar" if ("ة" in text or re.search(r"(?<!\w)ال", text)) else UNKNOWN


def _latin_language(text: str, hint: str | None) -> str:
    """Use diacritics first, then py3langid restricted to the Latin-script launch languages."""
    for language, marker in _LATIN_MARKERS:
        if marker.search(text):
            return language
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS_FOR_MODEL:
        return hint if hint in LATIN_LANGUAGES else ("en" if text.isascii() else UNKNOWN)
    if hint in _FUNCTION_WORDS and _FUNCTION_WORDS[hint].intersection(words):
        return hint  # the chosen language's own small words are there: no need for the model
    language, confidence = _identifier().classify(text)
    if confidence >= MIN_CONFIDENCE:
        return language
    return hint if hint in LATIN_LANGUAGES else UNKNOWN


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    """Load py3langid once, restricted to the Latin-script launch languages."""
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_modelpath(
        langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
    )
    identifier.set_languages(list(LATIN_LANGUAGES))
    return identifier
