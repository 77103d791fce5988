"""Leave-one-set-out evaluation of the learned safeguarding layer (rules OR model).

For each blind set k, the model is trained on dev + every other blind set + ordinary answers,
then set k is scored. Caveat: the rules were tuned on every set (in-sample), so "rules" recall
here is optimistic; "model alone" is the honest estimate of how the model generalises.

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
THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]


def main() -> None:
    rows = load_training()
    screen = default_screen()
    rules = {r["id"] + r["source"]: screen.screen(r["text"])["flag"] for r in rows}
    sets = sorted({r["source"] for r in rows if r["source"].startswith("blind_")}, key=lambda s: int(s[6:]))
    folds = []  # (set, held-out rows, probabilities)
    for name in sets:
        t0 = time.perf_counter()
        model = SafeguardingModel().train(r for r in rows if r["source"] != name)
        held = [r for r in rows if r["source"] == name]
        folds.append((name, held, model.predict_proba([r["text"] for r in held]), time.perf_counter() - t0))

    def rates(held, probs, t, use_rules=True, use_model=True):
        pos = [(r, p) for r, p in zip(held, probs) if r["label"]]
        neg = [(r, p) for r, p in zip(held, probs) if not r["label"]]
        hit = lambda r, p: (use_rules and rules[r["id"] + r["source"]]) or (use_model and p >= t)
        return sum(hit(r, p) for r, p in pos) / len(pos), sum(hit(r, p) for r, p in neg) / len(neg)

    print("Threshold sweep (mean over folds): recall / hard-negative false-alarm rate")
    print(f"{'t':>5} {'rules+model':>18} {'model alone':>18}")
    for t in THRESHOLDS:
        both = [rates(h, p, t) for _, h, p, _ in folds]
        alone = [rates(h, p, t, use_rules=False) for _, h, p, _ in folds]
        mean = lambda xs, i: sum(x[i] for x in xs) / len(xs)
        print(f"{t:>5.2f} {mean(both, 0):>8.1%} / {mean(both, 1):>6.1%} {mean(alone, 0):>8.1%} / {mean(alone, 1):>6.1%}")

    t = THRESHOLD
    print("\nNote: the rules were tuned on every set, so 'rules' recall is in-sample (optimistic);")
    print("'model' columns are out-of-sample for the model (it never saw the held-out set).")
    print(f"\nPer set at t={t} (R = recall on disclosures, FA = hard-negative false alarms)")
    print(f"{'set':>9} | {'rules R':>7} {'rules FA':>8} | {'r+m R':>6} {'r+m FA':>6} | {'model R':>7} {'model FA':>8} | train s")
    table = []
    for name, held, probs, secs in folds:
        r = rates(held, probs, t, use_model=False)
        b = rates(held, probs, t)
        m = rates(held, probs, t, use_rules=False)
        table.append((r, b, m))
        print(f"{name:>9} | {r[0]:>7.1%} {r[1]:>8.1%} | {b[0]:>6.1%} {b[1]:>6.1%} | {m[0]:>7.1%} {m[1]:>8.1%} | {secs:.2f}")
    mean = lambda i, j: sum(x[i][j] for x in table) / len(table)
    print(f"{'mean':>9} | {mean(0, 0):>7.1%} {mean(0, 1):>8.1%} | {mean(1, 0):>6.1%} {mean(1, 1):>6.1%} | "
          f"{mean(2, 0):>7.1%} {mean(2, 1):>8.1%} |")

    # Full model (all packaged data) on real NHS comments: none are in training.
    t0 = time.perf_counter()
    full = SafeguardingModel().train(rows)
    train_secs = time.perf_counter() - t0
    print(f"\nFull model trained on {len(rows)} rows in {train_secs:.2f}s")
    if NHS.exists():
        texts = [json.loads(line)["text"] for line in NHS.open(encoding="utf-8") if line.strip()]
        probs = full.predict_proba(texts)
        rule_flags = [screen.screen(x)["flag"] for x in texts]
        for tt in THRESHOLDS:
            model_only = sum(p >= tt and not rf for p, rf in zip(probs, rule_flags))
            total = sum(p >= tt or rf for p, rf in zip(probs, rule_flags))
            mark = " <- chosen" if tt == t else ""
            print(f"NHS t={tt:.2f}: rules {sum(rule_flags)}, model adds {model_only}, "
                  f"rules OR model {total}/{len(texts)} ({total / len(texts):.2%}){mark}")
        start = time.perf_counter()
        full.predict_proba(texts)
        print(f"model speed: {(time.perf_counter() - start) / len(texts) * 1e3:.3f} ms per answer")


if __name__ == "__main__":
    main()
