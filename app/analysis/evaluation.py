"""Score theme and stance predictions against people's coding (precision, recall, F1)."""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.model_selection import KFold

STANCE_FROM_SENTIMENT = {"neg": "concern", "neu": "neutral", "pos": "positive"}
STANCES = ("concern", "neutral", "positive")
Predictor = Callable[[list[dict[str, Any]], list[dict[str, Any]]], list[dict[str, Any]]]


def read_jsonl(path: str) -> list[dict[str, Any]]:
    """Read JSON lines, skipping blank lines."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Return precision, recall and F1 from counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def theme_scores(truth: Sequence[Iterable[str]], predicted: Sequence[Iterable[str]]) -> dict[str, Any]:
    """Return per-theme P/R/F1/support plus micro and macro F1 over themes present in truth."""
    codes = sorted({c for labels in truth for c in labels})
    per_theme: dict[str, dict[str, float]] = {}
    totals = [0, 0, 0]
    for code in codes:
        tp = sum(code in set(t) and code in set(p) for t, p in zip(truth, predicted))
        fp = sum(code not in set(t) and code in set(p) for t, p in zip(truth, predicted))
        fn = sum(code in set(t) and code not in set(p) for t, p in zip(truth, predicted))
        precision, recall, f1 = _prf(tp, fp, fn)
        per_theme[code] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    # Predictions of codes that never occur in truth are false positives too.
    extra = sum(len(set(p) - set(codes)) for p in predicted)
    micro = _prf(totals[0], totals[1] + extra, totals[2])
    macro = float(np.mean([m["f1"] for m in per_theme.values()])) if per_theme else 0.0
    return {"per_theme": per_theme, "micro_precision": micro[0], "micro_recall": micro[1],
            "micro_f1": micro[2], "macro_f1": macro}


def stance_scores(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Return accuracy, per-class F1 and 3-class macro F1 for stance."""
    per_class = {}
    for stance in STANCES:
        tp = sum(t == stance and p == stance for t, p in zip(truth, predicted))
        fp = sum(t != stance and p == stance for t, p in zip(truth, predicted))
        fn = sum(t == stance and p != stance for t, p in zip(truth, predicted))
        per_class[stance] = _prf(tp, fp, fn)[2]
    accuracy = sum(t == p for t, p in zip(truth, predicted)) / len(truth) if truth else 0.0
    return {"accuracy": accuracy, "per_class_f1": per_class,
            "macro_f1": float(np.mean(list(per_class.values()))), "n": len(truth)}


def gold_stance(row: dict[str, Any]) -> str | None:
    """Return the stance label of a test row ('sentiment': neg/neu/pos or 'stance'), if any."""
    if row.get("stance") in STANCES:
        return row["stance"]
    return STANCE_FROM_SENTIMENT.get(row.get("sentiment") or "")


def evaluate(train: list[dict[str, Any]], test: list[dict[str, Any]], predict: Predictor) -> dict[str, Any]:
    """Predict test rows with a model built from train rows and score themes and stance."""
    predictions = predict(train, test)
    report = theme_scores([r.get("themes", []) for r in test], [p["themes"] for p in predictions])
    pairs = [(gold_stance(r), p.get("stance")) for r, p in zip(test, predictions)]
    pairs = [(g, p) for g, p in pairs if g is not None]
    if pairs:
        report["stance"] = stance_scores([g for g, _ in pairs], [p for _, p in pairs])
    report["n"] = len(test)
    return report


def cross_validate(rows: list[dict[str, Any]], predict: Predictor, folds: int = 5, seed: int = 0) -> dict[str, Any]:
    """Run k-fold cross-validation and score the pooled out-of-fold predictions."""
    predictions: list[dict[str, Any]] = [{} for _ in rows]
    for train_idx, test_idx in KFold(folds, shuffle=True, random_state=seed).split(rows):
        fold = predict([rows[i] for i in train_idx], [rows[i] for i in test_idx])
        for i, prediction in zip(test_idx, fold):
            predictions[i] = prediction
    return evaluate([], rows, lambda _train, _test: predictions)


def format_report(report: dict[str, Any]) -> str:
    """Return a plain-text table of a report for the terminal."""
    lines = [f"{'theme':45} {'prec':>6} {'rec':>6} {'f1':>6} {'n':>5}"]
    for code, m in sorted(report["per_theme"].items()):
        lines.append(f"{code:45} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {int(m['support']):5d}")
    lines.append(f"micro-F1 {report['micro_f1']:.3f} (P {report['micro_precision']:.3f} R {report['micro_recall']:.3f})"
                 f"  macro-F1 {report['macro_f1']:.3f}  n={report['n']}")
    if "stance" in report:
        s = report["stance"]
        per = " ".join(f"{k} {v:.3f}" for k, v in s["per_class_f1"].items())
        lines.append(f"stance accuracy {s['accuracy']:.3f}  macro-F1 {s['macro_f1']:.3f}  F1: {per}  n={s['n']}")
    return "\n".join(lines)
