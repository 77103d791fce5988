"""Every respondent page in every language: lang and dir, no English leaking, switching keeps answers."""
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.languages import LANGUAGES
from tests.journeys import answer_all, start, typical_answers

ROOT = Path(__file__).parent.parent
TRANSLATED = [lang for lang in LANGUAGES if lang.locale != "en"]
# Words that are the same in every language here: names, codes and numbers.
ALLOWED = {"Family Voice", "Childline", "NSPCC", "OK"}


def _interface_strings() -> set[str]:
    with open(ROOT / "translations" / "messages.pot", "rb") as handle:
        catalog = read_po(handle)
    texts = set()
    for message in catalog:
        for text in (message.id if isinstance(message.id, tuple) else (message.id,)):
            plain = re.sub(r"%\(\w+\)s", "", text or "").strip(" .:")
            if len(plain.split()) >= 2 and plain not in ALLOWED:
                texts.add(plain)
    return texts


INTERFACE = _interface_strings()


def _walk_pages(visitor, lang, slug, band):
    """Yield every page of a consultation journey in one language."""
    yield visitor.get(f"/{lang}/c/{slug}/")
    yield visitor.get(f"/{lang}/c/{slug}/about-you")
    page = visitor.submit({})  # the consent error
    yield page
    page = visitor.submit({"agree": "y", "age_band": band})
    for _ in range(30):
        yield page
        if page.url.endswith("/check"):
            break
        page = visitor.submit(typical_answers(page))
    yield visitor.submit()


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES])
@pytest.mark.parametrize("slug,band", [("parents-carers", "35-44"), ("young-people", "15-17"), ("children", "7-8")])
def test_every_page_has_lang_and_dir_and_no_english_leaks(app, lang, slug, band):
    from tests.pages import Visitor
    language = next(x for x in LANGUAGES if x.code == lang)
    visitor = Visitor(app.test_client())
    for page in [*_walk_pages(visitor, lang, slug, band), visitor.get(f"/{lang}/resume"),
                 visitor.get(f"/{lang}/privacy"), visitor.get(f"/{lang}/accessibility"), visitor.get(f"/{lang}/")]:
        assert page.status == 200, page.url
        html = page.soup.html
        assert (html["lang"], html["dir"]) == (language.bcp47, language.dir), page.url
        if language.locale != "en":
            main = page.soup.find("main").get_text(" ", strip=True)
            leaks = [s for s in INTERFACE if s in main]
            assert leaks == [], f"{page.url} shows English: {leaks[:3]}"
            fallbacks = page.soup.select("main [lang=en]")
            assert fallbacks == [], f"{page.url} falls back to English: {fallbacks[:2]}"


def test_missing_translation_falls_back_visibly(test_app, tester):
    page = tester.get("/pl/c/basic/")
    heading = page.soup.h1
    assert heading.get_text() == "Basic test" and heading["lang"] == "en"
    assert page.soup.html["lang"] == "pl"


def test_switching_language_mid_way_keeps_answers_and_page(tester):
    start(tester, "basic", "adult")
    tester.submit({"colour": "blue"})
    switch = tester.page.soup.find("a", hreflang="ur")
    assert switch["href"] == "/ur/c/basic/q/many" and switch["lang"] == "ur" and switch.get_text() == "اردو"
    page = tester.get(switch["href"])
    assert page.soup.html["dir"] == "rtl"
    page = tester.get("/ur/c/basic/q/choice")
    assert page.field_value("colour") == ["blue"]


def test_language_is_stored_and_restored_on_resume(test_app, tester):
    start(tester, "basic", "adult")
    tester.get("/ar/c/basic/q/choice")
    tester.submit({"colour": "red"}, action="save")
    code = tester.page.soup.select_one(".code").get_text(strip=True)
    from tests.pages import Visitor
    other = Visitor(test_app.test_client())
    other.get("/en/resume")
    assert other.submit({"code": code}).url == "/ar/c/basic/q/many"


def test_accept_language_picks_the_first_default(client):
    assert client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"}).location == "/pl/"
    assert client.get("/", headers={"Accept-Language": "ar"}).location == "/ar/"
    assert client.get("/", headers={"Accept-Language": "de"}).location == "/en/"


def test_switcher_names_each_language_in_itself(visitor):
    page = visitor.get("/en/")
    names = {a["hreflang"]: a.get_text() for a in page.soup.select("nav.langs a")}
    assert names["pl"] == "Polski" and names["ar"] == "العربية" and names["pa-Arab"] == "پنجابی"


def test_codes_and_phone_numbers_stay_left_to_right(tester):
    start(tester, "basic", "adult", lang="ar")
    tester.submit({"colour": "red"}, action="save")
    code = tester.page.soup.select_one(".code")
    assert code["dir"] == "ltr"


def test_free_text_in_any_script_is_stored_and_shown_back(test_app, tester):
    start(tester, "basic", "adult", lang="ur")
    tester.get("/ur/c/basic/q/words")
    tester.submit({"story": "ہمارے پاس کھانا نہیں ہے and no heat"})
    page = tester.get("/ur/c/basic/check")
    assert "ہمارے پاس کھانا نہیں ہے and no heat" in page.text()
    assert page.soup.find("dd", string=None, attrs={"dir": "auto"}) is not None


def test_plurals_use_each_languages_rules(visitor):
    assert "10 minut" in visitor.get("/pl/").text()  # Polish 'many' form
    assert "10 minutes" in visitor.get("/en/").text()
