"""The one write path for answers: start, save_page, submit, resume. Every call commits."""
from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from . import codes, screening
from .extensions import db
from .models import IN_PROGRESS, SUBMITTED, Answer, Consultation, Response, utcnow
from .questionnaire import Consultation as Definition
from .questionnaire import Navigator, Page


def consultation_row(definition: Definition) -> Consultation:
    """Return the database row for a definition, creating or refreshing it."""
    row = db.session.scalar(select(Consultation).filter_by(slug=definition.slug))
    if row is None:
        row = Consultation(slug=definition.slug, title=definition.title,
                           audience=definition.audience, definition_hash=definition.source_hash)
        db.session.add(row)
        try:
            db.session.commit()
        except IntegrityError:  # another worker created it at the same moment
            db.session.rollback()
            row = db.session.scalar(select(Consultation).filter_by(slug=definition.slug))
    elif row.definition_hash != definition.source_hash:
        row.title, row.definition_hash = definition.title, definition.source_hash
        db.session.commit()
    return row


def start(definition: Definition, *, age_band: str | None, language: str, nonce: str,
          channel: str = "self", session_id: int | None = None) -> Response:
    """Start a response once per start form (the nonce makes a double-click harmless)."""
    existing = db.session.scalar(select(Response).filter_by(public_id=nonce))
    if existing:
        return existing
    response = Response(public_id=nonce, consultation_id=consultation_row(definition).id,
                        age_band=age_band, language=language, channel=channel,
                        session_id=session_id, pages_seen=[])
    db.session.add(response)
    try:
        db.session.commit()
    except IntegrityError:  # the same start form was posted twice at once
        db.session.rollback()
        return db.session.scalar(select(Response).filter_by(public_id=nonce))
    return response


def new_nonce() -> str:
    """Return a fresh id for a start form; it becomes the response's public id."""
    return str(uuid.uuid4())


def valid_nonce(sent: str | None) -> str:
    """Return the start form's id if it is a well-formed UUID, else a fresh one."""
    try:
        return str(uuid.UUID(sent or ""))
    except ValueError:
        return new_nonce()


def find(public_id: str | None) -> Response | None:
    """Return the response with this public id, or None."""
    if not public_id:
        return None
    query = (select(Response).filter_by(public_id=public_id)
             .options(joinedload(Response.consultation), joinedload(Response.answers)))
    return db.session.scalars(query).unique().first()


def save_page(response: Response, page: Page, values: dict[str, Any], *,
              language: str | None = None) -> list[str]:
    """Write one page's answers (empty means cleared) and return ids of answers flagged unsafe."""
    current = {a.question_id: a for a in response.answers}
    flagged = []
    for question in page.questions:
        value = values.get(question.id)
        answer = current.get(question.id)
        if value in (None, "", []):
            if answer is not None:
                db.session.delete(answer)
            continue
        if answer is None:
            answer = Answer(question_id=question.id, is_free_text=question.is_free_text)
            response.answers.append(answer)
        answer.value = value
        if question.is_free_text and screening.screen(answer, str(value), language or response.language):
            flagged.append(question.id)
    if page.id not in (response.pages_seen or []):
        response.pages_seen = [*(response.pages_seen or []), page.id]
    if language:
        response.language = language
    response.updated_at = utcnow()
    db.session.commit()
    return flagged


def set_language(response: Response, language: str) -> None:
    """Remember the language a person is using, so resume returns to it."""
    if response.language != language:
        response.language = language
        db.session.commit()


def submit(response: Response, definition: Definition) -> Response:
    """Mark the response submitted exactly once; later calls change nothing."""
    receipt = codes.new_code()
    result = db.session.execute(
        update(Response)
        .where(Response.id == response.id, Response.status == IN_PROGRESS)
        .values(status=SUBMITTED, submitted_at=utcnow(), receipt_code=receipt,
                resume_code_hash=None, resume_expires_at=None)
    )
    db.session.commit()
    db.session.refresh(response)
    if result.rowcount:
        _drop_hidden_answers(response, definition)
        screening.analyse_response(response)
    return response


def _drop_hidden_answers(response: Response, definition: Definition) -> None:
    """Remove answers to questions that routing no longer shows (e.g. after a change)."""
    keep = Navigator(definition, response.answer_map()).relevant_answers()
    for answer in list(response.answers):
        if answer.question_id not in keep:
            db.session.delete(answer)
    db.session.commit()


def issue_resume_code(response: Response, days: int) -> str:
    """Give the response a new resume code, valid for some days, and return it."""
    for _attempt in range(5):
        code = codes.new_code()
        response.resume_code_hash = codes.digest(code)
        response.resume_expires_at = utcnow() + timedelta(days=days)
        try:
            db.session.commit()
            return code
        except IntegrityError:  # a clash is vanishingly rare; just draw again
            db.session.rollback()
    raise RuntimeError("could not issue a unique resume code")


def resume(typed: str) -> Response | None:
    """Return the in-progress response for a typed resume code, if valid and not expired."""
    code = codes.normalise(typed)
    if code is None:
        return None
    response = db.session.scalar(select(Response).filter_by(resume_code_hash=codes.digest(code)))
    if response is None or response.status != IN_PROGRESS:
        return None
    if response.resume_expires_at and response.resume_expires_at < utcnow():
        return None
    return response
