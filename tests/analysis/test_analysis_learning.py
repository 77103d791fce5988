"""The learned classifier, evaluation helpers and clustering of unthemed answers."""
import numpy as np
import pytest

from app.analysis import (
    cluster_unthemed, cross_validate, embeddings, question_of, read_jsonl, stance_scores, theme_scores,
)
from app.analysis.classifier import ThemeClassifier

from tests.analysis.helpers import NHS, nothing_means_two_things


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


def _themed_examples(repeats: int = 4) -> tuple[list[str], list[list[str]]]:
    """Return a small two-theme training set large enough for inner-CV calibration (>= 30 texts)."""
    staff = [f"the nurse was {w}" for w in ("kind", "lovely", "caring", "gentle", "friendly")]
    waiting = [f"waited {n} hours in a&e" for n in ("two", "three", "four", "five", "six")]
    both = [f"the {w} doctor saw us after {n} hours" for w, n in (("kind", "two"), ("lovely", "five"))]
    texts = (staff + waiting + both) * repeats
    labels = ([["staff"]] * 5 + [["waiting"]] * 5 + [["staff", "waiting"]] * 2) * repeats
    return texts, labels


def test_calibrated_classifier_without_embeddings(monkeypatch):
    monkeypatch.setenv("FAMILY_VOICE_EMBEDDINGS", "0")
    assert not embeddings.available()
    texts, labels = _themed_examples()
    classifier = ThemeClassifier().fit(texts, labels)
    assert classifier.kinds == ["tfidf"]
    assert classifier.confidence_scale == 1.0  # enough examples: calibrated log-odds
    assert classifier.thresholds.shape == (2,)
    confidence = classifier.predict_confidence(["the nurse was so kind", "waited nine hours in a&e"])
    assert confidence[0]["staff"] > 0.5 > confidence[0]["waiting"]
    assert confidence[1]["waiting"] > 0.5 > confidence[1]["staff"]


def test_classifier_can_be_told_not_to_use_embeddings():
    texts, labels = _themed_examples()
    assert ThemeClassifier(use_embeddings=False).fit(texts, labels).kinds == ["tfidf"]


requires_embeddings = pytest.mark.skipif(
    not embeddings.installed(), reason="optional 'embeddings' extra not installed (pip install -e '.[embeddings]')")


@requires_embeddings
def test_embed_returns_unit_vectors_and_caches(monkeypatch):
    monkeypatch.setenv("FAMILY_VOICE_EMBEDDINGS", "1")
    assert embeddings.available()
    vectors = embeddings.embed(["the nurse was kind", "waited hours", "the nurse was kind"])
    assert vectors.shape == (3, embeddings.DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert np.allclose(vectors[0], vectors[2])
    assert "waited hours" in embeddings._cache
    similar = vectors[0] @ embeddings.embed(["the nurse was lovely"])[0]
    assert similar > vectors[0] @ vectors[1]


@requires_embeddings
def test_classifier_ensembles_embeddings_when_available(monkeypatch):
    monkeypatch.setenv("FAMILY_VOICE_EMBEDDINGS", "1")
    texts, labels = _themed_examples()
    classifier = ThemeClassifier().fit(texts, labels)
    assert classifier.kinds == ["tfidf", "embeddings"]
    confidence = classifier.predict_confidence(["the nurse was so kind", "waited nine hours in a&e"])
    assert confidence[0]["staff"] > 0.5 > confidence[0]["waiting"]
    assert confidence[1]["waiting"] > 0.5 > confidence[1]["staff"]


GOOD, BETTER = "fft/what-was-good", "fft/what-could-be-better"


def _question_examples() -> tuple[list[str], list[list[str]], list[str]]:
    """Return texts, code lists and questions from the shared "nothing means two things" answers."""
    rows = nothing_means_two_things(GOOD, BETTER)
    return [t for t, _, _ in rows], [[c] for _, c, _ in rows], [q for _, _, q in rows]


def test_classifier_reads_an_answer_in_the_light_of_its_question(monkeypatch):
    monkeypatch.setenv("FAMILY_VOICE_EMBEDDINGS", "0")
    texts, labels, contexts = _question_examples()
    classifier = ThemeClassifier().fit(texts, labels, contexts)
    assert classifier.contexts == {GOOD, BETTER}
    after_good, after_better = classifier.predict_confidence(["nothing", "nothing"], [GOOD, BETTER])
    assert after_good["complaint"] > 0.5 > after_good["praise"]
    assert after_better["praise"] > 0.5 > after_better["complaint"]
    # An unknown question adds nothing: the words alone decide, as they do with no question at all.
    unknown, no_question = classifier.predict_confidence(["the staff were kind"] * 2, ["another/question", None])
    assert unknown == no_question and unknown["praise"] > 0.5


def test_classifier_ignores_contexts_too_few_answers_share():
    texts, labels, _ = _question_examples()
    unique = [f"answer-{i}" for i in range(len(texts))]
    assert ThemeClassifier(use_embeddings=False).fit(texts, labels, unique).contexts == set()
    one_question = [GOOD] * len(texts)
    assert ThemeClassifier(use_embeddings=False).fit(texts, labels, one_question).contexts == set()


def test_question_of_reads_the_field_or_the_id_without_its_serial_number():
    assert question_of({"id": 7, "text": "x", "question": " parents/q2 "}) == "parents/q2"
    assert question_of({"id": "fft-NHFT 876 - Q2", "text": "x"}) == "fft-NHFT  - Q2"
    assert question_of({"id": "fft-NHFT 12 - Q2", "text": "x"}) == question_of({"id": "fft-NHFT 9 - Q2"})
    assert question_of({"id": "123", "text": "x"}) is None
    assert question_of({"id": 5, "text": "x"}) is None
    assert question_of({"text": "x"}) is None


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
@pytest.mark.parametrize("use_embeddings,floor", [("0", 0.5), pytest.param("1", 0.55, marks=requires_embeddings)])
def test_learns_a_foreign_codebook_from_nhs_coding(monkeypatch, use_embeddings, floor):
    from app.commands.analysis import _learned_predictor
    monkeypatch.setenv("FAMILY_VOICE_EMBEDDINGS", use_embeddings)
    rows = read_jsonl(str(NHS))[:1000]
    report = cross_validate(rows, _learned_predictor, folds=2)
    assert report["micro_f1"] >= floor
