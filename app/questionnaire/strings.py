"""Every translatable text of a consultation, as the flat keys translators fill in."""
from __future__ import annotations

from .definition import Consultation

TOP_LEVEL = ("title", "summary", "decision", "background", "who_reads")


def source_strings(c: Consultation) -> dict[str, str]:
    """Return {key: English text} for every text a translation file may hold."""
    out = {k: getattr(c, k) for k in TOP_LEVEL if getattr(c, k)}
    out.update({f"age_bands.{b.id}": b.text for b in c.age_bands})
    for page in c.pages:
        if page.title:
            out[f"pages.{page.id}.title"] = page.title
        for q in page.questions:
            out[f"questions.{q.id}.text"] = q.text
            if q.hint:
                out[f"questions.{q.id}.hint"] = q.hint
            out.update({f"questions.{q.id}.options.{o.id}": o.text for o in q.options})
    return out
