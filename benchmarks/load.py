"""Requests per second for respondent pages, as a ratio to a bare hello-world route, in one run.

    .venv/bin/python benchmarks/load.py [--seconds 5] [--connections 8]

Uses wrk (Debian package) when present, else a small threaded Python client. Loopback only.
For scale: the ONS questionnaire runner's question page serves at 1/53 of hello-world; target > 0.3.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.serve import gunicorn  # noqa: E402


def started_session(base: str) -> tuple[str, str]:
    """Start a response like a person would; return (session cookie, first question URL)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/en/c/parents-carers/about-you").read().decode()
    fields = dict(re.findall(r'name="(csrf_token|nonce)"[^>]*value="([^"]*)"', html))
    fields.update({"agree": "y", "age_band": "25-34"})
    response = opener.open(base + "/en/c/parents-carers/about-you", urllib.parse.urlencode(fields).encode())
    cookie = next(c.value for c in jar if c.name == "session")
    return cookie, response.geturl()


def rate_wrk(url: str, seconds: int, connections: int, cookie: str | None) -> float:
    """Return requests per second measured by wrk."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-H", "Accept-Encoding: gzip", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: session={cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"errors while loading {url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def rate_python(url: str, seconds: int, connections: int, cookie: str | None) -> float:
    """Return requests per second from a threaded urllib client (when wrk is absent)."""
    count, stop = [0], time.monotonic() + seconds
    headers = {"Accept-Encoding": "gzip", **({"Cookie": f"session={cookie}"} if cookie else {})}

    def worker():
        while time.monotonic() < stop:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers)).read()
            count[0] += 1
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count[0] / seconds


def main() -> None:
    """Serve with gunicorn (2 workers) and compare routes in the same run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    rate = rate_wrk if shutil.which("wrk") else rate_python
    with gunicorn() as base:
        cookie, question = started_session(base)
        routes = [("hello world (baseline)", base + "/__hello", None),
                  ("start page", base + "/en/c/parents-carers/", None),
                  ("question page", question, cookie)]
        results = [(name, rate(url, args.seconds, args.connections, c)) for name, url, c in routes]
    baseline = results[0][1]
    print(f"tool: {rate.__name__[5:]}, gunicorn 2 workers, {args.connections} connections, {args.seconds}s each")
    for name, value in results:
        print(f"{name:<24} {value:>9.1f} req/s   ratio {value / baseline:.2f}")
    print("ONS eQ runner question page for scale: ratio 0.02 (1/53); target above 0.30")


if __name__ == "__main__":
    main()
