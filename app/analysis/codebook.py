"""Load the theme codebook (a YAML file analysts can edit) into plain objects."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Code:
    """One theme: a stable code, labels per language, definition, examples and patterns."""

    code: str
    labels: dict[str, str]
    definition: str
    strategy_area: str
    examples: tuple[str, ...] = ()
    patterns: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def label(self, language: str = "en") -> str:
        """Return the label in language, falling back to English then the code."""
        return self.labels.get(language) or self.labels.get("en") or self.code


@dataclass(frozen=True)
class Codebook:
    """A versioned list of codes plus the negation words the rules use."""

    version: str
    codes: tuple[Code, ...]
    languages: tuple[str, ...] = ()
    negators: tuple[str, ...] = ()
    negation_breakers: tuple[str, ...] = ()
    source: str = ""

    @classmethod
    def load(cls, path: str | Path) -> "Codebook":
        """Read and validate a codebook YAML file."""
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        return cls.from_dict(data, source=str(path))

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "") -> "Codebook":
        """Build a codebook from parsed YAML, checking codes are unique."""
        codes = tuple(_code_from_dict(item) for item in data.get("codes", []))
        names = [c.code for c in codes]
        if len(names) != len(set(names)):
            raise ValueError("codebook has duplicate codes")
        negation = data.get("negation", {})
        return cls(
            version=str(data.get("version", "0")),
            codes=codes,
            languages=tuple(data.get("languages", [])),
            negators=_flatten(negation.get("negators", {})),
            negation_breakers=_flatten(negation.get("breakers", {})),
            source=source,
        )

    @property
    def code_names(self) -> list[str]:
        """Return the code identifiers in codebook order."""
        return [c.code for c in self.codes]

    def get(self, code: str) -> Code | None:
        """Return the Code with this identifier, or None."""
        return next((c for c in self.codes if c.code == code), None)

    def seed_examples(self) -> list[dict[str, Any]]:
        """Return each code's example phrases as training examples."""
        return [{"text": ex, "themes": [c.code]} for c in self.codes for ex in c.examples]


def _code_from_dict(item: dict[str, Any]) -> Code:
    """Build one Code, tolerating missing optional fields."""
    if "code" not in item:
        raise ValueError(f"codebook entry without a code: {item!r}")
    patterns = {lang: tuple(p for p in pats or [] if p) for lang, pats in (item.get("patterns") or {}).items()}
    return Code(
        code=item["code"],
        labels=dict(item.get("label") or {}),
        definition=item.get("definition", ""),
        strategy_area=item.get("strategy_area", ""),
        examples=tuple(item.get("examples") or ()),
        patterns=patterns,
    )


def _flatten(by_language: dict[str, list[str]]) -> tuple[str, ...]:
    """Merge per-language word lists into one tuple (text may mix languages)."""
    return tuple(w for words in by_language.values() for w in words or [])
