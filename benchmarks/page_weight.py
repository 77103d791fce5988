"""Bytes transferred per respondent page in headless Chromium, cold and warm cache, against budget.

    .venv/bin/python benchmarks/page_weight.py [--lang en]

Budget (issue 4): a first visit under 15 KB in total; each later page under 6 KB.
For scale, measured on this kind of machine: the ONS questionnaire runner's question page is 532 KiB.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks.serve import gunicorn  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

COLD_BUDGET, WARM_BUDGET = 15 * 1024, 6 * 1024


class Meter:
    """Counts response bytes (headers + encoded body) for every request a page makes."""

    def __init__(self, page):
        self.total, self.requests = 0, 0
        page.on("requestfinished", self._count)

    def _count(self, request):
        sizes = request.sizes()
        if "-v" in sys.argv:
            print(request.method, request.url, sizes["responseHeadersSize"] + sizes["responseBodySize"])
        self.total += sizes["responseHeadersSize"] + sizes["responseBodySize"]
        self.requests += 1

    def take(self) -> tuple[int, int]:
        """Return (bytes, requests) since the last take."""
        out = (self.total, self.requests)
        self.total, self.requests = 0, 0
        return out


def measure(base: str, lang: str) -> list[tuple[str, str, int, int, int]]:
    """Return rows of (page, cache, bytes, requests, budget)."""
    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in (("start page", f"/{lang}/c/parents-carers/"), ("home", f"/{lang}/")):
            context = browser.new_context(base_url=base)
            page = context.new_page()
            meter = Meter(page)
            page.goto(path, wait_until="networkidle")
            rows.append((name, "cold", *meter.take(), COLD_BUDGET))
            context.close()
        context = browser.new_context(base_url=base)
        page = context.new_page()
        meter = Meter(page)
        page.goto(f"/{lang}/c/parents-carers/", wait_until="networkidle")
        meter.take()
        steps = [("about you", lambda: page.goto(f"/{lang}/c/parents-carers/about-you")),
                 ("question page", lambda: (page.locator("input[name=agree]").check(),
                                            page.locator("form button[type=submit]").first.click())),
                 ("next question page", lambda: page.locator("form button[type=submit]").first.click())]
        for name, action in steps:
            action()
            page.wait_for_load_state("networkidle")
            rows.append((name, "warm", *meter.take(), WARM_BUDGET))
        cold = browser.new_context(base_url=base)
        cold.add_cookies(context.cookies())
        cold_page = cold.new_page()
        meter = Meter(cold_page)
        cold_page.goto(page.url, wait_until="networkidle")
        rows.append(("question page", "cold", *meter.take(), COLD_BUDGET))
        browser.close()
    return rows


def main() -> int:
    """Serve the app with gunicorn, measure, print a table; exit 1 if over budget."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="en")
    parser.add_argument("-v", action="store_true", help="print every request")
    args = parser.parse_args()
    with gunicorn() as base:
        rows = measure(base, args.lang)
    print(f"{'page':<20} {'cache':<5} {'bytes':>7} {'requests':>8} {'budget':>7}  result")
    over = 0
    for name, cache, size, requests, budget in rows:
        ok = size <= budget
        over += not ok
        print(f"{name:<20} {cache:<5} {size:>7} {requests:>8} {budget:>7}  {'ok' if ok else 'OVER'}")
    print(f"ONS eQ runner question page for scale: {532 * 1024} bytes")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
