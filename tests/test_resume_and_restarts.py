"""Stop and come back: resume codes, expired sessions, timed-out pages and server restarts."""
from datetime import timedelta

from sqlalchemy import select

from app.extensions import db
from app.models import Response
from tests.conftest import make_app
from tests.journeys import start
from tests.pages import Visitor


def _save_and_get_code(visitor) -> str:
    page = visitor.submit({"colour": "blue"}, action="save")
    assert page.url.endswith("/saved")
    return page.soup.select_one(".code").get_text(strip=True)


def test_resume_by_code_in_a_new_browser_returns_to_first_unanswered_page(test_app, tester):
    # Given someone who answered one page and saved
    start(tester, "basic", "adult")
    code = _save_and_get_code(tester)
    # When they type the code (in lower case, without the dash) in a different browser
    other = Visitor(test_app.test_client())
    other.get("/en/resume")
    page = other.submit({"code": code.replace("-", "").lower()})
    # Then they carry on at the next page, and their earlier answer is still there
    assert page.url == "/en/c/basic/q/many"
    assert other.get("/en/c/basic/q/choice").field_value("colour") == ["blue"]


def test_resume_returns_in_the_language_used(test_app, tester):
    start(tester, "basic", "adult", lang="pl")
    code = _save_and_get_code(tester)
    other = Visitor(test_app.test_client())
    other.get("/en/resume")
    assert other.submit({"code": code}).url.startswith("/pl/c/basic/")


def test_saved_page_shows_the_same_code_twice(tester):
    start(tester, "basic", "adult")
    first = _save_and_get_code(tester)
    assert tester.get("/en/c/basic/saved").soup.select_one(".code").get_text(strip=True) == first


def test_wrong_code_gets_a_clear_message_and_keeps_what_was_typed(tester):
    tester.get("/en/resume")
    page = tester.submit({"code": "ABCD-EFGH"})
    assert "We could not find that code" in page.text()
    assert page.field_value("code") == "ABCD-EFGH"
    assert tester.submit({"code": ""}).errors() == ["Enter your code. It looks like K7QM-3XPD."]


def test_expired_code_does_not_work(test_app, tester):
    start(tester, "basic", "adult")
    code = _save_and_get_code(tester)
    with test_app.app_context():
        response = db.session.scalar(select(Response))
        response.resume_expires_at -= timedelta(days=31)
        db.session.commit()
    tester.get("/en/resume")
    assert "We could not find that code" in tester.submit({"code": code}).text()


def test_resume_is_rate_limited(test_app):
    visitor = Visitor(test_app.test_client())
    statuses = []
    for _ in range(12):
        visitor.get("/en/resume")
        statuses.append(visitor.submit({"code": "ABCD-EFGH"}).status)
    assert statuses[:10] == [200] * 10 and statuses[-1] == 429
    assert "Please wait a moment" in visitor.page.text()


def test_submitted_response_cannot_be_resumed(tester):
    start(tester, "basic", "adult")
    code = _save_and_get_code(tester)
    tester.get("/en/c/basic/check")
    tester.submit()
    tester.get("/en/resume")
    assert "We could not find that code" in tester.submit({"code": code}).text()


def test_expired_session_keeps_answers_through_the_form_token(test_app, tester):
    # Given someone whose session cookie has gone while a page was open
    start(tester, "basic", "adult")
    fields = tester.page.form_fields()
    fresh = Visitor(test_app.test_client())
    fresh.get("/en/resume")  # a new session with a valid CSRF token
    # When they send the page
    data = {**fields, "csrf_token": fresh.page.form_fields()["csrf_token"], "colour": "red", "action": "continue"}
    response = fresh.client.post("/en/c/basic/q/choice", data=data)
    # Then the answer is saved to their response and they move on
    assert response.status_code == 302 and response.location.endswith("/q/many")
    with test_app.app_context():
        assert db.session.scalar(select(Response)).answer_map() == {"colour": "red"}


def test_expired_csrf_token_keeps_what_was_typed(test_app, tester):
    start(tester, "basic", "adult")
    tester.submit({"colour": "red"})
    tester.submit({"pets": ["cat"]})
    page = tester.submit({"nickname": "Sam", "story": "Cold house", "csrf_token": "expired"})
    assert "Your answers are still here" in page.text()
    assert page.field_value("nickname") == "Sam" and page.field_value("story") == "Cold house"
    assert tester.submit().url == "/en/c/basic/q/count"


def test_restart_between_pages_loses_nothing(tmp_path):
    # Given a person part-way through on one server process
    first = make_app(tmp_path)
    visitor = Visitor(first.test_client())
    start(visitor, "parents-carers", "25-34")
    visitor.submit({"postcode_district": "ls9"})
    cookie = visitor.client.get_cookie("session")
    with first.app_context():
        db.engine.dispose()
    # When the server restarts (a new app on the same database, same secret key)
    second = make_app(tmp_path, fresh=False, SQLALCHEMY_DATABASE_URI=first.config["SQLALCHEMY_DATABASE_URI"])
    client = second.test_client()
    client.set_cookie("session", cookie.value)
    again = Visitor(client)
    # Then they carry on where they were, with their answer saved
    page = again.get("/en/c/parents-carers/q/area")
    assert page.field_value("postcode_district") == "ls9"
    with second.app_context():
        assert db.session.scalar(select(Response)).answer_map() == {"postcode_district": "ls9"}
