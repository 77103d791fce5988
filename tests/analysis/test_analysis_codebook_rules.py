"""The codebook file and the pattern rules."""
import pytest

from app.analysis import Codebook, LAUNCH_LANGUAGES, evaluate, read_jsonl
from app.analysis.rules import RuleMatcher

from tests.analysis.helpers import DATA, codebook, rules_analyser

BRIEF_CODES = {
    "money_worry", "in_work_poverty", "benefits", "food", "energy", "essentials", "housing_conditions",
    "housing_insecurity", "school_costs", "play_places", "transport", "health_wellbeing", "best_start",
    "stigma_dignity", "access_barriers", "service_relationship", "family_stress", "what_helps", "ideas",
}


def test_codebook_has_the_19_codes_with_patterns_and_labels_in_every_language():
    book = codebook()
    assert set(book.code_names) == BRIEF_CODES and book.version
    for code in book.codes:
        assert code.definition and code.strategy_area and code.examples
        assert set(code.patterns) == set(LAUNCH_LANGUAGES), code.code
        assert set(code.labels) == set(LAUNCH_LANGUAGES), code.code


def test_duplicate_codes_are_rejected():
    with pytest.raises(ValueError):
        Codebook.from_dict({"codes": [{"code": "a"}, {"code": "a"}]})


@pytest.mark.parametrize("text, code", [
    ("we cant afford the heating", "energy"),
    ("skint again this week", "money_worry"),
    ("uniform is so dear", "school_costs"),
    ("Nie stać nas na ogrzewanie", "energy"),
    ("Copiii merg la școală flămânzi", "food"),
    ("V byte je pleseň", "housing_conditions"),
    ("لا نستطيع دفع فواتير الكهرباء", "energy"),
    ("بچے بھوکے ہیں", "food"),
    ("منداڵەکانم برسین", "food"),
])
def test_patterns_match_in_each_language_and_informal_spelling(text, code):
    assert code in {h.code for h in RuleMatcher(codebook()).match(text)}


def test_negation_flips_states_but_not_hardship_phrases():
    matcher = RuleMatcher(codebook())
    assert "food" not in {h.code for h in matcher.match("I am not hungry")}
    assert "food" in {h.code for h in matcher.match("we dont have enough food")}
    assert "food" in {h.code for h in matcher.match("No. We are hungry")}


@pytest.mark.parametrize("text, code", [
    ("proper brassic till payday", "money_worry"),
    ("on the dole and it doesnt cover the basics", "benefits"),
    ("topping up the leccy every other day", "energy"),
    ("got a section 21 off the landlord", "housing_insecurity"),
    ("four of us in one room", "housing_conditions"),
    ("my mum works at Tesco but we still struggle", "in_work_poverty"),
    ("they spoke to me like i was dirt", "stigma_dignity"),
    ("nobody explained why it stopped", "access_barriers"),
    ("the pastoral lady checks in on my daughter", "service_relationship"),
    ("free breakfast club at every school", "ideas"),
    ("Czekam na mieszkanie socjalne od trzech lat", "housing_insecurity"),
    ("Máme plíseň v bytě a děti kašlou", "health_wellbeing"),
    ("البيت بارد ولا نستطيع دفع فاتورة الغاز", "energy"),
    ("بجلی کا بل بہت زیادہ ہے", "energy"),
])
def test_informal_and_multilingual_vocabulary(text, code):
    assert code in {h.code for h in RuleMatcher(codebook()).match(text)}


@pytest.mark.parametrize("text, code", [
    ("My anxiety is through the roof", "housing_conditions"),
    ("The health visitor came round", "health_wellbeing"),
    ("There is nowhere safe to play, just a car park", "transport"),
    ("بس دا کرایہ بوہت مہنگا اے", "housing_insecurity"),
])
def test_exception_patterns_stop_a_word_counting_inside_an_idiom(text, code):
    assert code not in {h.code for h in RuleMatcher(codebook()).match(text)}


def test_exceptions_leave_the_plain_word_working():
    matcher = RuleMatcher(codebook())
    assert "housing_conditions" in {h.code for h in matcher.match("the roof leaks when it rains")}
    assert "health_wellbeing" in {h.code for h in matcher.match("my health is getting worse")}


def test_all_poverty_sets_together_meet_the_theme_target_with_rules_only():
    rows = [row for path in sorted(DATA.glob("poverty_*.jsonl")) for row in read_jsonl(str(path))]
    analyser = rules_analyser()
    report = evaluate([], rows, lambda _t, test: analyser.analyse_many(
        [(r["text"], r["language"]) for r in test], with_key_phrases=False))
    assert len(rows) > 600
    assert report["micro_f1"] >= 0.80, report["micro_f1"]


@pytest.mark.parametrize("text, stance", [
    ("My hours got cut and they wont give me more, we dont have enough coming in", "concern"),
    ("The teacher gave my son a coat and didnt make a fuss. Means a lot", "positive"),
    ("the money advice people helped me sort my debts out, massive weight off", "positive"),
    ("free breakfast club at every school", "neutral"),
    ("There's nowhere safe for the kids to play", "concern"),
])
def test_stance_cues_read_hardship_thanks_and_suggestions(text, stance):
    assert rules_analyser().analyse(text, "en")["stance"] == stance
