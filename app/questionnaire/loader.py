"""Read consultation files from surveys/ and check them, with errors that name file and id."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .definition import (CHOICE_TYPES, QUESTION_TYPES, AgeBand, Condition, Consultation,
                         Option, Page, Question)
from .validate import check_consultation

ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
DEFAULT_MAX = {"short_text": 200, "long_text": 1500}


class DefinitionError(ValueError):
    """A consultation file is wrong; .problems lists every problem found."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Reader:
    """Turns parsed YAML into definition objects, collecting problems as it goes."""

    def __init__(self, path: Path, lists: dict[str, list[dict]]):
        self.path, self.lists, self.problems = path, lists, []

    def fail(self, where: str, what: str) -> None:
        """Record one problem."""
        self.problems.append(f"{self.path}: {where}: {what}")

    def options(self, where: str, raw: dict) -> tuple[Option, ...]:
        """Read a question's options, or the shared list it names."""
        items = raw.get("options")
        if items is None and raw.get("options_from"):
            items = self.lists.get(raw["options_from"])
            if items is None:
                self.fail(where, f"unknown options_from list '{raw['options_from']}'")
        out = []
        for item in items or []:
            if not isinstance(item, dict) or not item.get("id") or not item.get("text"):
                self.fail(where, f"each option needs an id and a text, got {item!r}")
                continue
            out.append(Option(id=str(item["id"]), text=str(item["text"]),
                              exclusive=bool(item.get("exclusive")), face=item.get("face"),
                              in_three=bool(item.get("in_three")), icon=item.get("icon")))
        return tuple(out)

    def condition(self, where: str, raw: Any) -> Condition | None:
        """Read a show_if condition."""
        if raw is None:
            return None
        if not isinstance(raw, dict) or "question" not in raw or not raw.get("any_of"):
            self.fail(where, "show_if needs 'question' and a list 'any_of'")
            return None
        return Condition(question=str(raw["question"]), any_of=tuple(str(v) for v in raw["any_of"]))

    def question(self, raw: dict) -> Question | None:
        """Read one question."""
        qid = str(raw.get("id", ""))
        where = f"question '{qid or '?'}'"
        qtype = raw.get("type")
        if not ID.match(qid):
            self.fail(where, "id must be lower-case letters, digits and underscores")
        if qtype not in QUESTION_TYPES:
            self.fail(where, f"type '{qtype}' is not one of {', '.join(QUESTION_TYPES)}")
            return None
        if not raw.get("text"):
            self.fail(where, "text is missing")
        return Question(
            id=qid, type=qtype, text=str(raw.get("text", "")), hint=raw.get("hint"),
            options=self.options(where, raw) if qtype in CHOICE_TYPES else (),
            prefer_not_to_say=bool(raw.get("prefer_not_to_say")),
            themes=tuple(raw.get("themes") or ()), style=raw.get("style"),
            max_length=raw.get("max_length", DEFAULT_MAX.get(qtype)),
            min=raw.get("min"), max=raw.get("max"),
            show_if=self.condition(where, raw.get("show_if")), audio=raw.get("audio"),
        )

    def page(self, raw: dict) -> Page | None:
        """Read one page and its questions."""
        pid = str(raw.get("id", ""))
        if not ID.match(pid):
            self.fail(f"page '{pid or '?'}'", "id must be lower-case letters, digits and underscores")
        questions = [self.question(q) for q in raw.get("questions") or [] if isinstance(q, dict)]
        if not questions:
            self.fail(f"page '{pid}'", "has no questions")
        return Page(id=pid, title=raw.get("title"), show_if=self.condition(f"page '{pid}'", raw.get("show_if")),
                    questions=tuple(q for q in questions if q))

    def consultation(self, raw: dict, digest: str) -> Consultation | None:
        """Read the whole consultation."""
        for key in ("slug", "title", "audience", "opens", "closes", "pages", "decision"):
            if key not in raw:
                self.fail("top level", f"'{key}' is missing")
        if self.problems:
            return None
        if not SLUG.match(str(raw["slug"])):
            self.fail("slug", "use lower-case letters, digits and hyphens")
        bands = tuple(AgeBand(id=str(b["id"]), text=str(b["text"]), under_13=bool(b.get("under_13")),
                              faces=int(b.get("faces", 5))) for b in raw.get("age_bands") or [])
        return Consultation(
            slug=str(raw["slug"]), version=int(raw.get("version", 1)), title=str(raw["title"]),
            summary=str(raw.get("summary", "")), audience=str(raw["audience"]),
            minutes=int(raw.get("minutes", 10)), decision=str(raw["decision"]),
            background=str(raw.get("background", "")), who_reads=str(raw.get("who_reads", "")),
            opens=_date(raw["opens"]), closes=_date(raw["closes"]), age_bands=bands,
            pages=tuple(p for p in (self.page(p) for p in raw["pages"] or []) if p),
            assisted_default=bool(raw.get("assisted_default")), source_hash=digest,
        )


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def load_lists(surveys_dir: Path) -> dict[str, list[dict]]:
    """Return the shared option lists in surveys/lists/."""
    lists = {}
    for path in sorted((surveys_dir / "lists").glob("*.yaml")):
        lists[path.stem] = (yaml.safe_load(path.read_text("utf-8")) or {}).get("options", [])
    return lists


def load_consultation(path: Path, lists: dict[str, list[dict]] | None = None,
                      codes: set[str] | None = None) -> Consultation:
    """Load and check one consultation file; raise DefinitionError listing every problem."""
    path = Path(path)
    reader = _Reader(path, lists if lists is not None else load_lists(path.parent.parent))
    try:
        source = path.read_bytes()
        raw = yaml.safe_load(source.decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DefinitionError([f"{path}: cannot be read: {exc}"]) from exc
    if not isinstance(raw, dict):
        raise DefinitionError([f"{path}: top level must be a mapping of keys to values"])
    consultation = reader.consultation(raw, hashlib.sha256(source).hexdigest())
    if consultation:
        reader.problems += [f"{path}: {p}" for p in check_consultation(consultation, codes)]
        if consultation.slug != path.parent.name:
            reader.fail("slug", f"'{consultation.slug}' must equal the folder name '{path.parent.name}'")
    if reader.problems:
        raise DefinitionError(reader.problems)
    return consultation


def consultation_files(surveys_dir: Path) -> list[Path]:
    """Return every consultation.yaml under surveys/, sorted."""
    return sorted(Path(surveys_dir).glob("*/consultation.yaml"))


def load_all(surveys_dir: Path, codes: set[str] | None = None) -> dict[str, Consultation]:
    """Load every consultation in surveys/; raise DefinitionError listing all problems."""
    surveys_dir = Path(surveys_dir)
    lists, found, problems = load_lists(surveys_dir), {}, []
    for path in consultation_files(surveys_dir):
        try:
            c = load_consultation(path, lists, codes)
            found[c.slug] = c
        except DefinitionError as exc:
            problems += exc.problems
    if problems:
        raise DefinitionError(problems)
    return found
