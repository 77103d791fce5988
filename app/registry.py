"""The consultations the app serves: loaded once from surveys/, localised on demand."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import languages
from .questionnaire import Consultation, load_all
from .questionnaire.definition import localise
from .questionnaire.text import Catalogue


class Registry:
    """Holds every consultation definition and its translations."""

    def __init__(self, surveys_dir: str | Path, codes: set[str] | None = None):
        self.dir = Path(surveys_dir)
        self.consultations: dict[str, Consultation] = load_all(self.dir, codes)
        self._localised = lru_cache(maxsize=256)(self._localise)

    def catalogue(self, slug: str, lang: str) -> Catalogue:
        """Return the translation catalogue of one consultation in one language."""
        return Catalogue.from_file(self.dir / slug / "translations" / f"{lang}.yaml", lang)

    def languages_for(self, slug: str) -> list[languages.Language]:
        """Return the languages offered for a consultation (Easy Read only where written)."""
        easy = (self.dir / slug / "translations" / "en-easy.yaml").exists()
        return [lang for lang in languages.LANGUAGES if lang.code != "en-easy" or easy]

    def get(self, slug: str, lang: str = "en") -> Consultation | None:
        """Return the consultation in a language (English text where a translation is missing)."""
        if slug not in self.consultations:
            return None
        return self._localised(slug, lang)

    def _localise(self, slug: str, lang: str) -> Consultation:
        return localise(self.consultations[slug], self.catalogue(slug, lang))

    def missing(self, slug: str, lang: str) -> set[str]:
        """Return the translation keys that fall back to English for one language."""
        catalogue = self.catalogue(slug, lang)
        localise(self.consultations[slug], catalogue)
        return catalogue.missing
