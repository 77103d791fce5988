"""A whole journey with the keyboard alone: no mouse, no clicks, only key presses and reading the page."""
import re

from app.config import Defaults

SKIP_LINK = "Skip to main content"
WORDS = "Playing football with my friends"

# What has focus, and whether a sighted keyboard user can see it (an outline or a box shadow).
FOCUSED_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return {tag: "BODY", visible: false};
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  return {tag: e.tagName, type: e.type || "", name: e.name || "", id: e.id, value: e.value || "",
          checked: !!e.checked, inMain: !!e.closest("main"),
          text: (e.innerText || "").trim(), visible: outline || s.boxShadow !== "none"};
}"""


def focused(page) -> dict:
    """Describe the element that has focus."""
    return page.evaluate(FOCUSED_JS)


def tab(page) -> dict:
    """Press Tab once; the newly focused element must show its focus."""
    page.keyboard.press("Tab")
    element = focused(page)
    assert element["visible"], f"focus is not visible on {element} at {page.url}"
    return element


def tab_to(page, matches, limit: int = 80) -> dict:
    """Press Tab until the focused element matches, checking focus is visible at every stop."""
    for _ in range(limit):
        element = tab(page)
        if matches(element):
            return element
    raise AssertionError(f"never reached the element by Tab at {page.url}")


def press_and_wait(page, key: str = "Enter") -> None:
    """Press a key that navigates; the new page must load without error."""
    with page.expect_navigation() as navigation:
        page.keyboard.press(key)
    assert navigation.value.ok, f"HTTP {navigation.value.status} at {page.url}"


def first_tab_is_skip_link(page) -> None:
    """The first Tab on a fresh page lands on the skip link, and it shows."""
    assert tab(page)["text"] == SKIP_LINK, f"first Tab missed the skip link at {page.url}"


def choose_by_arrows(page) -> dict:
    """On a focused radio: Space ticks it, ArrowDown moves to and ticks the next one."""
    first = focused(page)
    page.keyboard.press("Space")
    assert focused(page)["checked"], f"Space did not choose {first['id']}"
    page.keyboard.press("ArrowDown")
    now = focused(page)
    assert now["checked"] and now["name"] == first["name"] and now["id"] != first["id"], now
    return now


def answer_page(page) -> None:
    """Tab through a question page: choose in each group, type in each box, then Enter on Continue."""
    answered = set()
    for _ in range(80):
        element = tab(page)
        if element["inMain"] and element["type"] == "radio" and element["name"] not in answered:
            choose_by_arrows(page)
            answered.add(element["name"])
        elif element["inMain"] and element["type"] == "checkbox" and element["name"] not in answered:
            page.keyboard.press("Space")
            assert focused(page)["checked"], f"Space did not tick {element['id']}"
            answered.add(element["name"])
        elif element["tag"] == "TEXTAREA":
            page.keyboard.type(WORDS)
            assert focused(page)["value"] == WORDS
        elif element["tag"] == "BUTTON" and element["text"] == "Continue":
            press_and_wait(page)
            return
    raise AssertionError(f"never reached Continue at {page.url}")


def test_child_completes_the_consultation_with_the_keyboard_alone(page):
    # Given a child on the start page, who uses only a keyboard
    page.goto("/en/c/children/")
    first_tab_is_skip_link(page)
    tab_to(page, lambda e: e["text"] == "Start now")
    press_and_wait(page)
    assert page.url.endswith("/en/c/children/about-you")
    # When they press Continue without ticking "I want to take part"
    first_tab_is_skip_link(page)
    tab_to(page, lambda e: e["text"] == "Continue")
    press_and_wait(page)
    # Then the error summary has focus, and it shows
    assert focused(page)["id"] == "error-summary"
    assert focused(page)["visible"], "the focused error summary has no visible focus"
    # When they choose an age band with the arrow keys, tick the box with Space and press Enter
    tab_to(page, lambda e: e["name"] == "age_band")
    assert choose_by_arrows(page)["value"] == "9-11"
    assert tab(page)["name"] == "agree"
    page.keyboard.press("Space")
    assert focused(page)["checked"]
    tab_to(page, lambda e: e["text"] == "Continue")
    press_and_wait(page)
    # And answer every question page by keyboard
    for _ in range(20):
        if page.url.endswith("/check"):
            break
        assert re.search(r"Page \d+ of \d+", page.content()), page.url
        first_tab_is_skip_link(page)
        answer_page(page)
    assert page.url.endswith("/en/c/children/check")
    summary = page.locator("main dl").inner_text()
    assert WORDS in summary and "Not answered" not in summary
    # And press Enter on "Send my answers"
    first_tab_is_skip_link(page)
    tab_to(page, lambda e: e["text"] == "Send my answers")
    press_and_wait(page)
    # Then they reach the thank-you page with a receipt code, and nothing left the machine
    assert page.locator("h1").first.inner_text().strip().startswith("Thank you")
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}", page.locator(".code").inner_text().strip())
    assert page.blocked_requests == []


def _start_by_keyboard(page) -> None:
    """Tick "I want to take part" and continue, by keyboard, so the browser holds a session."""
    page.goto("/en/c/children/about-you")
    tab_to(page, lambda e: e["name"] == "agree")
    page.keyboard.press("Space")
    tab_to(page, lambda e: e["text"] == "Continue")
    press_and_wait(page)
    assert "/en/c/children/q/" in page.url


def _leaving(page, live_server) -> list[dict]:
    """Let /exit answer for real, but show a tiny page in place of its redirect to the outside site.

    Playwright does not route the second hop of a redirect, so the 302 is fetched here and noted,
    and the neutral site is never contacted (this machine has no network)."""
    exits = []

    def exit_route(route):
        answer = route.fetch(max_redirects=0)
        exits.append({"status": answer.status, **answer.headers})
        route.fulfill(response=answer, status=200, content_type="text/html",
                      body="<!doctype html><title>Weather</title>")
    page.context.route(f"{live_server}/exit", exit_route)
    return exits


def _sent_away(exits: list[dict]) -> bool:
    """True when exactly one /exit answered with a redirect to EXIT_URL that clears site data."""
    return (len(exits) == 1 and exits[0]["status"] == 302 and exits[0]["location"] == Defaults.EXIT_URL
            and "cookies" in exits[0].get("clear-site-data", ""))


def _has_session(page, live_server) -> bool:
    """True while the browser holds the app's session cookie."""
    return any(c["name"] == "session" for c in page.context.cookies(live_server))


