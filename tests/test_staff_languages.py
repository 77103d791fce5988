"""Staff sign-in and the languages page where an admin records a translator's review."""
import pytest

from app import staff
from app.languages import LANGUAGES


@pytest.fixture
def admin(app):
    with app.app_context():
        staff.create("ada", "admin", "correct horse battery")
    return "ada", "correct horse battery"


def _sign_in(visitor, username, password):
    visitor.get("/staff/login")
    return visitor.submit({"username": username, "password": password})


def test_staff_pages_need_a_sign_in(visitor):
    page = visitor.get("/staff/languages")
    assert page.url.startswith("/staff/login")


def test_wrong_password_is_refused_with_a_clear_message(visitor, admin):
    page = _sign_in(visitor, "ada", "wrong")
    assert page.errors() == ["The username or password is not right."]
    assert page.field_value("username") == "ada" and page.field_value("password") == ""


def test_analyst_cannot_see_admin_pages(app, visitor):
    with app.app_context():
        staff.create("ana", "analyst", "a long enough password")
    _sign_in(visitor, "ana", "a long enough password")
    assert visitor.get("/staff/languages").status == 403


def test_languages_page_shows_coverage_and_draft_status(visitor, admin):
    page = _sign_in(visitor, *admin)
    assert page.url == "/staff/languages"
    rows = page.soup.select("tbody tr")
    assert len(rows) == len(LANGUAGES) - 1
    urdu = next(r for r in rows if "Urdu" in r.get_text())
    assert "RTL" in urdu.get_text() and "100%" in urdu.get_text()
    assert "awaiting review by a qualified translator" in urdu.get_text()


def test_admin_records_a_review(visitor, admin):
    _sign_in(visitor, *admin)
    page = visitor.submit({"language": "pl", "scope": "interface", "translator": "J. Kowalska, ITI member"})
    assert "Review recorded." in page.text()
    polish = next(r for r in page.soup.select("tbody tr") if "Polish" in r.get_text())
    assert "interface: J. Kowalska, ITI member" in polish.get_text()
    assert visitor.submit({"language": "pl", "scope": "interface", "translator": ""}).errors() == [
        "Enter who reviewed it."]


def test_translate_status_prints_a_table(runner):
    output = runner.invoke(args=["translate", "status"]).output
    assert "| Arabic (العربية) | `ar` | RTL | Arabic | 100% |" in output


def test_local_admin_is_created_once_and_printed(app, runner):
    first = runner.invoke(args=["staff", "local-admin"]).output
    second = runner.invoke(args=["staff", "local-admin"]).output
    assert "username: admin" in first and first == second
    with app.app_context():
        assert staff.count() == 1
