"""Help contacts, read from surveys/signposting.yaml (the council confirms them before launch)."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import yaml
from flask import current_app

STALE_AFTER_DAYS = 90


@lru_cache(maxsize=4)
def _load(path: str) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple((yaml.safe_load(handle) or {}).get("entries", []))


def entries() -> tuple[dict, ...]:
    """Return every help contact."""
    return _load(current_app.config["SIGNPOSTING_PATH"])


def for_audience(audience: str, urgent_only: bool = False) -> list[dict]:
    """Return the contacts meant for an audience (adult, 11-17 or 7-11)."""
    return [e for e in entries()
            if audience in e.get("audiences", []) and (e.get("urgent") or not urgent_only)]


def stale(today: date | None = None) -> list[dict]:
    """Return contacts not checked in the last 90 days (staff are warned about these)."""
    today = today or date.today()
    return [e for e in entries() if (today - _as_date(e.get("last_checked"))).days > STALE_AFTER_DAYS]


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
