"""Runs the analysis engine on free-text answers: safeguarding on save, themes on submit."""
from __future__ import annotations

from flask import current_app
from sqlalchemy.exc import SQLAlchemyError

from .analysis import Analyser, Codebook, screen_safeguarding
from .extensions import db
from .models import Answer, Response, SafeguardingFlag
from .text_analysis_store import answer_question, store_analysis, training_examples


def build_analyser() -> Analyser:
    """Build an analyser from the codebook, the coding people have stored, and school names."""
    try:
        examples = training_examples()
    except SQLAlchemyError:
        # No tables yet (a fresh install): the rules still work on their own.
        db.session.rollback()
        examples = []
    codebook = Codebook.load(current_app.config["CODEBOOK_PATH"])
    return Analyser(codebook, examples, current_app.config.get("SCHOOL_NAMES", ()))


def analyser() -> Analyser:
    """Return this process's analyser, built on first use (a restart picks up new coding)."""
    if "analyser" not in current_app.extensions:
        current_app.extensions["analyser"] = build_analyser()
    return current_app.extensions["analyser"]


def screen(answer: Answer, text: str, language: str) -> bool:
    """Screen one free-text answer now; queue a flag for the safeguarding lead if needed."""
    result = screen_safeguarding(text, language)
    if not result["flag"]:
        return False
    if answer.id is None:
        db.session.flush()
    flag = db.session.query(SafeguardingFlag).filter_by(answer_id=answer.id).one_or_none()
    if flag is None:
        db.session.add(SafeguardingFlag(answer_id=answer.id, categories=result["categories"]))
    else:
        flag.categories = sorted(set(flag.categories) | set(result["categories"]))
    return True


def analyse_response(response: Response) -> None:
    """Theme, score and redact every free-text answer of a submitted response."""
    engine = analyser()
    for answer in response.answers:
        if answer.is_free_text and isinstance(answer.value, str):
            store_analysis(answer, engine.analyse(answer.value, response.language, answer_question(answer)))
    db.session.commit()
