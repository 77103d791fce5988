"""The full pipeline: result shape, themes, stance, learning from people's coding."""
from app.analysis import Analyser, evaluate, read_jsonl

from tests.analysis.helpers import DATA, codebook, rules_analyser

KEYS = {"language", "themes", "confidence", "explanations", "stance", "sentiment", "safeguarding",
        "safeguarding_categories", "redacted", "key_phrases"}


def test_analyse_returns_every_field_with_explanations():
    result = rules_analyser().analyse("We can't afford the heating, my name is Sarah", "en")
    assert set(result) == KEYS
    assert {"energy", "money_worry"} <= set(result["themes"])
    assert all(0 <= v <= 1 for v in result["confidence"].values())
    assert result["explanations"]["energy"] == 'matched "heating"'
    assert result["stance"] == "concern" and result["sentiment"] < 0
    assert "Sarah" not in result["redacted"] and not any("sarah" in p for p in result["key_phrases"])


def test_stance_treats_hardship_as_concern_and_suggestions_as_neutral():
    analyser = rules_analyser()
    assert analyser.analyse("we cant afford the heating")["stance"] == "concern"
    assert analyser.analyse("The holiday club was brilliant, the kids loved it")["stance"] == "positive"
    assert analyser.analyse("There should be more youth clubs at weekends")["stance"] == "neutral"
    assert analyser.analyse("The social worker never listened to us")["stance"] == "concern"


def test_empty_answer_gives_an_empty_result():
    result = rules_analyser().analyse("   ")
    assert result["themes"] == [] and result["safeguarding"] is False and result["language"] == "unknown"


def test_dev_set_meets_theme_and_stance_targets_with_rules_only():
    rows = read_jsonl(str(DATA / "poverty_dev.jsonl"))
    analyser = rules_analyser()
    report = evaluate([], rows, lambda _t, test: analyser.analyse_many(
        [(r["text"], r["language"]) for r in test], with_key_phrases=False))
    assert report["micro_f1"] >= 0.80
    assert report["stance"]["macro_f1"] >= 0.70
    assert report["stance"]["per_class_f1"]["concern"] >= 0.85


def test_people_coding_teaches_a_new_pattern_and_explains_with_an_example():
    examples = [{"text": f"the lollipop lady {w} at the crossing", "themes": ["transport"]} for w in
                ("was lovely", "waved", "smiled", "helped us", "stopped cars", "was kind")]
    examples += [{"text": t, "themes": []} for t in
                 ("more parks please", "we need food", "rent is high", "school is fine", "i like football", "ok")]
    analyser = Analyser(codebook(), examples)
    result = analyser.analyse("the lollipop lady is always at the crossing")
    assert "transport" in result["themes"]
    assert result["explanations"]["transport"].startswith("similar to a coded answer")


def test_analyse_many_matches_analyse():
    analyser = rules_analyser()
    texts = [("Nie stać nas na jedzenie", "pl"), ("bus fare is too dear", None)]
    assert analyser.analyse_many(texts) == [analyser.analyse(t, l) for t, l in texts]
