"""Bad, oversized, malformed and hostile input gets a clear message and never a 500."""
import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Answer
from tests.journeys import start


@pytest.fixture
def on_basic(tester):
    start(tester, "basic", "adult")
    return tester


def _go_to(tester, page_id):
    return tester.get(f"/en/c/basic/q/{page_id}")


def test_too_long_text_is_refused_and_kept(on_basic):
    _go_to(on_basic, "words")
    long_story = "x" * 41
    page = on_basic.submit({"nickname": "Sam", "story": long_story})
    assert page.errors() == ["Your answer must be 40 characters or fewer. It has 41."]
    assert page.field_value("story") == long_story and page.field_value("nickname") == "Sam"
    assert page.soup.title.get_text().startswith("Error:")
    assert page.soup.select_one(".error-summary a")["href"] == "#story"


def test_number_must_be_a_whole_number_in_range(on_basic):
    _go_to(on_basic, "count")
    assert on_basic.submit({"children": "two"}).errors() == ["Enter a whole number, like 3."]
    assert on_basic.page.field_value("children") == "two"
    assert on_basic.submit({"children": "99"}).errors() == ["Enter a number from 0 to 20."]
    assert on_basic.submit({"children": " 3 "}).url.endswith("/q/feeling")


def test_number_prefer_not_to_say(test_app, on_basic):
    _go_to(on_basic, "count")
    on_basic.submit({"children__prefer_not": "y"})
    with test_app.app_context():
        assert db.session.scalar(select(Answer.value)) == "prefer_not_to_say"


def test_unknown_option_is_refused(on_basic):
    page = on_basic.submit({"colour": "green"})
    assert page.errors() == ["Choose one of the options shown."]


def test_unknown_checkbox_and_exclusive_conflict(on_basic):
    _go_to(on_basic, "many")
    assert on_basic.submit({"pets": ["cat", "lion"]}).errors() == ["Choose from the options shown."]
    page = on_basic.submit({"pets": ["cat", "none"]})
    assert page.errors() == ["You cannot choose “None of these” together with other answers."]
    assert page.field_value("pets") == ["cat", "none"]


def test_unknown_select_option_is_refused(on_basic):
    _go_to(on_basic, "area")
    assert on_basic.submit({"district": "sw1"}).errors() == ["Choose one of the options shown."]


def test_tampered_page_id_goes_to_the_right_page(on_basic):
    page = on_basic.get("/en/c/basic/q/nope")
    assert page.status == 200 and page.url == "/en/c/basic/q/choice"


def test_unknown_consultation_and_language_are_404(tester):
    assert tester.get("/en/c/nope/").status == 404
    assert tester.get("/xx/c/basic/").status == 404
    assert "Page not found" in tester.page.text()


def test_tampered_response_token_is_ignored(test_app):
    client = test_app.test_client()
    client.get("/en/resume")
    response = client.post("/en/c/basic/q/choice", data={"rid": "forged.token", "colour": "red"})
    assert response.status_code == 302 and response.location.endswith("/en/resume")


def test_broken_encoding_and_control_characters(test_app, on_basic):
    _go_to(on_basic, "words")
    body = b"&".join(f"{k}={v}".encode() for k, v in on_basic.page.form_fields().items())
    body += b"&nickname=Sam%FF%FE&story=hi%00there&action=continue"
    response = on_basic.client.post("/en/c/basic/q/words", data=body,
                                    content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    with test_app.app_context():
        values = dict(db.session.execute(select(Answer.question_id, Answer.value)).all())
    assert values["story"] == "hithere" and values["nickname"].startswith("Sam")


def test_oversized_request_is_refused_politely(on_basic):
    response = on_basic.client.post("/en/c/basic/q/words", data={"story": "x" * 100_000})
    assert response.status_code == 413
    assert "too long" in response.get_data(as_text=True)


def test_script_in_an_answer_is_shown_as_text(on_basic):
    _go_to(on_basic, "words")
    on_basic.submit({"nickname": "<b>x</b>", "story": "<script>alert(1)</script>"})
    page = on_basic.get("/en/c/basic/check")
    assert "<script>alert(1)</script>" not in page.html
    assert "&lt;script&gt;" in page.html


def test_unexpected_errors_show_a_friendly_page(test_app):
    test_app.config["FRIENDLY_ERRORS_IN_TESTS"] = True

    @test_app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    response = test_app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Answers you already saved are safe" in response.get_data(as_text=True)


def test_a_made_up_start_id_is_replaced(test_app, tester):
    tester.get("/en/c/basic/about-you")
    tester.submit({"agree": "y", "nonce": "not-a-uuid"})
    with test_app.app_context():
        from app.models import Response
        public_id = db.session.scalar(select(Response.public_id))
    assert public_id != "not-a-uuid" and len(public_id) == 36


def test_expired_token_on_the_start_page_says_so(tester):
    tester.get("/en/c/basic/about-you")
    page = tester.submit({"agree": "y", "csrf_token": "old"})
    assert "press Continue again" in page.text() and page.field_value("agree") == ["y"]
