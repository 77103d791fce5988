"""A stance model learned from labelled answers, used alongside the stance rules."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .stance import STANCES, StanceSignals

MIN_PER_CLASS = 3
SIGNAL_WEIGHT = 0.5


class StanceModel:
    """Logistic regression on word n-grams plus the rule signals (cue counts, TextBlob polarity)."""

    def __init__(self) -> None:
        """Create an untrained model."""
        self.vectoriser: TfidfVectorizer | None = None
        self.model: LogisticRegression | None = None

    @property
    def trained(self) -> bool:
        """Return True when the model has been fitted."""
        return self.model is not None

    def _matrix(self, norm_texts: Sequence[str], signals: Sequence[StanceSignals]) -> sparse.csr_matrix:
        """Stack n-gram features with scaled rule signals."""
        assert self.vectoriser is not None
        extra = np.array([s.as_list() for s in signals], dtype=float) * SIGNAL_WEIGHT
        return sparse.hstack([self.vectoriser.transform(norm_texts), sparse.csr_matrix(extra)]).tocsr()

    def fit(self, norm_texts: Sequence[str], signals: Sequence[StanceSignals], labels: Sequence[str]) -> "StanceModel":
        """Fit when every stance has a few examples; otherwise stay untrained."""
        if any(sum(1 for l in labels if l == s) < MIN_PER_CLASS for s in STANCES):
            return self
        self.vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1)
        self.vectoriser.fit(norm_texts)
        self.model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
        self.model.fit(self._matrix(norm_texts, signals), list(labels))
        return self

    def probabilities(self, norm_texts: Sequence[str], signals: Sequence[StanceSignals]) -> np.ndarray:
        """Return an (n, 3) array of probabilities in STANCES order."""
        assert self.model is not None
        raw = self.model.predict_proba(self._matrix(norm_texts, signals))
        order = [list(self.model.classes_).index(s) for s in STANCES]
        return raw[:, order]
