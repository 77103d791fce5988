"""The shape of a consultation: pages of questions with stable ids, loaded from a file."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from .text import Catalogue

QUESTION_TYPES = ("single", "multiple", "short_text", "long_text", "number", "scale", "select")
CHOICE_TYPES = ("single", "multiple", "scale", "select")
FREE_TEXT_TYPES = ("short_text", "long_text")
PREFER_NOT = "prefer_not_to_say"


@dataclass(frozen=True)
class Condition:
    """Show a page or question only when an earlier answer is one of some options."""

    question: str
    any_of: tuple[str, ...]

    def holds(self, answers: dict[str, Any]) -> bool:
        """Return True when the earlier answer matches."""
        value = answers.get(self.question)
        chosen = value if isinstance(value, list) else [value]
        return any(v in self.any_of for v in chosen if v is not None)


@dataclass(frozen=True)
class Option:
    """One answer option with a stable id."""

    id: str
    text: str
    exclusive: bool = False
    face: str | None = None
    in_three: bool = False
    icon: str | None = None


@dataclass(frozen=True)
class Question:
    """One question; the id is what exports use."""

    id: str
    type: str
    text: str
    hint: str | None = None
    options: tuple[Option, ...] = ()
    prefer_not_to_say: bool = False
    themes: tuple[str, ...] = ()
    style: str | None = None
    max_length: int | None = None
    min: int | None = None
    max: int | None = None
    show_if: Condition | None = None
    audio: str | None = None  # a recorded reading, in app/static/audio/

    @property
    def is_free_text(self) -> bool:
        """Return True for questions answered in the person's own words."""
        return self.type in FREE_TEXT_TYPES

    def option_ids(self) -> set[str]:
        """Return every valid option id, including prefer-not-to-say."""
        ids = {o.id for o in self.options}
        return ids | {PREFER_NOT} if self.prefer_not_to_say else ids

    def options_for(self, faces: int) -> tuple[Option, ...]:
        """Return the options to show; a 3-face band sees only the core faces."""
        if self.style == "faces" and faces == 3:
            return tuple(o for o in self.options if o.in_three)
        return self.options

    def option_text(self, option_id: str) -> str | None:
        """Return the text of an option id, or None."""
        return next((o.text for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Page:
    """One topic: usually one question."""

    id: str
    questions: tuple[Question, ...]
    title: str | None = None
    show_if: Condition | None = None

    def visible_questions(self, answers: dict[str, Any]) -> tuple[Question, ...]:
        """Return the questions whose conditions hold."""
        return tuple(q for q in self.questions if q.show_if is None or q.show_if.holds(answers))


@dataclass(frozen=True)
class AgeBand:
    """An age band offered on the 'about you' step."""

    id: str
    text: str
    under_13: bool = False
    faces: int = 5


@dataclass(frozen=True)
class Consultation:
    """A whole consultation definition."""

    slug: str
    version: int
    title: str
    summary: str
    audience: str
    minutes: int
    decision: str
    background: str
    who_reads: str
    opens: date
    closes: date
    age_bands: tuple[AgeBand, ...]
    pages: tuple[Page, ...]
    assisted_default: bool = False
    lang: str = "en"
    source_hash: str = ""
    translation_status: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def page(self, page_id: str) -> Page | None:
        """Return the page with this id, or None."""
        return next((p for p in self.pages if p.id == page_id), None)

    def questions(self) -> list[Question]:
        """Return every question in order."""
        return [q for p in self.pages for q in p.questions]

    def question(self, question_id: str) -> Question | None:
        """Return the question with this id, or None."""
        return next((q for q in self.questions() if q.id == question_id), None)

    def age_band(self, band_id: str | None) -> AgeBand | None:
        """Return the age band with this id, or None."""
        return next((b for b in self.age_bands if b.id == band_id), None)

    def is_open(self, today: date) -> bool:
        """Return True between the open and close dates (inclusive)."""
        return self.opens <= today <= self.closes


def localise(c: Consultation, cat: Catalogue) -> Consultation:
    """Return a copy of the consultation with every text in the catalogue's language."""
    def option(q: Question, o: Option) -> Option:
        return replace(o, text=cat.get(f"questions.{q.id}.options.{o.id}", o.text))

    def question(q: Question) -> Question:
        return replace(
            q,
            text=cat.get(f"questions.{q.id}.text", q.text),
            hint=cat.get(f"questions.{q.id}.hint", q.hint),
            options=tuple(option(q, o) for o in q.options),
        )

    pages = tuple(
        replace(p, title=cat.get(f"pages.{p.id}.title", p.title),
                questions=tuple(question(q) for q in p.questions))
        for p in c.pages
    )
    bands = tuple(replace(b, text=cat.get(f"age_bands.{b.id}", b.text)) for b in c.age_bands)
    texts = {k: cat.get(k, getattr(c, k)) for k in ("title", "summary", "decision", "background", "who_reads")}
    return replace(c, pages=pages, age_bands=bands, lang=cat.lang,
                   translation_status=cat.status, **texts)
