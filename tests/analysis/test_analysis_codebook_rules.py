"""The codebook file and the pattern rules."""
import pytest

from app.analysis import Codebook, LAUNCH_LANGUAGES
from app.analysis.rules import RuleMatcher

from tests.analysis.helpers import codebook

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
