"""Reflow and target size in Chromium: no sideways scrolling at 320 CSS px or with text at 200%,
targets of at least 24×24 CSS px (WCAG 2.2 SC 1.4.10, 1.4.4, 2.5.8), and the answer inputs
still show with reduced motion and with forced colours."""
from __future__ import annotations

import contextlib
from typing import Iterator

import pytest

from tests.browser.checkers import horizontal_overflow

BIG_TEXT = "html{font-size:200%}"
LAYOUTS = {
    "320x640": ({"width": 320, "height": 640}, None),
    "1280 wide, text 200%": ({"width": 1280, "height": 800}, BIG_TEXT),
}
MEDIA = {
    "reduced motion": ({"reduced_motion": "reduce"}, "(prefers-reduced-motion: reduce)"),
    "forced colours": ({"forced_colors": "active"}, "(forced-colors: active)"),
}

# Every visible target smaller than 24×24 CSS px. Links inside a sentence (<p> or <li>) are left out
# under the inline exception of 2.5.8; the skip link is left out while it is parked off screen.
SMALL_TARGETS_JS = """() => {
  const small = [];
  for (const e of document.querySelectorAll("a[href], button, input:not([type=hidden]), select, summary")) {
    if (!e.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    if (e.tagName === "A" && e.closest("p, li")) continue;
    const r = e.getBoundingClientRect();
    if (r.right <= 0 || r.bottom <= 0) continue;
    if (r.width < 24 || r.height < 24) {
      const name = (e.innerText || e.name || e.id || "").trim().split("\\n")[0];
      small.push(`${e.tagName.toLowerCase()} "${name}" is ${r.width.toFixed(1)}x${r.height.toFixed(1)}`);
    }
  }
  return small;
}"""


@contextlib.contextmanager
def browser_page(chromium, live_server, **options):
    """A fresh context and page with the given options; nothing may leave the machine."""
    context = chromium.new_context(base_url=live_server, bypass_csp=True, **options)  # bypass: add style
    context.route(lambda url: not url.startswith(live_server), lambda route: route.abort())
    try:
        yield context.new_page()
    finally:
        context.close()


def small_targets(page) -> list[str]:
    """Describe each visible target under 24×24 CSS px."""
    return [f"{page.url}: {line}" for line in page.evaluate(SMALL_TARGETS_JS)]


def continue_after_agreeing(page) -> None:
    """Tick "I want to take part" on about you and press Continue."""
    page.locator("input[name=agree]").check()
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()


def walk(page, style: str | None = None) -> Iterator[str]:
    """Visit start, about you (and its error), a faces page, check answers and a long list; yield a label on each."""
    steps = [
        ("start", lambda: page.goto("/en/c/children/")),
        ("about you", lambda: page.goto("/en/c/children/about-you")),
        ("about you with an error", lambda: page.locator("main button[type=submit]").click()),
        ("faces question", lambda: continue_after_agreeing(page)),
        ("check answers", lambda: page.goto("/en/c/children/check")),
        ("long list question", lambda: (page.goto("/en/c/parents-carers/about-you"), continue_after_agreeing(page),
                                        page.goto("/en/c/parents-carers/q/hard_to_afford"))),
    ]
    for label, action in steps:
        action()
        page.wait_for_load_state()
        if style:
            page.add_style_tag(content=style)
        yield label


def test_walk_reaches_the_pages_it_claims(chromium, live_server):
    # Given a phone-sized page
    with browser_page(chromium, live_server, viewport={"width": 320, "height": 640}) as page:
        # When it walks the pages
        seen = {label: (page.url, page.locator("main input[type=radio], main input[type=checkbox]").count(),
                        page.locator("#error-summary").count()) for label in walk(page)}
    # Then each step is the page it is named for
    assert seen["about you with an error"][2] == 1
    assert seen["faces question"][0].endswith("/en/c/children/q/home") and seen["faces question"][1] >= 4
    assert seen["check answers"][0].endswith("/en/c/children/check")
    assert seen["long list question"][0].endswith("/q/hard_to_afford") and seen["long list question"][1] >= 10


@pytest.mark.parametrize("layout", LAYOUTS)
def test_pages_reflow_and_targets_are_big_enough(chromium, live_server, layout):
    # Given a narrow screen, or a wide one with text at twice the size
    viewport, style = LAYOUTS[layout]
    problems = []
    with browser_page(chromium, live_server, viewport=viewport) as page:
        # When each kind of page is shown
        for label in walk(page, style):
            if style:
                assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px", label
            overflow = horizontal_overflow(page)
            if overflow > 0:
                problems.append(f"{label} {page.url}: scrolls sideways by {overflow}px")
            problems += small_targets(page)
    # Then nothing scrolls sideways and every target is at least 24×24 CSS px
    assert problems == []


@pytest.mark.parametrize("media", MEDIA)
def test_answer_inputs_show_with_reduced_motion_and_forced_colours(chromium, live_server, media):
    # Given a browser that asks for reduced motion, or one in forced colours (Windows High Contrast)
    options, query = MEDIA[media]
    hidden = []
    with browser_page(chromium, live_server, viewport={"width": 360, "height": 740}, **options) as page:
        for label in walk(page):
            assert page.evaluate(f"matchMedia('{query}').matches"), f"{label}: {query} is not in effect"
            # When a page has radios or checkboxes
            inputs = page.locator("main input[type=radio], main input[type=checkbox]").all()
            # Then each one is drawn with a size, and the page still reflows
            for box in inputs:
                size = box.bounding_box()
                if not box.is_visible() or not size or size["width"] == 0 or size["height"] == 0:
                    hidden.append(f"{label} {page.url}: {box.get_attribute('id')} is not drawn")
            assert horizontal_overflow(page) <= 0, f"{label} scrolls sideways"
    assert hidden == []
