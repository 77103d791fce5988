"""Group answers that no theme fits, so analysts can spot emerging themes."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer

from .normalise import normalise
from .phrases import top_phrases

MAX_QUOTES = 3


def _choose_k(n: int) -> int:
    """Pick a cluster count that grows slowly with the number of answers."""
    return max(1, min(10, int(round(np.sqrt(n / 2)))))


def cluster_unthemed(texts: Sequence[str], k: int | None = None) -> list[dict[str, Any]]:
    """Cluster texts; return groups (largest first) with key phrases, quotes nearest the centre and size."""
    items = [t for t in texts if t and t.strip()]
    if not items:
        return []
    k = min(k or _choose_k(len(items)), len(items))
    vectors = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(
        [normalise(t) for t in items]
    ) if len(items) > 1 else None
    if vectors is None or k == 1 or vectors.shape[1] == 0:
        return [_describe(items, list(range(len(items))), None, None)]
    model = KMeans(n_clusters=k, n_init=4, random_state=0).fit(vectors)
    groups = []
    for label in range(k):
        members = list(np.flatnonzero(model.labels_ == label))
        if members:
            groups.append(_describe(items, members, vectors, model.cluster_centers_[label]))
    return sorted(groups, key=lambda g: -g["size"])


def _describe(items: Sequence[str], members: list[int], vectors: Any, centre: Any) -> dict[str, Any]:
    """Describe one cluster by shared phrases and its most typical answers."""
    if vectors is not None:
        distance = np.square(vectors[members].toarray() - centre).sum(axis=1)
        members = [members[i] for i in np.argsort(distance)]
    texts = [items[i] for i in members]
    return {"key_phrases": top_phrases(texts), "quotes": texts[:MAX_QUOTES], "size": len(texts)}
