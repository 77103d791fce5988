"""Remove personal details from free text before anyone reads or publishes it."""
from __future__ import annotations

import re
from collections.abc import Iterable

_CAP = r"[A-Z\u00c0-\u017d][a-z\u00e0-\u017e'’-]+"
_NAME = rf"{_CAP}(?:\s+{_CAP})?"
_STREET_TYPES = (
    r"Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Court|Ct|Crescent|Cres|Grove|"
    r"Terrace|Place|Way|Gardens|Mount|View|Walk|Row|Hill|Green|Square|Parade|Rise|Fold|Garth|"
    r"Approach|Vale|Croft|Mews|Estate|Flats|House|Towers"
)
# Words that follow "I'm" or "my son" with a capital but are not names.
_NOT_NAMES = frozenset(
    "I Im The A An And But So Not Very Really Just Also Always Never Sorry Happy Sad Fine Ok Okay "
    "Tired Worried Scared Single Pregnant Disabled Polish English British Romanian Slovak Czech "
    "Kurdish Pakistani Arab Muslim Christian Roma Black White Asian Mixed Leeds Yorkshire Christmas "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Universal Early Family Mum Dad".split()
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)(?:\d[\s-]?){9,10}\b"), "[phone]"),
    (re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b", re.I), "[NI number]"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.I), "[postcode]"),
    (re.compile(rf"\b\d{{1,4}}[a-zA-Z]?,?\s+(?:{_CAP}\s+){{1,3}}(?:{_STREET_TYPES})\b"), "[address]"),
    (re.compile(rf"\b(?:{_CAP}\s+){{1,3}}(?:{_STREET_TYPES})\b(?=\W|$)"), "[address]"),
)
_NAME_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?i:\b(?:my name is|my names|my name's|name is|call me|called|named|i am|i'm|im|this is)\s+)({_NAME})"),
    re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+({_NAME})"),
    re.compile(
        rf"(?i:\bmy\s+(?:son|daughter|husband|wife|partner|boyfriend|girlfriend|brother|sister|"
        rf"friend|teacher|social worker|worker|baby|child|kid|ex)\s+)({_NAME})"
    ),
    re.compile(rf"(?i:\b(?:nazywam się|mam na imię|jmenuji se|jmenuju se|volám sa|mă numesc|ma numesc|numele meu este|numele meu e)\s+)({_NAME})"),
    re.compile(r"(?:اسمي|اسمی|میرا نام|میرا ناں|ناوم|ناوی من)\s+(\S+)"),
)
_DIGIT = re.compile(r"\d")
# A capital letter after the start, other than the pronoun "I" (which names no one).
_INNER_CAPITAL = re.compile(r"(?<=.)(?!I\b|I['’])[A-Z\u00c0-\u017d]", re.S)
_NON_LATIN = re.compile(r"[\u0600-\u06ff]")
_SCHOOL = re.compile(rf"\b(?:{_CAP}\s+){{1,4}}(?:Primary|Academy|High School|Primary School|Infant School|Junior School|College|C of E|Catholic)\b(?:\s+School)?")


def redact(text: str, school_names: Iterable[str] = ()) -> str:
    """Return text with names, contact details, addresses, NI numbers and school names replaced."""
    if not text:
        return ""
    redacted = _redact_schools(text, school_names)
    # Most answers hold no digits, no "@" and no capitals after the first word: skip what cannot match.
    if "@" in redacted or _DIGIT.search(redacted) or _INNER_CAPITAL.search(redacted):
        for pattern, replacement in _RULES:
            redacted = pattern.sub(replacement, redacted)
    if _INNER_CAPITAL.search(redacted) or _NON_LATIN.search(redacted):
        for cue in _NAME_CUES:
            redacted = cue.sub(_replace_name, redacted)
    return redacted


def _replace_name(match: re.Match[str]) -> str:
    """Replace the captured name in a cue match, unless it is a common word."""
    name = match.group(1)
    first = name.split()[0].strip("'’")
    if first in _NOT_NAMES or name.startswith("["):
        return match.group(0)
    start, end = match.span(1)
    whole = match.group(0)
    offset = match.start(0)
    return whole[: start - offset] + "[name]" + whole[end - offset:]


def _redact_schools(text: str, school_names: Iterable[str]) -> str:
    """Replace configured school names (any case) and 'X Primary'-style names with [school]."""
    for name in sorted({n.strip() for n in school_names if n and n.strip()}, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", "[school]", text, flags=re.I)
    return _SCHOOL.sub("[school]", text) if _INNER_CAPITAL.search(text) else text