def test_pressing_shift_three_times_leaves_the_site(page, live_server):
    # Given someone part way through, whose browser holds a session
    _start_by_keyboard(page)
    assert _has_session(page, live_server)
    exits = _leaving(page, live_server)
    # When they press Shift three times
    with page.expect_navigation(url="**/exit"):
        for _ in range(3):
            page.keyboard.press("Shift")
    # Then the browser asked /exit, which sends it to the neutral site and forgets the session
    assert _sent_away(exits)
    assert not _has_session(page, live_server)


def test_exit_this_page_link_is_reached_by_tab_and_enter(page, live_server):
    # Given someone part way through
    _start_by_keyboard(page)
    exits = _leaving(page, live_server)
    # When they Tab to "Exit this page" and press Enter
    first_tab_is_skip_link(page)
    tab_to(page, lambda e: e["text"] == "Exit this page", limit=5)
    with page.expect_navigation(url="**/exit"):
        page.keyboard.press("Enter")
    # Then /exit sends them to the neutral site and the session is gone
    assert _sent_away(exits)
    assert not _has_session(page, live_server)


def test_typing_capital_letters_does_not_exit(page, live_server):
    # Given a child typing in an answer box, using Shift for capital letters
    exits = _leaving(page, live_server)
    _start_by_keyboard(page)
    page.goto("/en/c/children/q/good_day")
    tab_to(page, lambda e: e["tag"] == "TEXTAREA")
    # When they type three capitals
    for key in ("Shift+M", "y", " ", "Shift+D", "o", "g", " ", "Shift+I", "s"):
        page.keyboard.press(key)
    page.wait_for_timeout(500)
    # Then they are still on the page with what they typed, and nothing left
    assert page.url.endswith("/q/good_day") and exits == []
    assert focused(page)["value"] == "My Dog Is"
