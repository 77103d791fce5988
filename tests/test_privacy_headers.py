"""Private by default: no external requests allowed, no caching of answers, nothing tracked."""
import re

from tests.journeys import start


def test_pages_forbid_external_requests_and_are_not_cached(visitor):
    response = visitor.client.get("/en/c/children/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


def test_static_files_are_cached_for_a_year_by_content_hash(visitor):
    page = visitor.get("/en/")
    css = page.soup.find("link", rel="stylesheet")["href"]
    assert re.search(r"site\.css\?v=[0-9a-f]{12}$", css)
    assert "immutable" in visitor.client.get(css).headers["Cache-Control"]


def test_only_one_cookie_and_it_is_httponly(tester):
    start(tester, "basic", "adult")
    cookies = [c for c in tester.client._cookies.values()]
    assert [c.key for c in cookies] == ["session"]
    assert cookies[0].http_only


def test_pages_are_compressed(visitor):
    response = visitor.client.get("/en/c/parents-carers/", headers={"Accept-Encoding": "gzip"})
    assert response.headers["Content-Encoding"] == "gzip"


def test_no_third_party_addresses_in_any_page(visitor):
    for url in ("/en/", "/en/c/parents-carers/", "/en/privacy", "/en/accessibility", "/en/resume"):
        html = visitor.get(url).html
        assert not re.search(r"(src|href)=\"(https?:)?//", html), url
