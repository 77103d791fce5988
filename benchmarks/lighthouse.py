"""Lighthouse scores (mobile) for the start page and a question page: median of 3 runs, against targets.

    .venv/bin/python benchmarks/lighthouse.py [--runs 3] [--lang en]

Needs Lighthouse 12.8.2 (cd benchmarks && npm ci) and Debian's own Chromium; no browser is downloaded.
Targets: accessibility 100, best practices 100, performance at least 95 (SEO is reported, no target).
Exits 0 whatever the scores, and 2 when Lighthouse cannot run.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.load import started_session  # noqa: E402
from benchmarks.serve import gunicorn  # noqa: E402
from tests.browser.conftest import CHROMIUM  # noqa: E402

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100}


class LighthouseFailed(Exception):
    """Lighthouse did not produce a report."""


def run_lighthouse(url: str, cookie: str | None) -> dict:
    """Run Lighthouse once in mobile mode; return its JSON report."""
    command = [str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
               f"--only-categories={','.join(CATEGORIES)}", "--output=json", "--output-path=stdout", "--quiet"]
    if cookie:
        command.append(f"--extra-headers={json.dumps({'Cookie': f'session={cookie}'})}")
    try:
        run = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=HERE)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LighthouseFailed(str(error)) from error
    if run.returncode != 0 or not run.stdout.strip():
        raise LighthouseFailed(f"exit {run.returncode}: {run.stderr.strip()[-2000:]}")
    report = json.loads(run.stdout)
    if report.get("runtimeError"):
        raise LighthouseFailed(f"{url}: {report['runtimeError']}")
    return report


def scores(report: dict) -> dict[str, float]:
    """Return each category's score out of 100, and the total bytes transferred."""
    out = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    out["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    return out


def failing_audits(reports: list[dict], category: str) -> list[str]:
    """Return "id: title (displayValue) in n/N runs" for each scored audit of the category not fully passed."""
    seen: dict[str, tuple[str, list[str]]] = {}
    for report in reports:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and audit["scoreDisplayMode"] in (
                    "binary", "numeric", "metricSavings"):
                seen.setdefault(audit["id"], (audit["title"], []))[1].append(audit.get("displayValue") or "")
    return [f"{audit_id}: {title}" + (f" ({'; '.join(v for v in shown if v)})" if any(shown) else "")
            + f" in {len(shown)}/{len(reports)} runs" for audit_id, (title, shown) in sorted(seen.items())]


def measure(base: str, lang: str, runs: int) -> list[tuple[str, dict, list[dict]]]:
    """Return (page, median scores, reports) for the start page and the first question page."""
    cookie, question = started_session(base)
    pages = [("start page", f"{base}/{lang}/c/parents-carers/", None), ("question page", question, cookie)]
    out = []
    for name, url, page_cookie in pages:
        reports = [run_lighthouse(url, page_cookie) for _ in range(runs)]
        if page_cookie and any(r["finalDisplayedUrl"] != url for r in reports):
            raise LighthouseFailed(f"{name} was redirected (session not sent?): {reports[0]['finalDisplayedUrl']}")
        each = [scores(r) for r in reports]
        out.append((name, {k: statistics.median(s[k] for s in each) for k in each[0]}, reports))
    return out


def main() -> int:
    """Serve the app with gunicorn, run Lighthouse, print medians against targets and what failed."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: cd benchmarks && npm ci", file=sys.stderr)
        return 2
    try:
        with gunicorn() as base:
            results = measure(base, args.lang, args.runs)
    except LighthouseFailed as error:
        print(f"Lighthouse failed: {error}", file=sys.stderr)
        return 2
    print(f"Lighthouse {results[0][2][0]['lighthouseVersion']}, mobile, median of {args.runs} runs")
    print(f"{'page':<15} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'bytes':>7}  result")
    for name, median, _ in results:
        below = [c for c, target in TARGETS.items() if median[c] < target]
        print(f"{name:<15} {median['performance']:>5.0f} {median['accessibility']:>5.0f} "
              f"{median['best-practices']:>5.0f} {median['seo']:>5.0f} {median['bytes']:>7.0f}  "
              f"{'ok' if not below else 'BELOW: ' + ', '.join(below)}")
    print("targets: performance >= 95, accessibility 100, best-practices 100")
    for name, median, reports in results:
        for category in CATEGORIES:
            failing = failing_audits(reports, category)
            if failing:
                print(f"\n{name}, {category} (median {median[category]:.0f}), audits not passed:")
                print("\n".join(f"  {line}" for line in failing))
    return 0


if __name__ == "__main__":
    sys.exit(main())
