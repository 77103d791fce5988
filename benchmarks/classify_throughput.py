"""Compare `analysis classify` throughput with a plain TextBlob sentiment loop over the same answers.

Run: .venv/bin/python benchmarks/classify_throughput.py [--repeat N]
Prints both rates (answers per second) and their ratio; the target is a ratio of at least 0.5.
"""
from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textblob import TextBlob

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.analysis import Analyser, Codebook, read_jsonl  # noqa: E402
from app.commands.analysis import classify_stream  # noqa: E402

DEV = REPO / "tests" / "analysis" / "data" / "poverty_dev.jsonl"


def _rate(run: Callable[[], object], count: int) -> float:
    """Return items per second for one timed run."""
    started = time.perf_counter()
    run()
    return count / (time.perf_counter() - started)


def main() -> None:
    """Time both loops over the development answers and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="times to repeat the answer set")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds (median is printed)")
    args = parser.parse_args()
    rows = read_jsonl(str(DEV)) * args.repeat
    lines = "".join(json.dumps({"id": i, "text": r["text"], "language": r["language"]}) + "\n"
                    for i, r in enumerate(rows))
    analyser = Analyser(Codebook.load(REPO / "surveys" / "codebook.yaml"))
    # Load py3langid's model once, as a long-running process would, before timing.
    analyser.analyse("this warms up the language model before timing")
    textblob_rates, classify_rates = [], []
    for _ in range(args.rounds):  # alternate the two loops so background load hits both alike
        textblob_rates.append(_rate(lambda: [TextBlob(r["text"]).sentiment for r in rows], len(rows)))
        classify_rates.append(_rate(lambda: classify_stream(io.StringIO(lines), io.StringIO(), analyser), len(rows)))
    textblob_rate, classify_rate = statistics.median(textblob_rates), statistics.median(classify_rates)
    print(f"answers: {len(rows)} per round, {args.rounds} rounds (medians)")
    print(f"TextBlob sentiment loop: {textblob_rate:,.0f} answers/s")
    print(f"analysis classify:       {classify_rate:,.0f} answers/s")
    print(f"ratio classify/TextBlob: {classify_rate / textblob_rate:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
