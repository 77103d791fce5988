"""Checks that need the whole consultation: unique ids, valid conditions, sane settings."""
from __future__ import annotations

from .definition import CHOICE_TYPES, Consultation, Question

AUDIENCES = ("adult", "11-17", "7-11")
SCALE_STYLES = ("agree", "faces", "labelled")
FACES = ("very_sad", "sad", "ok", "happy", "very_happy")


def check_consultation(c: Consultation, codes: set[str] | None = None) -> list[str]:
    """Return a list of problems ('question 'x': what is wrong'); empty when all is well."""
    problems: list[str] = []
    if c.audience not in AUDIENCES:
        problems.append(f"audience: '{c.audience}' is not one of {', '.join(AUDIENCES)}")
    if c.closes < c.opens:
        problems.append("closes: the close date is before the open date")
    problems += _duplicates("page", [p.id for p in c.pages])
    problems += _duplicates("question", [q.id for q in c.questions()])
    problems += _duplicates("age band", [b.id for b in c.age_bands])
    seen: dict[str, Question] = {}
    for page in c.pages:
        if page.show_if:
            problems += _check_condition(f"page '{page.id}'", page.show_if, seen)
        for q in page.questions:
            problems += _check_question(q, codes)
            if q.show_if:
                problems += _check_condition(f"question '{q.id}'", q.show_if, seen)
        seen.update({q.id: q for q in page.questions})
    return problems


def _duplicates(kind: str, ids: list[str]) -> list[str]:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    return [f"{kind} '{i}': the id is used more than once" for i in dupes]


def _check_condition(where: str, cond, earlier: dict[str, Question]) -> list[str]:
    target = earlier.get(cond.question)
    if target is None:
        return [f"{where}: show_if refers to '{cond.question}', which is not an earlier question"]
    unknown = [v for v in cond.any_of if v not in target.option_ids()]
    return [f"{where}: show_if option '{v}' is not an option of '{cond.question}'" for v in unknown]


def _check_question(q: Question, codes: set[str] | None) -> list[str]:
    where = f"question '{q.id}'"
    out = []
    if q.type in CHOICE_TYPES and not q.options:
        out.append(f"{where}: a {q.type} question needs options")
    out += [f"{where}: option '{o}' is used more than once"
            for o in sorted({o.id for o in q.options if [x.id for x in q.options].count(o.id) > 1})]
    if q.type == "scale" and q.style not in SCALE_STYLES:
        out.append(f"{where}: style must be one of {', '.join(SCALE_STYLES)}")
    if q.style == "faces":
        out += [f"{where}: option '{o.id}' needs a face from {', '.join(FACES)}"
                for o in q.options if o.face not in FACES]
    if q.type == "multiple" and sum(o.exclusive for o in q.options) > 1:
        out.append(f"{where}: only one option may be exclusive")
    if q.max_length is not None and (not isinstance(q.max_length, int) or q.max_length < 1):
        out.append(f"{where}: max_length must be a positive whole number")
    if q.type == "number" and q.min is not None and q.max is not None and q.min > q.max:
        out.append(f"{where}: min is larger than max")
    if codes is not None:
        out += [f"{where}: theme '{t}' is not in the codebook" for t in q.themes if t not in codes]
    return out
