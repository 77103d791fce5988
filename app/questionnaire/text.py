"""Translatable text: a string that remembers which language it is really in."""
from __future__ import annotations

from pathlib import Path

import yaml


class LText(str):
    """A str that knows its language, so a fallback to English can be marked lang="en"."""

    lang: str

    def __new__(cls, value: str, lang: str) -> "LText":
        obj = super().__new__(cls, value)
        obj.lang = lang
        return obj


class Catalogue:
    """Flat key → text translations of one consultation, with English as the fallback."""

    def __init__(self, lang: str, entries: dict[str, str], status: str | None = None):
        self.lang = lang
        self.entries = entries
        self.status = status
        self.missing: set[str] = set()

    @classmethod
    def from_file(cls, path: Path, lang: str) -> "Catalogue":
        """Read a flat key → text YAML file (its `_status` line is the review status); empty if absent."""
        entries = (yaml.safe_load(path.read_text("utf-8")) if path.exists() else None) or {}
        status = entries.pop("_status", None)
        return cls(lang, {str(k): str(v) for k, v in entries.items() if v is not None}, status)

    def get(self, key: str, english: str | None) -> LText | None:
        """Return the translation for key, or the English text marked as English."""
        if english is None:
            return None
        value = self.entries.get(key)
        if value:
            return LText(str(value), self.lang)
        if self.lang != "en":
            self.missing.add(key)
        return LText(english, "en")
