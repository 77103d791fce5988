"""Database tables. Answers are a flat list keyed by question id, saved on every page POST."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db

CHANNELS = ("self", "assisted", "kiosk", "paper", "group")
IN_PROGRESS, SUBMITTED = "in_progress", "submitted"


def utcnow() -> datetime:
    """Return the current time in UTC without tzinfo (portable across SQLite and PostgreSQL)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Consultation(db.Model):
    """A consultation loaded from a file in surveys/; the file is the source of truth."""

    __tablename__ = "consultations"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(16))
    definition_hash: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    responses: Mapped[list[Response]] = relationship(back_populates="consultation")


class FacilitatedSession(db.Model):
    """A youth worker's session (phase 2); responses may point at one."""

    __tablename__ = "facilitated_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Response(db.Model):
    """One person's (or one group's) answers to one consultation."""

    __tablename__ = "responses"
    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(36), unique=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("facilitated_sessions.id"))
    channel: Mapped[str] = mapped_column(String(16), default="self")
    kind: Mapped[str] = mapped_column(String(16), default="individual")  # individual | group
    assistance: Mapped[list[str] | None] = mapped_column(JSON)  # read_aloud, scribe, interpreter
    language: Mapped[str] = mapped_column(String(16), default="en")
    age_band: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=IN_PROGRESS, index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None]
    resume_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    resume_expires_at: Mapped[datetime | None]
    receipt_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    pages_seen: Mapped[list[str]] = mapped_column(JSON, default=list)
    consultation: Mapped[Consultation] = relationship(back_populates="responses")
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Answer.id"
    )

    def answer_map(self) -> dict[str, Any]:
        """Return answers as {question_id: value}."""
        return {a.question_id: a.value for a in self.answers}


class Answer(db.Model):
    """The answer to one question; value is a string, a number or a list of option ids."""

    __tablename__ = "answers"
    __table_args__ = (UniqueConstraint("response_id", "question_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(64))
    value: Mapped[Any] = mapped_column(JSON)
    is_free_text: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    response: Mapped[Response] = relationship(back_populates="answers")
    analysis: Mapped[TextAnalysis | None] = relationship(
        back_populates="answer", cascade="all, delete-orphan", uselist=False
    )


class TextAnalysis(db.Model):
    """What the analysis engine found in one free-text answer."""

    __tablename__ = "text_analyses"
    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    language: Mapped[str] = mapped_column(String(16))
    redacted: Mapped[str] = mapped_column(Text)
    themes: Mapped[list[str]] = mapped_column(JSON, default=list)
    confidence: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    explanations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    stance: Mapped[str | None] = mapped_column(String(16))
    sentiment: Mapped[float | None]
    key_phrases: Mapped[list[str]] = mapped_column(JSON, default=list)
    safeguarding: Mapped[bool] = mapped_column(default=False)
    codebook_version: Mapped[str | None] = mapped_column(String(32))
    analysed_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    answer: Mapped[Answer] = relationship(back_populates="analysis")


class SafeguardingFlag(db.Model):
    """A free-text answer that may disclose harm, waiting for a safeguarding lead."""

    __tablename__ = "safeguarding_flags"
    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(
        ForeignKey("answers.id", ondelete="CASCADE"), unique=True
    )
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    outcome: Mapped[str | None] = mapped_column(Text)
    reviewed_at: Mapped[datetime | None]


class ThemeCoding(db.Model):
    """A person's decision about one theme on one answer; used to train the classifier."""

    __tablename__ = "theme_codings"
    __table_args__ = (Index("ix_theme_codings_answer", "answer_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(16))  # accepted | rejected | added
    coded_by: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


ROLES = ("admin", "analyst", "safeguarding", "facilitator")


class StaffUser(UserMixin, db.Model):
    """A member of staff; respondents never have accounts."""

    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def set_password(self, password: str) -> None:
        """Store a salted hash of the password."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        """Return True when the password matches."""
        return check_password_hash(self.password_hash, password)


class TranslationReview(db.Model):
    """A qualified translator's sign-off of one language (interface or one consultation)."""

    __tablename__ = "translation_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(16), index=True)
    scope: Mapped[str] = mapped_column(String(64))  # "interface" or a consultation slug
    translator: Mapped[str] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[int] = mapped_column(ForeignKey("staff_users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
