"""Which language a request is in: the URL prefix, else the browser's Accept-Language."""
from __future__ import annotations

from flask import g, request

from . import languages


def current_code() -> str:
    """Return the URL language code of this request."""
    code = getattr(g, "lang", None)
    if code:
        return code
    if request:
        return languages.best_match(list(request.accept_languages))
    return languages.DEFAULT


def current_language() -> languages.Language:
    """Return the Language of this request (worked out once per request)."""
    if request and "language" in g:
        return g.language
    language = languages.get(current_code()) or languages.BY_CODE[languages.DEFAULT]
    if request:
        g.language = language
    return language


def current_locale() -> str:
    """Return the Babel locale for interface text (Flask-Babel's locale selector)."""
    return current_language().locale
