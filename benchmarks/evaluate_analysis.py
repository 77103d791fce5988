"""Print every analysis target in one run: poverty dev set, safeguarding dev set, NHS FFT 5-fold CV.

Run: .venv/bin/python benchmarks/evaluate_analysis.py [--skip-nhs]
The NHS data is read from ../shared/data (never copied into the repo); it is skipped if absent.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.analysis import Analyser, Codebook, cross_validate, evaluate, format_report, read_jsonl  # noqa: E402
from app.analysis import screen_safeguarding  # noqa: E402
from app.commands.analysis import _learned_predictor  # noqa: E402

DATA = REPO / "tests" / "analysis" / "data"
NHS = REPO.parent / "shared" / "data" / "nhs_fft" / "train.jsonl"


POVERTY_SETS = (
    ("poverty_dev.jsonl", "development set, rules tuned on it"),
    ("poverty_holdout.jsonl", "first held-out set (scored blind first, then its errors were studied)"),
    ("poverty_holdout2.jsonl", "second held-out set (scored blind first, then its errors were studied)"),
    ("poverty_holdout3.jsonl", "third held-out set (scored blind first, then its errors were studied)"),
    ("poverty_holdout4.jsonl", "fourth held-out set (scored blind first, then its errors were studied)"),
)


def poverty() -> None:
    """Score the rules-only engine on each poverty answer set."""
    analyser = Analyser(Codebook.load(REPO / "surveys" / "codebook.yaml"))
    for name, description in POVERTY_SETS:
        rows = read_jsonl(str(DATA / name))
        report = evaluate([], rows, lambda _t, test: analyser.analyse_many(
            [(r["text"], r["language"]) for r in test], with_key_phrases=False))
        print(f"== Poverty codebook, {name}: {description} (rules only)")
        print(format_report(report).splitlines()[-2])
        print(format_report(report).splitlines()[-1])


def safeguarding() -> None:
    """Print recall per language on disclosures and the false-alarm rate on hard negatives."""
    rows = read_jsonl(str(DATA / "safeguarding_dev.jsonl"))
    hits, totals = defaultdict(int), defaultdict(int)
    for row in (r for r in rows if r["disclosure"]):
        totals[row["language"]] += 1
        hits[row["language"]] += screen_safeguarding(row["text"])["flag"]
    negatives = [r for r in rows if not r["disclosure"]]
    false_alarms = sum(screen_safeguarding(r["text"])["flag"] for r in negatives)
    print("== Safeguarding development set")
    for language in sorted(totals):
        print(f"recall {language:4} {hits[language] / totals[language]:.3f} ({hits[language]}/{totals[language]})")
    print(f"hard negatives flagged: {false_alarms}/{len(negatives)} = {false_alarms / len(negatives):.3f}")


def nhs() -> None:
    """Run 5-fold cross-validation on the NHS FFT coded comments: TF-IDF alone, then with embeddings if installed."""
    if not NHS.exists():
        print("== NHS FFT: data not found, skipped")
        return
    from app.analysis import embeddings
    variants = [("TF-IDF ensemble", "0")]
    if embeddings.installed():
        variants.append(("TF-IDF + sentence embeddings", "1"))
    else:
        print("== NHS FFT: optional 'embeddings' extra not installed; TF-IDF only")
    previous = os.environ.get(embeddings.DISABLE_ENV)
    try:
        for name, flag in variants:
            os.environ[embeddings.DISABLE_ENV] = flag
            started = time.perf_counter()
            report = cross_validate(read_jsonl(str(NHS)), _learned_predictor, folds=5)
            seconds = time.perf_counter() - started
            print(f"== NHS FFT 5-fold CV, {name} ({seconds:.0f} s, {seconds / 5:.0f} s per fold)\n"
                  + format_report(report))
    finally:
        if previous is None:
            os.environ.pop(embeddings.DISABLE_ENV, None)
        else:
            os.environ[embeddings.DISABLE_ENV] = previous


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-nhs", action="store_true")
    args = parser.parse_args()
    poverty()
    safeguarding()
    if not args.skip_nhs:
        nhs()
