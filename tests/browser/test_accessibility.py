"""Every respondent page, in every language, in Chromium: zero axe-core violations (WCAG 2.2 AA),
zero W3C HTML errors, and no sideways scrolling at 320 CSS pixels."""
import pytest

from app.languages import LANGUAGES
from tests.browser.checkers import axe_violations, horizontal_overflow, html_errors, need_axe, need_vnu
from tests.browser.walker import Walker

CONSULTATIONS = ("parents-carers", "young-people", "children")


def _check(page) -> list[str]:
    problems = axe_violations(page)
    overflow = horizontal_overflow(page)
    if overflow > 0:
        problems.append(f"{page.url}: scrolls sideways by {overflow}px at 320px wide")
    return problems


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
def test_every_page_is_accessible_and_valid(chromium, live_server, tmp_path, lang):
    need_axe()
    need_vnu()
    context = chromium.new_context(viewport={"width": 320, "height": 640}, base_url=live_server,
                                  bypass_csp=True)  # lets axe-core be injected
    walker = Walker(context.new_page(), _check)
    walker.statics(lang)
    for band, slug in enumerate(CONSULTATIONS):
        walker.consultation(lang, slug, band_index=band % 2)
    context.close()
    errors = html_errors(walker.visit.documents, tmp_path)
    pages = len(walker.visit.documents)
    print(f"{lang}: {pages} pages, {len(walker.visit.checks)} axe/reflow problems, {len(errors)} HTML errors")
    assert pages > 30
    assert walker.visit.checks == []
    assert errors == []
