"""A whole journey in headless Chromium, with JavaScript on, as a person on a phone would."""
import re


def _choose_first_option_and_continue(page):
    radios = page.locator("main input[type=radio]")
    boxes = page.locator("main input[type=checkbox]")
    if radios.count():
        radios.first.check()
    elif boxes.count():
        boxes.first.check()
    for area in page.locator("main textarea").all():
        area.fill("We cannot afford the bus to school")
    selects = page.locator("main select")
    if selects.count():
        selects.first.select_option(index=1)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def test_young_person_completes_the_consultation_in_chromium(page):
    # Given a young person on the start page
    page.goto("/en/c/young-people/")
    page.get_by_role("link", name="Start now").click()
    # When they agree, answer every page and send
    page.get_by_label("13 or 14").check()
    page.get_by_label("I want to take part").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    for _ in range(30):
        if page.url.endswith("/check"):
            break
        assert re.search(r"Page \d+ of \d+", page.content())
        _choose_first_option_and_continue(page)
    page.get_by_role("button", name="Send my answers").click()
    # Then they see their receipt code and help contacts, and nothing left the machine
    assert page.get_by_role("heading", name="Thank you").is_visible()
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", page.locator(".code").inner_text().strip())
    assert "Childline" in page.content()
    assert page.blocked_requests == []


def test_save_and_resume_in_a_new_browser(page, chromium, live_server):
    page.goto("/en/c/parents-carers/about-you")
    page.get_by_label("I want to take part").check()
    page.get_by_role("button", name="Continue").click()
    page.locator("select").select_option("ls9")
    page.get_by_role("button", name="Save and come back later").click()
    code = page.locator(".code").inner_text().strip()
    other = chromium.new_context(base_url=live_server).new_page()
    other.goto("/en/resume")
    other.get_by_label("Carry on with your code").fill(code)
    other.get_by_role("button", name="Carry on").click()
    assert other.url.endswith("/en/c/parents-carers/q/children")
    other.goto("/en/c/parents-carers/q/area")
    assert other.locator("select").input_value() == "ls9"
    other.context.close()
