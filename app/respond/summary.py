"""Rows for the check-your-answers page: question, answer in words, and the page to change it."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from ..questionnaire import Navigator, Question
from ..questionnaire.definition import PREFER_NOT


def answer_text(q: Question, value: Any) -> list[str]:
    """Return an answer as lines of words a person recognises."""
    if value in (None, "", []):
        return []
    if value == PREFER_NOT:
        return [_("Prefer not to say")]
    if isinstance(value, list):
        return [_("Prefer not to say") if v == PREFER_NOT else (q.option_text(v) or v) for v in value]
    if q.options:
        return [q.option_text(str(value)) or str(value)]
    return [str(value)]


def rows(c, nav: Navigator) -> list[dict]:
    """Return one row per shown question, in page order."""
    out = []
    for page in nav.visible_pages():
        for q in page.visible_questions(nav.answers):
            out.append({"question": q, "page_id": page.id, "answer": answer_text(q, nav.answers.get(q.id))})
    return out
