"""Normalise free text so that rules match across spellings, scripts and text-speak."""
from __future__ import annotations

import re
import unicodedata

# Letters that Unicode decomposition leaves alone but people often type without the accent.
_LATIN_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "đ": "d", "ß": "ss"})
# Arabic-script letters with regional variants (Arabic, Urdu, Punjabi Shahmukhi, Sorani):
# fold them so one pattern matches text typed on any keyboard.
_ARABIC_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ێ": "ی", "ك": "ک", "ہ": "ه", "ۂ": "ه", "ە": "ه", "ة": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ؤ": "و", "ۆ": "و", "ڵ": "ل", "ڕ": "ر",
    "ـ": None, "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6",
    "٧": "7", "٨": "8", "٩": "9", "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9", "’": "'", "‘": "'",
})
_HARAKAT = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")
_REPEATS = re.compile(r"(\w)\1{2,}")
_SPACES = re.compile(r"\s+")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
# Text-speak and informal spellings mapped to the forms the codebook patterns use.
_TEXT_SPEAK = {
    "u": "you", "ur": "your", "r": "are", "cos": "because", "coz": "because", "cuz": "because",
    "bc": "because", "b/c": "because", "pls": "please", "plz": "please", "thx": "thanks",
    "ppl": "people", "tho": "though", "wiv": "with", "wid": "with", "dunno": "dont know",
    "gonna": "going to", "wanna": "want to", "gotta": "got to", "aint": "isnt", "innit": "isnt it",
    "im": "i am", "ive": "i have", "idk": "i dont know", "n": "and", "nd": "and", "2day": "today",
    "2morrow": "tomorrow", "b4": "before", "gr8": "great", "m8": "mate", "m8s": "mates",
    "skl": "school", "skool": "school", "sch": "school", "mum's": "mums", "ya": "you",
    "yr": "year", "wat": "what", "coudnt": "couldnt",
    "cudnt": "couldnt", "cant't": "cant", "dnt": "dont", "havent": "havent", "wont": "wont",
    "lecky": "electric", "leccy": "electric", "brekkie": "breakfast",
}
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|\d+", re.UNICODE)


def fold(text: str) -> str:
    """Return a lower-case, accent-folded, script-folded form of text for matching."""
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC_FOLD).translate(_LATIN_FOLD)
    text = _HARAKAT.sub("", text).replace("£", " pounds ")
    decomposed = unicodedata.normalize("NFKD", text.lower())
    # Drop combining marks only on Latin letters; other scripts keep theirs.
    kept = [c for c in decomposed if not "\u0300" <= c <= "\u036f"]
    text = unicodedata.normalize("NFC", "".join(kept))
    return _APOSTROPHE.sub("", text)


def normalise(text: str) -> str:
    """Return text folded, with text-speak expanded and letter runs shortened, for matching."""
    folded = _REPEATS.sub(r"\1\1", fold(text or ""))
    words = [_TEXT_SPEAK.get(w, w) for w in _SPACES.split(folded.strip())]
    return " ".join(words)


def clean(text: str) -> str:
    """Return text with Unicode normalised and whitespace collapsed (for display and storage)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def tokens(text: str) -> list[str]:
    """Return word tokens of already-normalised text (regex only: no corpora needed)."""
    return _TOKEN.findall(text)
