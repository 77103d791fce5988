"""Store analysis results on answers and read people's theme coding back for training."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from .analysis import question_key
from .extensions import db
from .models import Answer, Consultation, Response, SafeguardingFlag, TextAnalysis, ThemeCoding

POSITIVE_DECISIONS = ("accepted", "added")


def answer_question(answer: Answer) -> str:
    """Return the question context of a stored answer (its consultation and question)."""
    return question_key(answer.response.consultation.slug, answer.question_id)


def store_analysis(answer: Answer, result: dict[str, Any], codebook_version: str | None = None) -> TextAnalysis:
    """Create or update the answer's TextAnalysis and open a safeguarding flag if needed (no commit)."""
    analysis = answer.analysis
    if analysis is None:
        analysis = TextAnalysis(answer=answer)
        db.session.add(analysis)
    analysis.language = result["language"]
    analysis.redacted = result["redacted"]
    analysis.themes = list(result["themes"])
    analysis.confidence = dict(result["confidence"])
    analysis.explanations = dict(result.get("explanations", {}))
    analysis.stance = result["stance"]
    analysis.sentiment = float(result["sentiment"])
    analysis.key_phrases = list(result.get("key_phrases", []))
    analysis.safeguarding = bool(result["safeguarding"])
    analysis.codebook_version = codebook_version
    if result["safeguarding"]:
        _flag(answer, result.get("safeguarding_categories", []))
    return analysis


def _flag(answer: Answer, categories: list[str]) -> None:
    """Open a flag for the safeguarding lead, or add categories to the existing one."""
    if answer.id is None:
        db.session.flush()
    flag = db.session.execute(select(SafeguardingFlag).filter_by(answer_id=answer.id)).scalar_one_or_none()
    if flag is None:
        db.session.add(SafeguardingFlag(answer_id=answer.id, categories=list(categories), status="open"))
    else:
        flag.categories = sorted(set(flag.categories or []) | set(categories))


def training_examples() -> list[dict[str, Any]]:
    """Return human-coded answers as {'text', 'question', 'themes', 'rejected'} (accepted + added are positives)."""
    rows = db.session.execute(
        select(ThemeCoding.answer_id, ThemeCoding.code, ThemeCoding.decision, Answer.value,
               Answer.question_id, Consultation.slug)
        .join(Answer, Answer.id == ThemeCoding.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .join(Consultation, Consultation.id == Response.consultation_id)
        .order_by(ThemeCoding.answer_id, ThemeCoding.created_at, ThemeCoding.id)
    ).all()
    examples: dict[int, dict[str, Any]] = {}
    for answer_id, code, decision, value, question_id, slug in rows:
        if not isinstance(value, str) or not value.strip():
            continue
        example = examples.setdefault(answer_id, {
            "text": value, "question": question_key(slug, question_id), "themes": [], "rejected": []})
        # The latest decision about a code wins (a person may change their mind).
        for key in ("themes", "rejected"):
            if code in example[key]:
                example[key].remove(code)
        example["themes" if decision in POSITIVE_DECISIONS else "rejected"].append(code)
    return list(examples.values())
