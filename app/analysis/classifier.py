"""Learn a codebook from people's coding: TF-IDF word + character n-grams (NBSVM), optionally ensembled with
logistic regression on sentence embeddings; calibrated, with per-code thresholds from inner cross-validation."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from joblib import Parallel, delayed
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from . import embeddings
from .normalise import clean, normalise

MIN_POSITIVES = 3
NB_C = 0.1
EMBEDDING_C = 2.0
MIN_EXAMPLES = 10
MIN_TUNING_EXAMPLES = 30  # fewer coded examples: no calibration, thresholds at zero
THRESHOLD_GRID = np.arange(-3.0, 3.01, 0.1)  # on calibrated log-odds
LABEL_WEIGHT = 0.3  # share of each code's own optimal threshold (the rest is the shared one)
N_JOBS = 2
RAW_SCALE = 3.0


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


class EmbeddingLR:
    """Logistic regression on sentence embeddings (the optional `embeddings` extra)."""

    def __init__(self, C: float = EMBEDDING_C) -> None:
        """Set the regularisation strength."""
        self.C = C
        self.model: LogisticRegression | None = None

    def fit(self, X: np.ndarray, y: np.ndarray) -> "EmbeddingLR":
        """Fit a class-balanced logistic regression."""
        self.model = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear").fit(X, y)
        return self

    def decision_function(self, X: np.ndarray) -> np.ndarray:
        """Return log-odds scores."""
        assert self.model is not None
        return self.model.decision_function(X)


def _canonical(X: Any) -> Any:
    """Return X with sorted, de-duplicated sparse indices (so threads can share it read-only)."""
    if sparse.issparse(X):
        X = X.tocsr()
        X.sum_duplicates()
        X.sort_indices()
    return X


def _fit_models(kind: str, X: Any, Y: np.ndarray, C: float) -> list[Any]:
    """Fit one model per label column (None where the label is on every or no example)."""
    X = _canonical(X)

    def fit(j: int) -> Any:
        y = Y[:, j]
        if not 0 < y.sum() < len(y):
            return None
        return PairedSVC(C).fit(X, y) if kind == "tfidf" else EmbeddingLR().fit(X, y)

    # liblinear releases the GIL, so threads use both cores without copying the matrix.
    return Parallel(n_jobs=N_JOBS, backend="threading")(delayed(fit)(j) for j in range(Y.shape[1]))


def _decisions(models: list[Any], X: Any) -> np.ndarray:
    """Return raw decision scores per label (-1 for labels without a model)."""
    X = _canonical(X)
    out = np.full((X.shape[0], len(models)), -1.0)
    for j, model in enumerate(models):
        if model is not None:
            out[:, j] = model.decision_function(X)
    return out


def _platt(scores: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """Return per-label (slope, intercept) mapping raw scores to calibrated log-odds (Platt scaling)."""
    params = np.tile([1.0, 0.0], (scores.shape[1], 1))
    for j in range(scores.shape[1]):
        if 0 < truth[:, j].sum() < len(truth):
            model = LogisticRegression(C=100.0).fit(scores[:, j:j + 1], truth[:, j])
            params[j] = [model.coef_[0, 0], model.intercept_[0]]
    return params


def _f1(predicted: np.ndarray, truth: np.ndarray) -> float:
    """Return F1 of boolean predictions against 0/1 truth (micro over all cells)."""
    denominator = predicted.sum() + truth.sum()
    return 2.0 * float((predicted & (truth == 1)).sum()) / denominator if denominator else 0.0


def _with_top(scores: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Predict scores above thresholds, and always the best label of a row that has none."""
    margin = scores - thresholds
    predicted = margin > 0
    empty = ~predicted.any(axis=1)
    predicted[np.flatnonzero(empty), margin[empty].argmax(axis=1)] = True
    return predicted


