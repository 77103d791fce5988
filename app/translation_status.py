"""How complete and how checked each language is: interface, each consultation, help contacts."""
from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po
from flask import current_app
from sqlalchemy import select

from . import languages, signposting
from .extensions import db
from .models import TranslationReview
from .questionnaire.strings import source_strings

INTERFACE = "interface"


def interface_coverage(locale: str) -> tuple[int, int, str | None]:
    """Return (translated, total, status note) for a locale's interface catalogue."""
    path = Path(current_app.config["TRANSLATIONS_DIR"]) / locale / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return 0, 0, None
    with path.open("rb") as handle:
        catalog = read_po(handle)
    messages = [m for m in catalog if m.id]
    done = [m for m in messages if not m.fuzzy and (all(m.string) if isinstance(m.string, tuple) else m.string)]
    return len(done), len(messages), _status_comment(catalog.header_comment)


def _status_comment(header: str) -> str | None:
    """Return the '# Status: ...' line of a catalogue's header comment (pybabel update keeps it)."""
    for line in header.splitlines():
        if line.startswith("# Status:"):
            return line.removeprefix("# Status:").strip()
    return None


def consultation_coverage(slug: str, code: str) -> tuple[int, int, str | None]:
    """Return (translated, total, status note) for one consultation in one language."""
    registry = current_app.extensions["registry"]
    total = len(source_strings(registry.consultations[slug]))
    return total - len(registry.missing(slug, code)), total, registry.catalogue(slug, code).status


def reviews(code: str) -> dict[str, TranslationReview]:
    """Return the latest review of each scope for a language."""
    rows = db.session.scalars(select(TranslationReview).filter_by(language=code)
                              .order_by(TranslationReview.recorded_at))
    return {r.scope: r for r in rows}


def language_rows() -> list[dict]:
    """Return one row per offered language with its coverage and review state."""
    registry = current_app.extensions["registry"]
    rows = []
    for lang in languages.LANGUAGES:
        if lang.code == languages.DEFAULT:
            continue
        scopes = {} if lang.locale == "en" else {INTERFACE: interface_coverage(lang.locale)}
        for slug in sorted(registry.consultations):
            if lang in registry.languages_for(slug):
                scopes[slug] = consultation_coverage(slug, lang.code)
        if lang.locale != "en":
            total = len(signposting.entries()) * len(signposting.TRANSLATED)
            scopes["signposting"] = (total - len(signposting.missing(lang.code)), total, None)
        done = sum(s[0] for s in scopes.values())
        total = sum(s[1] for s in scopes.values())
        found = reviews(lang.code)
        rows.append({"language": lang, "scopes": scopes, "coverage": done / total if total else 0.0,
                     "reviews": found, "reviewed": bool(scopes) and all(s in found for s in scopes),
                     "status": next((s[2] for s in scopes.values() if s[2]), None)})
    return rows


def record_review(code: str, scope: str, translator: str, note: str | None, staff_id: int) -> TranslationReview:
    """Record that a qualified translator has checked one scope of a language."""
    review = TranslationReview(language=code, scope=scope, translator=translator, note=note,
                               recorded_by=staff_id)
    db.session.add(review)
    db.session.commit()
    return review
