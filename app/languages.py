"""The languages we offer: code used in URLs and files, Babel locale, name, direction, script."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One offered language."""

    code: str        # URL and file code (BCP 47)
    locale: str      # Babel/gettext locale for interface text
    name: str        # the language's name in itself
    dir: str         # ltr | rtl
    script: str
    english_name: str
    tag: str = ""    # BCP 47 tag for lang/hreflang when the URL code is not one

    @property
    def bcp47(self) -> str:
        """Return the tag to put in lang and hreflang attributes."""
        return self.tag or self.code


LANGUAGES: tuple[Language, ...] = (
    Language("en", "en", "English", "ltr", "Latin", "English"),
    Language("en-easy", "en", "Easy Read", "ltr", "Latin", "Easy Read English", "en-x-easy"),
    Language("ur", "ur", "اردو", "rtl", "Arabic (Nastaliq)", "Urdu"),
    Language("pl", "pl", "Polski", "ltr", "Latin", "Polish"),
    Language("ar", "ar", "العربية", "rtl", "Arabic", "Arabic"),
    Language("ro", "ro", "Română", "ltr", "Latin", "Romanian"),
    Language("ckb", "ckb", "کوردی", "rtl", "Arabic", "Kurdish Sorani"),
    # Shahmukhi, because most Punjabi speakers in Leeds have Pakistani heritage and read it.
    Language("pa-Arab", "pa_Arab", "پنجابی", "rtl", "Arabic (Shahmukhi)", "Punjabi"),
    Language("sk", "sk", "Slovenčina", "ltr", "Latin", "Slovak"),
    Language("cs", "cs", "Čeština", "ltr", "Latin", "Czech"),
)
BY_CODE = {lang.code: lang for lang in LANGUAGES}
DEFAULT = "en"


def get(code: str | None) -> Language | None:
    """Return the language for a URL code, or None."""
    return BY_CODE.get(code or "")


def best_match(accept: list[tuple[str, float]]) -> str:
    """Return the offered code that best fits an Accept-Language list (highest quality first)."""
    for value, _quality in sorted(accept, key=lambda item: -item[1]):
        value = value.lower()
        for lang in LANGUAGES:
            if value == lang.code.lower() or value.split("-")[0] == lang.code.split("-")[0].lower():
                if lang.code != "en-easy":
                    return lang.code
    return DEFAULT
