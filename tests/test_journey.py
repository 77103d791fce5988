"""Journeys through the real default consultations, written as given / when / then."""
import json

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import Answer, Response
from tests.journeys import answer_all, start

DEFAULTS = [("parents-carers", "25-34"), ("young-people", "13-14"), ("children", "9-11")]


def test_home_lists_the_three_open_consultations(visitor):
    page = visitor.get("/")
    assert page.url == "/en/"
    links = [a["href"] for a in page.soup.select(".card a")]
    assert links == ["/en/c/children/", "/en/c/parents-carers/", "/en/c/young-people/"]
    assert "About 10 minutes" in page.text()


@pytest.mark.parametrize("slug,band", DEFAULTS)
def test_complete_each_default_consultation(app, visitor, slug, band):
    # Given a person who starts the consultation
    page = start(visitor, slug, band)
    assert "Page 1 of" in page.text()
    # When they answer every page and send their answers
    check = answer_all(visitor, page)
    assert check.h1() == "Check your answers"
    done = visitor.submit()
    # Then they see thanks with a receipt code, and every answer is stored once
    assert done.h1() == "Thank you"
    receipt = done.soup.select_one(".code").get_text(strip=True)
    assert len(receipt) == 9 and receipt[4] == "-"
    with app.app_context():
        response = db.session.scalar(select(Response))
        assert response.status == "submitted" and response.receipt_code == receipt
        assert response.age_band == band and response.channel == "self"
        ids = [a.question_id for a in response.answers]
        assert len(ids) == len(set(ids)) > 5


def test_start_page_explains_before_asking(visitor):
    page = visitor.get("/en/c/young-people/")
    text = page.text()
    for words in ("Who reads your answers", "How long it takes", "If you tell us you are not safe",
                  "Your privacy", "Start now"):
        assert words in text


def test_under_13_are_told_to_have_an_adult_with_them(visitor):
    page = visitor.get("/en/c/children/about-you")
    assert "If you are under 13, a parent, carer or youth worker needs to be with you" in page.text()


def test_taking_part_needs_an_explicit_yes(visitor):
    visitor.get("/en/c/parents-carers/about-you")
    page = visitor.submit({"age_band": "25-34"})
    assert page.errors() == ["Tick the box if you want to take part."]
    assert page.field_value("age_band") == ["25-34"]


def test_check_answers_change_link_returns_to_check(tester):
    # Given someone at check your answers
    page = answer_all(tester, start(tester, "basic", "adult"))
    change = page.soup.find("a", href=lambda h: h and "/q/choice" in h)
    # When they change an answer
    page = tester.get(change["href"])
    assert page.field_value("colour") == ["red"]
    page = tester.submit({"colour": "blue"})
    # Then they are back at check your answers with the new answer
    assert page.url.endswith("/check")
    assert "Blue" in page.text() and "Red" not in page.text()


def test_show_if_routing_skips_and_shows_pages(tester):
    page = start(tester, "routing", "13-17")
    page = tester.submit({"paid_work": "no"})
    assert page.url.endswith("/q/last") and "Page 2 of 2" in page.text()
    page = tester.get("/en/c/routing/q/job")
    page = tester.submit({"paid_work": "yes"})
    assert page.url.endswith("/q/work") and "Page 2 of 3" in page.text()


def test_routing_drops_hidden_answers_at_submit(test_app, tester):
    start(tester, "routing", "13-17")
    tester.submit({"paid_work": "yes"})
    tester.submit({"hours": "same"})
    tester.get("/en/c/routing/q/job")
    tester.submit({"paid_work": "no"}, url="/en/c/routing/q/job?change=1")
    page = tester.get("/en/c/routing/check")
    assert "The same" not in page.text()
    tester.submit()
    with test_app.app_context():
        assert db.session.scalar(select(Response)).answer_map() == {"paid_work": "no"}


def test_three_faces_for_younger_children(tester):
    page = start(tester, "routing", "11-12")
    tester.submit({"paid_work": "no"})
    assert [i["value"] for i in tester.page.soup.find_all("input", type="radio")] == ["sad", "ok", "happy"]


def test_every_answer_is_saved_when_its_page_is_sent(test_app, tester):
    start(tester, "basic", "adult")
    tester.submit({"colour": "blue"})
    with test_app.app_context():
        assert db.session.scalar(select(Answer.value)) == "blue"


def test_double_submit_sends_once(test_app, tester):
    answer_all(tester, start(tester, "basic", "adult"))
    fields = tester.page.form_fields()
    first = tester.client.post("/en/c/basic/check", data=fields)
    second = tester.client.post("/en/c/basic/check", data=fields)
    assert first.status_code == second.status_code == 302
    with test_app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == 1
        receipt = db.session.scalar(select(Response.receipt_code))
    assert receipt in tester.get("/en/c/basic/done").text()


def test_double_click_on_start_makes_one_response(test_app, tester):
    tester.get("/en/c/basic/about-you")
    fields = {**tester.page.form_fields(), "agree": "y", "age_band": "adult"}
    for _ in range(3):
        tester.client.post("/en/c/basic/about-you", data=fields)
    with test_app.app_context():
        assert db.session.scalar(select(func.count(Response.id))) == 1


def test_reposting_a_page_does_not_duplicate_answers(test_app, tester):
    start(tester, "basic", "adult")
    fields = {**tester.page.form_fields(), "colour": "red", "action": "continue"}
    tester.client.post("/en/c/basic/q/choice", data=fields)
    tester.client.post("/en/c/basic/q/choice", data={**fields, "colour": "blue"})
    with test_app.app_context():
        assert db.session.scalars(select(Answer.value)).all() == ["blue"]


def test_back_button_shows_saved_answers(tester):
    start(tester, "basic", "adult")
    tester.submit({"colour": "blue"})
    page = tester.get("/en/c/basic/q/choice")
    assert page.field_value("colour") == ["blue"]
    assert tester.page.soup.select_one("a.back")["href"] == "/en/c/basic/about-you"


def test_exit_this_page_leaves_and_forgets_the_session(test_app, tester):
    start(tester, "basic", "adult")
    response = tester.client.get("/exit")
    assert response.status_code == 302 and response.location == test_app.config["EXIT_URL"]
    assert "cookies" in response.headers["Clear-Site-Data"]
    page = tester.get("/en/c/basic/q/choice")
    assert page.url == "/en/resume"


def test_every_respondent_page_has_exit_this_page(visitor):
    for url in ("/en/", "/en/c/children/", "/en/c/children/about-you", "/en/resume", "/en/privacy"):
        assert visitor.get(url).soup.select_one("a.exit")["href"] == "/exit"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and json.loads(response.data) == {"status": "ok"}
