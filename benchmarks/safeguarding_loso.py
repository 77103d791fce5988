"""Leave-one-writer-out evaluation of the learned safeguarding layer (rules OR model).

Every packaged training row names its writer group (tests/analysis/data/build_safeguarding_training.py).
For each writer's group, the model is trained on every other group (the dev set and ordinary answers
always stay in training) and the held-out group is scored; a group of hard negatives only counts towards
false alarms. Sets by one writer share a style, so holding out a whole writer is the honest estimate for
wording from someone else.
Caveat: the rules were tuned after reading these sets, so "rules" numbers here are in-sample; the first
look at each set, before any tuning, is recorded in docs/analysis.md.

    .venv/bin/python benchmarks/safeguarding_loso.py
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.analysis.safeguarding import default_screen  # noqa: E402
from app.analysis.safeguarding_model import THRESHOLD, SafeguardingModel, load_training  # noqa: E402

NHS = ROOT.parent / "shared" / "data" / "nhs_fft" / "train.jsonl"
THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]


def held_out_scores(rows: list[dict]) -> list[tuple[str, list[dict], list[float], float]]:
    """Return (group, its rows, model probabilities, training seconds) for each writer's group."""
    groups = sorted({r["group"] for r in rows if r["group"] != "dev" and not r["source"].startswith("ordinary")})
    out = []
    for group in groups:
        started = time.perf_counter()
        model = SafeguardingModel().train(r for r in rows if r["group"] != group)
        held = [r for r in rows if r["group"] == group]
        out.append((group, held, model.predict_proba([r["text"] for r in held]), time.perf_counter() - started))
    return out


def rates(held: list[dict], probs: list[float], flags: dict, t: float, rules: bool = True,
          model: bool = True) -> tuple[float | None, float]:
    """Return (recall on disclosures or None, share of hard negatives flagged) for one held-out group."""
    hit = [(rules and flags[r["source"], r["id"]]) or (model and p >= t) for r, p in zip(held, probs)]
    pos = [h for h, r in zip(hit, held) if r["label"]]
    neg = [h for h, r in zip(hit, held) if not r["label"]]
    return (sum(pos) / len(pos) if pos else None), (sum(neg) / len(neg) if neg else 0.0)


def mean(results: list[tuple[float | None, float]], i: int) -> float:
    """Return the mean of one column, skipping groups without disclosures."""
    values = [x[i] for x in results if x[i] is not None]
    return sum(values) / len(values)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def main() -> None:
    """Print the threshold sweep, the per-group table and the false-alarm proxy on real NHS comments."""
    rows = load_training()
    screen = default_screen()
    flags = {(r["source"], r["id"]): screen.screen(r["text"])["flag"] for r in rows}
    folds = held_out_scores(rows)
    print(f"{len(folds)} held-out writer groups (those with only hard negatives count for false alarms only);")
    print("mean over groups: recall on disclosures / hard negatives flagged")
    print(f"{'t':>5} {'rules+model':>18} {'model alone':>18}")
    for t in THRESHOLDS:
        both = [rates(h, p, flags, t) for _, h, p, _ in folds]
        alone = [rates(h, p, flags, t, rules=False) for _, h, p, _ in folds]
        print(f"{t:>5.2f} {mean(both, 0):>8.1%} / {mean(both, 1):>6.1%} {mean(alone, 0):>8.1%} / {mean(alone, 1):>6.1%}")
    print(f"\nPer group at t={THRESHOLD} (R = recall on disclosures, FA = hard-negative false alarms)")
    print(f"{'group':>36} | {'rules R':>7} {'FA':>5} | {'r+m R':>6} {'FA':>5} | {'model R':>7} {'FA':>5} | train s")
    for name, held, probs, secs in folds:
        r, b, m = (rates(held, probs, flags, THRESHOLD, rules=x, model=y)
                   for x, y in ((True, False), (True, True), (False, True)))
        cells = " | ".join(f"{_pct(x[0]):>7} {x[1]:>5.1%}" for x in (r, b, m))
        print(f"{name:>36} | {cells} | {secs:.2f}")
    nhs_false_alarms(rows, screen)


def nhs_false_alarms(rows: list[dict], screen) -> None:
    """Print how many real NHS comments each threshold flags (a false-alarm proxy: only a few dozen are
    about harm)."""
    if not NHS.exists():
        return
    full = SafeguardingModel().train(rows)
    texts = [json.loads(line)["text"] for line in NHS.open(encoding="utf-8") if line.strip()]
    probs = full.predict_proba(texts)
    rule_flags = [screen.screen(x)["flag"] for x in texts]
    print()
    for t in THRESHOLDS:
        total = sum(p >= t or rf for p, rf in zip(probs, rule_flags))
        mark = " <- in use" if t == THRESHOLD else ""
        print(f"NHS t={t:.2f}: rules {sum(rule_flags)}, rules OR model {total}/{len(texts)} ({total / len(texts):.2%}){mark}")
    started = time.perf_counter()
    full.predict_proba(texts)
    print(f"model speed: {(time.perf_counter() - started) / len(texts) * 1e3:.3f} ms per answer")


if __name__ == "__main__":
    main()
