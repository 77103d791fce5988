"""Free text on the web path: screened for safeguarding when saved, themed when submitted."""
from sqlalchemy import select

from app.extensions import db
from app.models import Answer, SafeguardingFlag, TextAnalysis
from tests.journeys import answer_all, start


def _write_story(tester, story):
    start(tester, "basic", "adult")
    tester.get("/en/c/basic/q/words")
    return tester.submit({"story": story})


def test_a_possible_disclosure_is_flagged_when_saved_and_help_shows_next(test_app, tester):
    # Given someone who writes that they are being hurt
    page = _write_story(tester, "My dad hits me")
    # Then the next page shows help contacts straight away
    assert page.soup.select_one(".help-now") is not None
    assert "999" in page.soup.select_one(".help-now").get_text()
    # And the answer is already in the safeguarding queue, before they submit
    with test_app.app_context():
        flag = db.session.scalar(select(SafeguardingFlag))
        assert flag is not None and flag.status == "open"
        assert db.session.get(Answer, flag.answer_id).value == "My dad hits me"
    # And the help box shows only once
    assert tester.get("/en/c/basic/q/count").soup.select_one(".help-now") is None


def test_an_idiom_is_not_flagged(test_app, tester):
    page = _write_story(tester, "The bus fare is killing us")
    assert page.soup.select_one(".help-now") is None
    with test_app.app_context():
        assert db.session.scalar(select(SafeguardingFlag)) is None


def test_submitted_free_text_is_themed_and_redacted(test_app, tester):
    answer_all(tester, start(tester, "basic", "adult"))
    tester.get("/en/c/basic/q/words")
    tester.submit({"story": "Call me on 07700 900123, no heating"}, url="/en/c/basic/q/words?change=1")
    tester.submit()
    with test_app.app_context():
        analysis = db.session.scalar(select(TextAnalysis).join(Answer).where(Answer.question_id == "story"))
        assert "07700 900123" not in analysis.redacted
        assert "energy" in analysis.themes and analysis.stance == "concern"
