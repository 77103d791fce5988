"""A small learned safeguarding layer, ORed with the rules in safeguarding.py.

Character and word n-grams (TF-IDF) into a balanced logistic regression, trained on our own
written disclosures, hard negatives (idioms, hyperbole, talk about services) and ordinary answers
about money, food and school. It is trained lazily on first use from the packaged data file and
cached in-process. Leave-one-writer-out results: benchmarks/safeguarding_loso.py.
"""
from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline

from .normalise import normalise

TRAINING_PATH = Path(__file__).parent / "data" / "safeguarding_training.jsonl"
# Chosen by leave-one-writer-out evaluation (benchmarks/safeguarding_loso.py): the highest recall
# with hard-negative false alarms <= 10% on average and few false alarms on real NHS comments.
THRESHOLD = 0.7
BATCH = 32  # from this many answers at once, score with the sklearn pipeline
# Hard negatives (idioms, games, films, kind adults) sit next to the boundary and ordinary answers about
# money do not, so a hard negative counts this many times; chosen by leave-one-writer-out evaluation.
HARD_NEGATIVE_WEIGHT = 3.0


def load_training(path: Path = TRAINING_PATH) -> list[dict[str, Any]]:
    """Read the packaged training lines: {"id", "text", "language", "label", "source"}."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


class SafeguardingModel:
    """TF-IDF (char_wb 2-5 + word 1-2, sublinear tf) into LogisticRegression(balanced)."""

    def __init__(self, C: float = 4.0) -> None:
        """Create an untrained model."""
        self.C = C
        self.pipeline = None
        self._weights: list[tuple[Any, dict[str, float]]] = []
        self._bias = 0.0

    @property
    def trained(self) -> bool:
        """Return True once fitted."""
        return self.pipeline is not None

    def train(self, rows: Iterable[dict[str, Any]]) -> "SafeguardingModel":
        """Fit on rows with "text" and a boolean "label" (or "safeguarding"/"disclosure").

        Negatives count HARD_NEGATIVE_WEIGHT times unless their "source" starts with "ordinary".
        """
        rows = list(rows)
        texts = [normalise(r["text"] or "") for r in rows]
        labels = [int(bool(r.get("label", r.get("safeguarding", r.get("disclosure"))))) for r in rows]
        weights = [1.0 if label or str(r.get("source", "")).startswith("ordinary") else HARD_NEGATIVE_WEIGHT
                   for r, label in zip(rows, labels)]
        features = FeatureUnion([
            ("char", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                     token_pattern=r"(?u)\b\w+\b")),
        ])
        model = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear", max_iter=3000)
        self.pipeline = make_pipeline(features, model).fit(texts, labels, logisticregression__sample_weight=weights)
        self._compile()
        return self

    def _compile(self) -> None:
        """Fold idf and coefficients into per-n-gram weights for fast single-answer scoring."""
        features, model = self.pipeline[0], self.pipeline[-1]
        coef, offset = model.coef_[0], 0
        self._weights = []
        for _, vec in features.transformer_list:
            vocab = vec.vocabulary_
            table = {term: (float(vec.idf_[i]), float(coef[offset + i])) for term, i in vocab.items()}
            self._weights.append((vec.build_analyzer(), table))
            offset += len(vocab)
        self._bias = float(model.intercept_[0])

    def predict_proba(self, texts: Sequence[str]) -> list[float]:
        """Return the probability of a disclosure for each text (same maths as the sklearn pipeline)."""
        assert self.trained, "train() first"
        normalised = [normalise(t or "") for t in texts]
        if len(normalised) >= BATCH:
            # sklearn's sparse maths wins for batches; the folded tables win for one answer.
            return [float(p) for p in self.pipeline.predict_proba(normalised)[:, 1]]
        return [self._score(t) for t in normalised]

    def _score(self, norm_text: str) -> float:
        """Score one normalised text: per block, sublinear tf-idf, l2 norm, dot with coefficients."""
        z = self._bias
        for analyse, table in self._weights:
            counts: dict[str, int] = {}
            for gram in analyse(norm_text):
                if gram in table:
                    counts[gram] = counts.get(gram, 0) + 1
            if not counts:
                continue
            values = [(table[g][0] * (1.0 + math.log(n)), table[g][1]) for g, n in counts.items()]
            norm = math.sqrt(sum(v * v for v, _ in values))
            z += sum(v * w for v, w in values) / norm
        return 1.0 / (1.0 + math.exp(-z))


_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _default_model() -> SafeguardingModel:
    return SafeguardingModel().train(load_training())


def default_model() -> SafeguardingModel:
    """Return the model trained on the packaged data (trained once per process)."""
    with _LOCK:
        return _default_model()


def predict_proba(texts: Sequence[str]) -> list[float]:
    """Return disclosure probabilities from the packaged model."""
    return default_model().predict_proba(texts)


def train(rows: Iterable[dict[str, Any]]) -> SafeguardingModel:
    """Train and return a new model on the given labelled rows."""
    return SafeguardingModel().train(rows)