def _tune_thresholds(scores: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """Choose thresholds on out-of-fold calibrated log-odds: a shared micro-F1-optimal threshold, shrunk-towards
    per-label F1-optimal ones (per-label optima from ~3,000 examples overfit, a shared one underfits rare codes)."""
    shared = max(THRESHOLD_GRID, key=lambda t: _f1(_with_top(scores, np.full(scores.shape[1], t)), truth))
    own = np.array([max(THRESHOLD_GRID, key=lambda t: _f1(scores[:, j] > t, truth[:, j]))
                    for j in range(scores.shape[1])])
    return LABEL_WEIGHT * own + (1 - LABEL_WEIGHT) * shared


class ThemeClassifier:
    """One-vs-rest ensemble (NBSVM on TF-IDF, plus logistic regression on sentence embeddings when the optional
    extra is installed), calibrated and thresholded per code from inner cross-validation on the training data."""

    def __init__(self, C: float = 0.3, inner_folds: int = 3, use_embeddings: bool | None = None) -> None:
        """Set the regularisation strength, the inner folds and whether to use embeddings (None: if available)."""
        self.C = C
        self.inner_folds = inner_folds
        self.use_embeddings = use_embeddings
        self.codes: list[str] = []
        self.thresholds = np.zeros(0)
        self.features: FeatureUnion | None = None
        self.train_matrix: sparse.csr_matrix | None = None
        self.train_texts: list[str] = []
        self.train_labels: np.ndarray = np.zeros((0, 0))
        self.members: dict[str, list[Any]] = {}
        self.calibration: dict[str, np.ndarray] = {}
        # Calibrated log-odds map to confidence directly; raw SVM margins (too little data to calibrate)
        # are steepened as before, so a margin of about 0.3 already means "fairly sure".
        self.confidence_scale = RAW_SCALE

    @property
    def trained(self) -> bool:
        """Return True when the classifier has been fitted."""
        return self.features is not None

    @property
    def kinds(self) -> list[str]:
        """Return the ensemble members in use ("tfidf", and "embeddings" when on)."""
        return list(self.members)

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
        X = _canonical(self.features.fit_transform([normalise(t) for t in texts]))
        self.train_matrix = X
        inputs: dict[str, Any] = {"tfidf": X}
        if self._embeddings_wanted():
            try:
                inputs["embeddings"] = embeddings.embed([clean(t) for t in texts])
            except Exception:  # noqa: BLE001 - the optional extra failing must not stop learning
                pass
        self._calibrate(inputs, Y)
        self.members = {kind: _fit_models(kind, data, Y, self.C) for kind, data in inputs.items()}
        return self

    def _embeddings_wanted(self) -> bool:
        """Return True when this classifier should use sentence embeddings."""
        if self.use_embeddings is False or not embeddings.enabled():
            return False
        return embeddings.available()

    def _calibrate(self, inputs: dict[str, Any], Y: np.ndarray) -> None:
        """Set per-member Platt calibration and per-code thresholds from inner out-of-fold scores."""
        self.calibration = {kind: np.tile([1.0, 0.0], (Y.shape[1], 1)) for kind in inputs}
        self.confidence_scale = RAW_SCALE
        if len(Y) < MIN_TUNING_EXAMPLES:
            self.thresholds = np.zeros(Y.shape[1])
            return
        self.confidence_scale = 1.0
        folds = list(KFold(self.inner_folds, shuffle=True, random_state=1).split(Y))
        combined = np.zeros(Y.shape, dtype=float)
        for kind, data in inputs.items():
            raw = np.zeros(Y.shape, dtype=float)
            for train, held_out in folds:
                raw[held_out] = _decisions(_fit_models(kind, data[train], Y[train], self.C), data[held_out])
            self.calibration[kind] = _platt(raw, Y)
            combined += self._calibrated(kind, raw)
        self.thresholds = _tune_thresholds(combined / len(inputs), Y)

    def _calibrated(self, kind: str, raw: np.ndarray) -> np.ndarray:
        """Return calibrated log-odds from a member's raw scores."""
        params = self.calibration[kind]
        return raw * params[:, 0] + params[:, 1]

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the TF-IDF feature matrix for texts."""
        assert self.features is not None
        return self.features.transform([normalise(t) for t in texts])

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Return calibrated ensemble log-odds minus thresholds (positive means 'has this code')."""
        total = np.zeros((len(texts), len(self.codes)))
        for kind, models in self.members.items():
            data = self.transform(texts) if kind == "tfidf" else embeddings.embed([clean(t) for t in texts])
            total += self._calibrated(kind, _decisions(models, data))
        return total / max(1, len(self.members)) - self.thresholds

    def predict_confidence(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Return {code: confidence 0..1} per text; 0.5 is the decision boundary."""
        if not self.trained or not texts:
            return [{} for _ in texts]
        confidence = 1.0 / (1.0 + np.exp(-np.clip(self.confidence_scale * self.scores(texts), -30, 30)))
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
