"""Which question an answer responds to: the context the theme classifier crosses words with."""
from __future__ import annotations

import re
from typing import Any

_STANDALONE_NUMBER = re.compile(r"\b\d+\b")


def question_key(consultation_slug: str, question_id: str) -> str:
    """Return the context of a stored answer: its consultation and question."""
    return f"{consultation_slug}/{question_id}"


def question_of(row: dict[str, Any]) -> str | None:
    """Return a JSON line's question context: its "question" field, else its id without standalone numbers.

    Exported feedback ids often read source, serial number, question ("fft-NHFT 876 - Q2" → "fft-NHFT  - Q2"),
    so answers to the same question share a context. Ids unique to each answer give contexts too rare to use:
    the classifier ignores any context fewer than 20 coded answers share.
    """
    question = row.get("question")
    if isinstance(question, str) and question.strip():
        return question.strip()
    identifier = row.get("id")
    if not isinstance(identifier, str):
        return None
    context = _STANDALONE_NUMBER.sub("", identifier).strip()
    return context or None
