"""Learn a codebook from people's coding: TF-IDF word + character n-grams, one linear model per code."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from .normalise import normalise

MIN_POSITIVES = 3
NB_C = 0.1
MIN_EXAMPLES = 10
THRESHOLD_GRID = np.arange(-1.0, 1.01, 0.05)


def build_features() -> FeatureUnion:
    """Return word 1-2 gram plus character 2-5 gram TF-IDF features (sublinear tf)."""
    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])


class PairedSVC:
    """A linear SVM on TF-IDF averaged with one on NB-weighted features (NBSVM, Wang & Manning 2012)."""

    def __init__(self, C: float) -> None:
        """Set the regularisation strength of both models."""
        self.C = C
        self.ratios: sparse.dia_matrix | None = None
        self.plain: LinearSVC | None = None
        self.weighted: LinearSVC | None = None

    def fit(self, X: sparse.csr_matrix, y: np.ndarray) -> "PairedSVC":
        """Fit both models; the NB log-count ratios sharpen rare codes' vocabulary."""
        present = (X > 0).astype(float)
        pos = np.asarray(present[y == 1].sum(axis=0)).ravel() + 1.0
        neg = np.asarray(present[y == 0].sum(axis=0)).ravel() + 1.0
        self.ratios = sparse.diags(np.log((pos / pos.sum()) / (neg / neg.sum())))
        self.plain = LinearSVC(C=self.C, class_weight="balanced").fit(X, y)
        # NB-weighted features are on a larger scale, so liblinear needs more iterations.
        self.weighted = LinearSVC(C=NB_C, class_weight="balanced", max_iter=5000).fit(X @ self.ratios, y)
        return self

    def decision_function(self, X: sparse.csr_matrix) -> np.ndarray:
        """Return the mean of the two models' decision scores."""
        assert self.plain is not None and self.weighted is not None
        return 0.5 * self.plain.decision_function(X) + 0.5 * self.weighted.decision_function(X @ self.ratios)


def _fit_scores(X: sparse.csr_matrix, Y: np.ndarray, X_new: sparse.csr_matrix, C: float) -> np.ndarray:
    """Fit one PairedSVC per label column and return decision scores for X_new."""
    scores = np.full((X_new.shape[0], Y.shape[1]), -1.0)
    for j in range(Y.shape[1]):
        if 0 < Y[:, j].sum() < len(Y):
            scores[:, j] = PairedSVC(C).fit(X, Y[:, j]).decision_function(X_new)
    return scores


def _best_threshold(truth: np.ndarray, scores: np.ndarray) -> float:
    """Return the decision threshold that maximises F1 for one label (0 when no signal)."""
    best, best_f1 = 0.0, -1.0
    positives = truth.sum()
    for threshold in THRESHOLD_GRID:
        predicted = scores > threshold
        tp = float((predicted & (truth == 1)).sum())
        f1 = 2 * tp / (predicted.sum() + positives) if positives else 0.0
        if f1 > best_f1 + 1e-9:
            best, best_f1 = float(threshold), f1
    return best


class ThemeClassifier:
    """One-vs-rest linear classifier with per-code thresholds tuned by inner cross-validation."""

    def __init__(self, C: float = 0.3, inner_folds: int = 3) -> None:
        """Set the regularisation strength and the number of folds used to tune thresholds."""
        self.C = C
        self.inner_folds = inner_folds
        self.codes: list[str] = []
        self.thresholds = np.zeros(0)
        self.features: FeatureUnion | None = None
        self.train_matrix: sparse.csr_matrix | None = None
        self.train_texts: list[str] = []
        self.train_labels: np.ndarray = np.zeros((0, 0))
        self.models: list[PairedSVC | None] = []

    @property
    def trained(self) -> bool:
        """Return True when the classifier has been fitted."""
        return self.features is not None

    def fit(self, texts: Sequence[str], label_sets: Sequence[Sequence[str]]) -> "ThemeClassifier":
        """Fit on texts and their code lists; codes with too few positives are skipped."""
        counts: dict[str, int] = {}
        for labels in label_sets:
            for code in set(labels):
                counts[code] = counts.get(code, 0) + 1
        self.codes = sorted(c for c, n in counts.items() if n >= MIN_POSITIVES)
        if len(texts) < MIN_EXAMPLES or not self.codes:
            return self
        Y = np.array([[int(c in labels) for c in self.codes] for labels in label_sets])
        self.train_texts = list(texts)
        self.train_labels = Y
        self.features = build_features()
        X = self.features.fit_transform([normalise(t) for t in texts])
        self.train_matrix = X
        self.thresholds = self._tune_thresholds(X, Y)
        self.models = [self._fit_one(X, Y[:, j]) for j in range(Y.shape[1])]
        return self

    def _fit_one(self, X: sparse.csr_matrix, y: np.ndarray) -> PairedSVC | None:
        """Fit one code's model (None if the code is on every or no example)."""
        if not 0 < y.sum() < len(y):
            return None
        return PairedSVC(self.C).fit(X, y)

    def _tune_thresholds(self, X: sparse.csr_matrix, Y: np.ndarray) -> np.ndarray:
        """Choose each code's threshold from out-of-fold scores (too little data: zero)."""
        if len(Y) < 30:
            return np.zeros(Y.shape[1])
        scores = np.zeros(Y.shape, dtype=float)
        folds = KFold(self.inner_folds, shuffle=True, random_state=1)
        for train, held_out in folds.split(X):
            scores[held_out] = _fit_scores(X[train], Y[train], X[held_out], self.C)
        # Halve the tuned shift: thresholds from small folds are noisy.
        return np.array([_best_threshold(Y[:, j], scores[:, j]) / 2 for j in range(Y.shape[1])])

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the feature matrix for texts."""
        assert self.features is not None
        return self.features.transform([normalise(t) for t in texts])

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Return decision scores minus thresholds (positive means 'has this code')."""
        X = self.transform(texts)
        out = np.full((X.shape[0], len(self.codes)), -1.0)
        for j, model in enumerate(self.models):
            if model is not None:
                out[:, j] = model.decision_function(X) - self.thresholds[j]
        return out

    def predict_confidence(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Return {code: confidence 0..1} per text; 0.5 is the decision boundary."""
        if not self.trained or not texts:
            return [{} for _ in texts]
        confidence = 1.0 / (1.0 + np.exp(-3.0 * self.scores(texts)))
        return [dict(zip(self.codes, map(float, row))) for row in confidence]

    def positives(self, code: str) -> int:
        """Return how many training examples carried code."""
        if code not in self.codes:
            return 0
        return int(self.train_labels[:, self.codes.index(code)].sum())

    def nearest_example(self, text: str, code: str) -> str | None:
        """Return the most similar training text coded with code (an explanation)."""
        if not self.trained or code not in self.codes or self.train_matrix is None:
            return None
        column = self.codes.index(code)
        rows = np.flatnonzero(self.train_labels[:, column])
        similarity = (self.train_matrix[rows] @ self.transform([text]).T).toarray().ravel()
        return self.train_texts[int(rows[int(similarity.argmax())])]
