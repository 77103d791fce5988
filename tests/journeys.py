"""Shared steps for journey tests: start a consultation and answer pages like a person would."""
from __future__ import annotations

from tests.pages import Page, Visitor


def start(visitor: Visitor, slug: str, band: str | None = None, lang: str = "en") -> Page:
    """Open the start page, press Start now, agree and continue; return the first question page."""
    page = visitor.get(f"/{lang}/c/{slug}/")
    assert page.status == 200
    visitor.get(f"/{lang}/c/{slug}/about-you")
    data = {"agree": "y"}
    if band:
        data["age_band"] = band
    return visitor.submit(data)


def typical_answers(page: Page, text: str = "We cannot afford the heating") -> dict:
    """Return answers for every question on a page: first option, some words, a number."""
    data: dict = {}
    for field in page.soup.find_all(["input", "textarea", "select"]):
        name, kind = field.get("name"), field.get("type")
        if not name or kind == "hidden" or name in data or name.endswith("__prefer_not"):
            continue
        if kind in ("radio", "checkbox"):
            data[name] = field["value"]
        elif field.name == "textarea":
            data[name] = text
        elif field.name == "select":
            data[name] = field.find_all("option")[1]["value"]
        elif field.get("inputmode") == "numeric":
            data[name] = "2"
        else:
            data[name] = "Leeds"
    return data


def answer_all(visitor: Visitor, page: Page, limit: int = 40) -> Page:
    """Answer every page until check-your-answers; return that page."""
    for _ in range(limit):
        if page.url.endswith("/check"):
            return page
        assert page.status == 200, page.url
        page = visitor.submit(typical_answers(page))
    raise AssertionError("never reached check your answers")
