"""Template helpers: language and direction, hashed static URLs, localised text markers."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, g, request, url_for
from flask_babel import format_decimal, format_percent
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from . import i18n, languages, signposting

AUDIENCES = {"adult": _l("For parents and carers"), "11-17": _l("For young people aged 11 to 17"),
             "7-11": _l("For children aged 7 to 11")}


@lru_cache(maxsize=64)
def _file_hash(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def static_url(filename: str) -> str:
    """Return a static URL carrying the file's content hash, so it can be cached for a year."""
    path = Path(current_app.static_folder) / filename
    return url_for("static", filename=filename, v=_file_hash(str(path)))


def lang_attr(text) -> Markup:
    """Return ` lang="en"` when a text fell back to English on a non-English page."""
    text_lang = getattr(text, "lang", None)
    page = i18n.current_language()
    if text_lang and text_lang != page.code and not (text_lang == "en" and page.locale == "en"):
        text_lang = languages.BY_CODE[text_lang].bcp47 if text_lang in languages.BY_CODE else text_lang
        return Markup(f' lang="{escape(text_lang)}" dir="ltr"')
    return Markup("")


def switch_url(code: str) -> str:
    """Return this page's URL in another language (every respondent URL starts with /<lang>/)."""
    current = getattr(g, "lang", None)
    if current and request.path.startswith(f"/{current}/"):
        query = request.query_string.decode()
        return f"/{code}/{request.path[len(current) + 2:]}" + (f"?{query}" if query else "")
    return url_for("respond.home", lang=code)


def ltr(text: str) -> Markup:
    """Return a phone number or code isolated so it reads left to right inside any text."""
    return Markup('<bdi dir="ltr">%s</bdi>') % text


def audience_label(audience: str) -> str:
    """Return who a consultation is for, in words."""
    return AUDIENCES.get(audience, audience)


def urgent_contacts(audience: str) -> list[dict]:
    """Return the contacts to show straight away after a possible disclosure."""
    return signposting.for_audience(audience, i18n.current_code(), urgent_only=True)


def init_app(app: Flask) -> None:
    """Register template globals and filters."""
    app.jinja_env.globals.update(
        static_url=static_url, lang_attr=lang_attr, switch_url=switch_url,
        current_language=i18n.current_language, LANGUAGES=languages.LANGUAGES,
        ltr=ltr, audience_label=audience_label, urgent_contacts=urgent_contacts,
    )
    app.jinja_env.filters["format_number"] = format_decimal
    app.jinja_env.filters["format_percent"] = format_percent
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
