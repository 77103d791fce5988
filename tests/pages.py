"""A browser-like helper: fetch a page, parse it, check its hygiene, fill and send its form."""
from __future__ import annotations

from dataclasses import dataclass

from bs4 import BeautifulSoup


@dataclass
class Page:
    """A fetched HTML page."""

    status: int
    url: str
    html: str
    soup: BeautifulSoup

    def text(self) -> str:
        """Return the visible text."""
        return self.soup.get_text(" ", strip=True)

    def h1(self) -> str:
        """Return the main heading's text."""
        return self.soup.h1.get_text(" ", strip=True)

    def form_fields(self) -> dict[str, str]:
        """Return the hidden fields of the first form (tokens and ids)."""
        form = self.soup.find("form", method="post")
        return {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}

    def errors(self) -> list[str]:
        """Return the messages in the error summary."""
        box = self.soup.find(id="error-summary")
        return [a.get_text(strip=True) for a in box.find_all("a")] if box else []

    def field_value(self, name: str):
        """Return what a field shows: text, the checked values, or the selected option."""
        area = self.soup.find("textarea", attrs={"name": name})
        if area is not None:
            return area.get_text()
        boxes = self.soup.find_all("input", attrs={"name": name})
        if boxes and boxes[0].get("type") in ("radio", "checkbox"):
            return [b["value"] for b in boxes if b.has_attr("checked")]
        if boxes:
            return boxes[0].get("value", "")
        select = self.soup.find("select", attrs={"name": name})
        chosen = select.find("option", selected=True) if select else None
        return chosen["value"] if chosen else None


def check_hygiene(page: Page) -> None:
    """Assert the basics every page must get right (Notify's habit: check on every fetch)."""
    html = page.soup.html
    assert html.get("lang") and html.get("dir") in ("ltr", "rtl"), "html needs lang and dir"
    title = page.soup.title.get_text(strip=True)
    if page.soup.h1:
        assert page.h1().split(" ")[0] in title, f"title {title!r} should match h1 {page.h1()!r}"
    ids = [t["id"] for t in page.soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    for form in page.soup.find_all("form"):
        assert form.get("method") == "post", "forms post"
    for field in page.soup.find_all(["input", "textarea", "select"]):
        if field.get("type") in ("hidden", "submit"):
            continue
        assert page.soup.find("label", attrs={"for": field.get("id")}), f"{field.get('name')} has no label"
    assert "http://" not in page.html.replace("http://www.w3.org", "") , "no external requests"


class Visitor:
    """One person's browser: keeps cookies, follows redirects, checks each page."""

    def __init__(self, client):
        self.client = client
        self.page: Page | None = None

    def _wrap(self, response, url) -> Page:
        html = response.get_data(as_text=True)
        page = Page(response.status_code, url, html, BeautifulSoup(html, "html.parser"))
        if response.mimetype == "text/html" and response.status_code < 500:
            check_hygiene(page)
        self.page = page
        return page

    def get(self, url: str, **kwargs) -> Page:
        """Fetch a page, following redirects."""
        response = self.client.get(url, follow_redirects=True, **kwargs)
        return self._wrap(response, _url(response.request))

    def submit(self, data: dict | None = None, action: str = "continue", url: str | None = None,
               keep_tokens: bool = True, **kwargs) -> Page:
        """Send the current page's form with some answers, as the browser would."""
        fields = self.page.form_fields() if keep_tokens else {}
        fields.update({"action": action, **(data or {})})
        target = url or self.page.url
        response = self.client.post(target, data=fields, follow_redirects=True, **kwargs)
        return self._wrap(response, _url(response.request))


def _url(request) -> str:
    query = request.query_string.decode()
    return request.path + (f"?{query}" if query else "")
