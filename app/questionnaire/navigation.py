"""Where a person goes next: visible pages, next and previous, where to resume. No web code."""
from __future__ import annotations

from functools import cached_property
from typing import Any

from .definition import Consultation, Page

CHECK = "check"  # the pseudo-page after the last question page


class Navigator:
    """Routes through one consultation given the answers so far."""

    def __init__(self, consultation: Consultation, answers: dict[str, Any], seen: list[str] | None = None):
        self.consultation = consultation
        self.answers = answers
        self.seen = set(seen or [])

    def visible_pages(self) -> list[Page]:
        """Return the pages whose show-if conditions hold, in order."""
        return self._visible

    @cached_property
    def _visible(self) -> list[Page]:
        # Answers do not change during a Navigator's life, so work this out once.
        return [p for p in self.consultation.pages
                if (p.show_if is None or p.show_if.holds(self.answers))
                and p.visible_questions(self.answers)]

    def is_visible(self, page_id: str) -> bool:
        """Return True when the page exists and its conditions hold."""
        return any(p.id == page_id for p in self.visible_pages())

    def next_after(self, page_id: str) -> str:
        """Return the id of the page after page_id, or CHECK after the last one."""
        ids = [p.id for p in self.visible_pages()]
        if page_id not in ids:
            return self.resume_point()
        i = ids.index(page_id)
        return ids[i + 1] if i + 1 < len(ids) else CHECK

    def previous_before(self, page_id: str) -> str | None:
        """Return the id of the page before page_id, or None on the first page."""
        ids = [p.id for p in self.visible_pages()]
        if page_id == CHECK:
            return ids[-1] if ids else None
        if page_id not in ids or ids.index(page_id) == 0:
            return None
        return ids[ids.index(page_id) - 1]

    def first_page(self) -> str:
        """Return the first visible page id (or CHECK if none)."""
        pages = self.visible_pages()
        return pages[0].id if pages else CHECK

    def resume_point(self) -> str:
        """Return the first visible page not yet seen, or CHECK when all have been seen."""
        for page in self.visible_pages():
            if page.id not in self.seen:
                return page.id
        return CHECK

    def progress(self, page_id: str) -> tuple[int, int]:
        """Return (position, total) of page_id among the visible pages, counting from 1."""
        ids = [p.id for p in self.visible_pages()]
        return (ids.index(page_id) + 1 if page_id in ids else len(ids), len(ids))

    def relevant_answers(self) -> dict[str, Any]:
        """Return only the answers to questions that are still shown (routing may hide some)."""
        keep = {q.id for p in self.visible_pages() for q in p.visible_questions(self.answers)}
        return {k: v for k, v in self.answers.items() if k in keep}
