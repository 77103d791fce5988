"""Accessibility and HTML checkers for browser tests: axe-core in the page, vnu.jar on the HTML."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = HERE / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def need_axe() -> None:
    """Skip unless axe-core is installed (make test installs it with npm when npm exists)."""
    if not AXE_JS.exists():
        pytest.skip("axe-core is not installed: cd tests/browser && npm ci")


def need_vnu() -> None:
    """Skip unless vnu.jar and Java are there."""
    if not VNU_JAR.exists() or not shutil.which("java"):
        pytest.skip("vnu.jar or Java is missing: cd tests/browser && npm ci; apt-get install default-jre-headless")


def axe_violations(page) -> list[str]:
    """Run axe-core (WCAG 2.2 AA rule set) on the page; return one line per violating node."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    return [f"{page.url}: {v['id']} ({v['impact']}): {node['target']} {v['help']}"
            for v in result["violations"] for node in v["nodes"]]


def html_errors(documents: dict[str, str], workdir: Path) -> list[str]:
    """Validate served HTML documents with the W3C Nu checker; return one line per error."""
    names = {}
    for i, (url, html) in enumerate(documents.items()):
        path = workdir / f"page{i}.html"
        path.write_text(html, encoding="utf-8")
        names[path.resolve().as_uri()] = url
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                          "--exit-zero-always", str(workdir)], capture_output=True, text=True, check=True)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [f"{names.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m.get('message')}"
            for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]


def horizontal_overflow(page) -> int:
    """Return how many CSS pixels the page scrolls sideways (0 means it reflows)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
