"""Stance signals and the fast TextBlob polarity."""
from textblob import TextBlob

from app.analysis.normalise import normalise, tokens
from app.analysis.phrase_index import split_clauses
from app.analysis.polarity import polarity
from app.analysis.stance import default_cues, rule_stance, sentiment_score


def _signals(text: str):
    return default_cues().signals(split_clauses(normalise(text)), english=True)


def test_polarity_matches_textblob_on_ordinary_sentences():
    for text in ("The holiday club was really good", "It was not a good day", "awful cold damp flat",
                 "very kind staff, great help", "we can't afford the heating"):
        assert abs(polarity(tokens(normalise(text))) - TextBlob(text).sentiment.polarity) < 1e-9, text


def test_hardship_counts_as_concern_where_textblob_is_neutral():
    text = "we can't afford the heating"
    assert TextBlob(text).sentiment.polarity == 0
    signals = _signals(text)
    assert rule_stance(signals) == "concern" and sentiment_score(signals) < 0


def test_negated_praise_is_concern_and_negated_concern_is_not():
    assert rule_stance(_signals("the social worker didn't help at all")) == "concern"
    assert _signals("I'm not worried about food").concern == 0


def test_suggestions_are_neutral_even_when_they_sound_positive():
    assert rule_stance(_signals("It would be great if there were more clubs")) == "neutral"
    assert rule_stance(_signals("Powinno być więcej darmowych zajęć")) == "neutral"
