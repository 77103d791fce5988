"""Shared paths, a cached analyser and coded answers whose meaning depends on the question, for the tests."""
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


def nothing_means_two_things(went_well: str = "went-well", better: str = "better") -> list[tuple[str, str, str]]:
    """Return (text, code, question): "nothing" is a complaint after "what went well" and praise after
    "what could be better" (20 coded answers to each question)."""
    kind_words = ("kind", "lovely", "caring", "helpful", "great")
    rows = [(f"the staff were {w}", "praise", went_well) for w in kind_words] * 2
    rows += [(f"we waited {n} weeks", "complaint", better) for n in ("two", "three", "four", "five", "six")] * 2
    for text in ("nothing", "nothing at all", "nothing really", "nothing to say", "nothing much"):
        rows += [(text, "complaint", went_well), (text, "praise", better)] * 2
    return rows
