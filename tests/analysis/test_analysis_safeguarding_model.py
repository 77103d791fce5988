"""Learned safeguarding layer: trains quickly, catches new wordings, leaves idioms alone."""
import time

from app.analysis import screen_safeguarding
from app.analysis.safeguarding import default_screen
from app.analysis.safeguarding_model import THRESHOLD, default_model, load_training, train
from tests.analysis.helpers import rules_analyser

# Written for this test, not in the training data.
PARAPHRASES = [
    "my stepdad comes into my room at night and I have to keep quiet",
    "mum's new boyfriend shouts and throws things at us",
    "mums friend asks me to keep his packages in my room",  # the rules miss this one
]
IDIOMS = [
    "my mum will kill me if I fail maths",
    "these maths exams are literally killing me",
    "the school trip was so expensive I nearly died",
]


def test_training_data_has_disclosures_hard_negatives_and_ordinary_answers():
    rows = load_training()
    sources = {r["source"] for r in rows}
    assert {"dev", "ordinary"} <= sources and sum(s.startswith("blind_") for s in sources) >= 10
    assert not any(r["label"] for r in rows if r["source"] == "ordinary")
    assert not any(r["text"] in PARAPHRASES + IDIOMS for r in rows)


def test_model_trains_quickly_and_separates_the_classes():
    rows = load_training()
    start = time.perf_counter()
    model = train(rows)
    assert time.perf_counter() - start < 3.0
    probs = model.predict_proba(["I want to kill myself", "the bus is always late"])
    assert probs[0] > THRESHOLD > probs[1]


def test_held_out_paraphrases_are_flagged():
    probs = default_model().predict_proba(PARAPHRASES)
    assert all(p >= THRESHOLD for p in probs), probs
    for text in PARAPHRASES:
        assert screen_safeguarding(text)["flag"], text


def test_idioms_are_not_flagged_by_the_model():
    probs = default_model().predict_proba(IDIOMS)
    assert all(p < THRESHOLD for p in probs), probs
    for text in IDIOMS:
        assert not screen_safeguarding(text)["flag"], text


def test_model_only_flags_are_labelled_possible_disclosure():
    text = next(t for t in PARAPHRASES if not default_screen().screen(t)["flag"])
    result = screen_safeguarding(text)
    assert result["categories"] == ["possible_disclosure"]
    assert result["cues"][0].startswith("model:")
    assert not screen_safeguarding("")["flag"]


def test_model_scoring_matches_the_sklearn_pipeline():
    model = default_model()
    texts = PARAPHRASES + IDIOMS
    from app.analysis.normalise import normalise
    expected = model.pipeline.predict_proba([normalise(t) for t in texts])[:, 1]
    assert max(abs(a - b) for a, b in zip(model.predict_proba(texts), expected)) < 1e-9


def test_full_analysis_screens_like_the_page_save_screen():
    # Submit-time analysis, `classify` and `rerun` must flag what saving the page flagged.
    text = "mums friend asks me to keep his packages in my room"
    result = rules_analyser().analyse(text, "en")
    assert result["safeguarding"] is True and screen_safeguarding(text)["flag"] is True
    assert result["safeguarding_categories"] == ["possible_disclosure"]
