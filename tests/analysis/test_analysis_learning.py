"""The learned classifier, evaluation helpers and clustering of unthemed answers."""
import pytest

from app.analysis import cluster_unthemed, cross_validate, read_jsonl, stance_scores, theme_scores
from app.analysis.classifier import ThemeClassifier

from tests.analysis.helpers import NHS


def test_theme_scores_counts_micro_and_macro():
    report = theme_scores([["a"], ["a", "b"], ["b"]], [["a"], ["a"], ["c"]])
    assert report["per_theme"]["a"]["f1"] == 1.0
    assert report["per_theme"]["b"]["recall"] == 0.0
    assert report["micro_precision"] == pytest.approx(2 / 3)
    assert report["macro_f1"] == pytest.approx(0.5)


def test_stance_scores():
    report = stance_scores(["concern", "positive", "neutral"], ["concern", "concern", "neutral"])
    assert report["accuracy"] == pytest.approx(2 / 3)
    assert report["per_class_f1"]["positive"] == 0.0


def test_classifier_learns_labels_it_was_shown():
    texts = [f"the nurse was {w}" for w in ("kind", "lovely", "caring", "gentle", "friendly")] * 3
    texts += [f"waited {n} hours in a&e" for n in ("two", "three", "four", "five", "six")] * 3
    labels = [["staff"]] * 15 + [["waiting"]] * 15
    classifier = ThemeClassifier().fit(texts, labels)
    confidence = classifier.predict_confidence(["the nurse was so kind", "waited nine hours"])
    assert confidence[0]["staff"] > 0.5 > confidence[0]["waiting"]
    assert confidence[1]["waiting"] > 0.5 > confidence[1]["staff"]
    assert classifier.nearest_example("nurse so kind", "staff").startswith("the nurse was")


def test_cluster_unthemed_groups_similar_answers_with_phrases_and_quotes():
    texts = ["the youth club closed", "youth club is shut now", "no youth club any more",
             "the library should open later", "library opening hours are bad", "open the library on sundays"]
    groups = cluster_unthemed(texts, k=2)
    assert sorted(g["size"] for g in groups) == [3, 3]
    phrases = {p for g in groups for p in g["key_phrases"]}
    assert "youth club" in phrases and any("library" in p for p in phrases)
    assert all(len(g["quotes"]) <= 3 for g in groups)
    assert cluster_unthemed([]) == []


@pytest.mark.skipif(not NHS.exists(), reason="shared NHS FFT data not available")
def test_learns_a_foreign_codebook_from_nhs_coding():
    from app.commands.analysis import _learned_predictor
    rows = read_jsonl(str(NHS))[:1000]
    report = cross_validate(rows, _learned_predictor, folds=2)
    assert report["micro_f1"] >= 0.5
