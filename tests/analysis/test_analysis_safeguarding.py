"""Safeguarding screen: disclosures in all launch languages, idioms and hyperbole not flagged."""
from collections import defaultdict

from app.analysis import LAUNCH_LANGUAGES, read_jsonl, screen_safeguarding

from tests.analysis.helpers import DATA

ROWS = read_jsonl(str(DATA / "safeguarding_dev.jsonl"))


def test_recall_on_disclosures_is_at_least_95_percent_in_every_language():
    found, total = defaultdict(int), defaultdict(int)
    for row in (r for r in ROWS if r["disclosure"]):
        total[row["language"]] += 1
        found[row["language"]] += screen_safeguarding(row["text"], row["language"])["flag"]
    assert set(total) == set(LAUNCH_LANGUAGES)
    for language in LAUNCH_LANGUAGES:
        assert found[language] / total[language] >= 0.95, language


def test_at_most_one_in_ten_hard_negatives_is_flagged():
    negatives = [r for r in ROWS if not r["disclosure"]]
    flagged = [r["text"] for r in negatives if screen_safeguarding(r["text"])["flag"]]
    assert len(flagged) <= len(negatives) / 10, flagged


def test_result_names_categories_and_the_matched_cue():
    result = screen_safeguarding("My dad hits me and I want to kill myself")
    assert result["flag"] is True
    assert {"abuse", "self_harm_suicide"} <= set(result["categories"])
    assert "hits me" in result["cues"] and "kill myself" in result["cues"]


def test_idioms_are_not_disclosures_but_threats_about_telling_are():
    assert not screen_safeguarding("my mum will kill me if I'm late")["flag"]
    assert not screen_safeguarding("the bus fare is killing us")["flag"]
    assert not screen_safeguarding("dying to go, I could murder a pizza")["flag"]
    assert screen_safeguarding("he will kill me if I tell anyone")["flag"]


def test_negation_cancels_a_cue():
    assert not screen_safeguarding("nobody hurts me, we are just short of money")["flag"]
    assert screen_safeguarding("somebody hurts me")["flag"]
