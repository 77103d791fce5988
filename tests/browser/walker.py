"""Walk every respondent page of a consultation in a real browser, collecting each page seen."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

TOO_LONG = "x" * 2000


@dataclass
class Visit:
    """What a walk saw: served HTML by URL, and a label for each page."""

    documents: dict[str, str] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)


class Walker:
    """Drives one browser page through consultations, running a check on every page."""

    def __init__(self, page, check: Callable[[object], list[str]]):
        self.page, self.check, self.visit = page, check, Visit()

    def go(self, action: Callable[[], object], label: str) -> None:
        """Navigate (by goto or click), keep the served HTML and check the page."""
        with self.page.expect_navigation() as navigation:
            action()
        response = navigation.value
        assert response.ok, f"{label}: HTTP {response.status} at {self.page.url}"
        self.visit.documents[f"{label} {self.page.url}"] = response.text()
        self.visit.checks += self.check(self.page)

    def open(self, path: str, label: str) -> None:
        """Open a URL path."""
        self.go(lambda: self.page.goto(path), label)

    def submit(self, label: str, selector: str = "main form button[type=submit]") -> None:
        """Press a form's first submit button."""
        self.go(lambda: self.page.locator(selector).first.click(), label)

    def answer_page(self, text: str) -> None:
        """Choose the first option of each question and write in each text box."""
        page = self.page
        for name in set(page.locator("main input[type=radio], main input[type=checkbox]")
                        .evaluate_all("els => els.map(e => e.name)")):
            if not name.endswith("__prefer_not"):
                page.locator(f"main input[name='{name}']").first.check()
        for area in page.locator("main textarea, main input[type=text]").all():
            area.fill(text if area.get_attribute("inputmode") != "numeric" else "2")
        for select in page.locator("main select").all():
            select.select_option(index=1)

    def consultation(self, lang: str, slug: str, band_index: int = 0) -> None:
        """Walk start → about you (with its error) → every question (one error) → check → done."""
        self.open(f"/{lang}/c/{slug}/", f"{slug} start")
        self.open(f"/{lang}/c/{slug}/about-you", f"{slug} about-you")
        self.submit(f"{slug} about-you error")
        self.page.locator("input[name=age_band]").nth(band_index).check()
        self.page.locator("input[name=agree]").check()
        self.submit(f"{slug} first question")
        shown_error = False
        for step in range(40):
            if self.page.url.endswith("/check"):
                break
            if not shown_error and self.page.locator("main textarea").count():
                self.page.locator("main textarea").first.fill(TOO_LONG)
                self.submit(f"{slug} question error")
                shown_error = True
            self.answer_page("Mae'n anodd talu am y bws / we can't afford the bus")
            self.submit(f"{slug} question {step + 2}")
        self.submit(f"{slug} done")

    def statics(self, lang: str) -> None:
        """Open the pages outside any consultation."""
        self.open(f"/{lang}/resume", "resume")
        self.submit("resume error")
        for path, label in ((f"/{lang}/", "home"), (f"/{lang}/accessibility", "accessibility"),
                            (f"/{lang}/privacy", "privacy")):
            self.open(path, label)
