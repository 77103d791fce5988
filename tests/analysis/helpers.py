"""Shared paths and a cached analyser for the analysis tests."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.analysis import Analyser, Codebook

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
CODEBOOK = REPO / "surveys" / "codebook.yaml"
NHS = REPO.parent / "shared" / "data" / "nhs_fft" / "train.jsonl"


@lru_cache(maxsize=1)
def codebook() -> Codebook:
    """Return the real codebook (loaded once)."""
    return Codebook.load(CODEBOOK)


@lru_cache(maxsize=1)
def rules_analyser() -> Analyser:
    """Return an analyser with rules only (no stored coding)."""
    return Analyser(codebook())
