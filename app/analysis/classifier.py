"""Learn a codebook from people's coding: TF-IDF word + character n-grams (NBSVM), with words crossed with the
question answered when known, optionally ensembled with logistic regression on sentence embeddings; calibrated,
with per-code thresholds from inner cross-validation."""
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
from .normalise import clean, normalise, tokens

MIN_POSITIVES = 3
NB_C = 0.1
EMBEDDING_C = 2.0
MIN_EXAMPLES = 10
MIN_TUNING_EXAMPLES = 30  # fewer coded examples: no calibration, thresholds at zero
THRESHOLD_GRID = np.arange(-3.0, 3.01, 0.1)  # on calibrated log-odds
LABEL_WEIGHT = 0.3  # share of each code's own optimal threshold (the rest is the shared one)
N_JOBS = 2
RAW_SCALE = 3.0
# A question context is used only when at least this many coded answers share it (ids that are unique per
# answer carry no context), and only when at least two contexts are used.
MIN_CONTEXT_EXAMPLES = 20
CONTEXT_WEIGHT = 0.7  # scale of the question-crossed block beside the text features
EMBEDDING_WEIGHT = 0.6  # the embeddings member's share in the log-odds average, beside 1.0 for TF-IDF


def build_features() -> FeatureUnion:
    """Return word 1-2 gram plus character 2-5 gram TF-IDF features (sublinear tf)."""
    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])


def _crossed_words(item: tuple[str, str]) -> list[str]:
    """Return the question context and each word crossed with it ("Nothing." means praise after "what could be
    better?" and a complaint after "what was good?")."""
    context, text = item
    return [f"@{context}"] + [f"{context}@{word}" for word in tokens(text)]


def build_context_features() -> TfidfVectorizer:
    """Return TF-IDF features of words crossed with the question answered."""
    return TfidfVectorizer(analyzer=_crossed_words, sublinear_tf=True)


def usable_contexts(contexts: Sequence[str | None]) -> set[str]:
    """Return the contexts shared by enough coded answers to learn from (empty when fewer than two)."""
    counts: dict[str, int] = {}
    for context in contexts:
        if context:
            counts[context] = counts.get(context, 0) + 1
    kept = {c for c, n in counts.items() if n >= MIN_CONTEXT_EXAMPLES}
    return kept if len(kept) >= 2 else set()


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


def _member_weight(kind: str) -> float:
    """Return an ensemble member's weight (embeddings alone score lower, so they count for less)."""
    return EMBEDDING_WEIGHT if kind == "embeddings" else 1.0


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
        self.contexts: set[str] = set()
        self.context_features: TfidfVectorizer | None = None
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

    def fit(self, texts: Sequence[str], label_sets: Sequence[Sequence[str]],
            contexts: Sequence[str | None] | None = None) -> "ThemeClassifier":
        """Fit on texts, their code lists and optionally the question each answers; codes with too few
        positives are skipped, and so are contexts too few answers share."""
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
        normalised = [normalise(t) for t in texts]
        self.train_matrix = _canonical(self.features.fit_transform(normalised))
        self.contexts = usable_contexts(contexts or [])
        self.context_features = build_context_features() if self.contexts else None
        inputs: dict[str, Any] = {"tfidf": self._with_context(self.train_matrix, normalised, contexts, fit=True)}
        if self._embeddings_wanted():
            try:
                inputs["embeddings"] = embeddings.embed([clean(t) for t in texts])
            except Exception:  # noqa: BLE001 - the optional extra failing must not stop learning
                pass
        self._calibrate(inputs, Y)
        self.members = {kind: _fit_models(kind, data, Y, self.C) for kind, data in inputs.items()}
        return self

    def _with_context(self, matrix: sparse.csr_matrix, normalised: Sequence[str],
                      contexts: Sequence[str | None] | None, fit: bool = False) -> sparse.csr_matrix:
        """Append the question-crossed block to the features of normalised texts (unknown questions add
        nothing)."""
        if self.context_features is None:
            return matrix
        known = [c if c in self.contexts else "" for c in (contexts or [None] * len(normalised))]
        pairs = [(c, text) if c else ("", "") for c, text in zip(known, normalised)]
        block = self.context_features.fit_transform(pairs) if fit else self.context_features.transform(pairs)
        # Answers to no known question get an empty block, not a "no question" feature of their own.
        mask = sparse.diags([CONTEXT_WEIGHT if c else 0.0 for c in known])
        return _canonical(sparse.hstack([matrix, mask @ block]).tocsr())

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
            combined += _member_weight(kind) * self._calibrated(kind, raw)
        self.thresholds = _tune_thresholds(combined / sum(map(_member_weight, inputs)), Y)

    def _calibrated(self, kind: str, raw: np.ndarray) -> np.ndarray:
        """Return calibrated log-odds from a member's raw scores."""
        params = self.calibration[kind]
        return raw * params[:, 0] + params[:, 1]

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Return the TF-IDF text feature matrix for texts."""
        assert self.features is not None
        return self.features.transform([normalise(t) for t in texts])

    def scores(self, texts: Sequence[str], contexts: Sequence[str | None] | None = None) -> np.ndarray:
        """Return calibrated ensemble log-odds minus thresholds (positive means 'has this code')."""
        total = np.zeros((len(texts), len(self.codes)))
        for kind, models in self.members.items():
            if kind == "tfidf":
                normalised = [normalise(t) for t in texts]
                data = self._with_context(self.features.transform(normalised), normalised, contexts)
            else:
                data = embeddings.embed([clean(t) for t in texts])
            total += _member_weight(kind) * self._calibrated(kind, _decisions(models, data))
        return total / max(1.0, sum(map(_member_weight, self.members))) - self.thresholds

    def predict_confidence(self, texts: Sequence[str],
                           contexts: Sequence[str | None] | None = None) -> list[dict[str, float]]:
        """Return {code: confidence 0..1} per text (and the question it answers, if known); 0.5 is the boundary."""
        if not self.trained or not texts:
            return [{} for _ in texts]
        raw = self.scores(texts, contexts)
        confidence = 1.0 / (1.0 + np.exp(-np.clip(self.confidence_scale * raw, -30, 30)))
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
