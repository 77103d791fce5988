"""Help contacts, read from surveys/signposting.yaml (the council confirms them before launch)."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from flask import current_app

from .questionnaire.text import Catalogue

STALE_AFTER_DAYS = 90
TRANSLATED = ("name", "description")


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple((yaml.safe_load(handle) or {}).get("entries", []))


def _read_catalogue(path: str, lang: str) -> Catalogue:
    return Catalogue.from_file(Path(path).with_name("signposting-translations") / f"{lang}.yaml", lang)


_catalogue = lru_cache(maxsize=32)(_read_catalogue)


def entries(lang: str = "en") -> list[dict]:
    """Return every help contact, with names and descriptions in a language where written."""
    path = current_app.config["SIGNPOSTING_PATH"]
    catalogue = _catalogue(path, lang)
    return [{**e, **{k: catalogue.get(f"{e['id']}.{k}", e.get(k)) for k in TRANSLATED}}
            for e in _load(path)]


def for_audience(audience: str, lang: str = "en", urgent_only: bool = False) -> list[dict]:
    """Return the contacts meant for an audience (adult, 11-17 or 7-11)."""
    return [e for e in entries(lang)
            if audience in e.get("audiences", []) and (e.get("urgent") or not urgent_only)]


def missing(lang: str) -> set[str]:
    """Return the signposting texts not yet translated into a language."""
    # A fresh catalogue: the cached one serves pages and must not collect state.
    catalogue = _read_catalogue(current_app.config["SIGNPOSTING_PATH"], lang)
    for e in _load(current_app.config["SIGNPOSTING_PATH"]):
        for key in TRANSLATED:
            catalogue.get(f"{e['id']}.{key}", e.get(key))
    return catalogue.missing


def stale(today: date | None = None) -> list[dict]:
    """Return contacts not checked in the last 90 days (staff are warned about these)."""
    today = today or date.today()
    return [e for e in _load(current_app.config["SIGNPOSTING_PATH"])
            if (today - _as_date(e.get("last_checked"))).days > STALE_AFTER_DAYS]


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
