"""Safeguarding screen: disclosures in all launch languages, idioms and hyperbole not flagged."""
import json
import time
from collections import defaultdict

import pytest

from app.analysis import LAUNCH_LANGUAGES, read_jsonl, screen_safeguarding

from tests.analysis.helpers import DATA, NHS

DEV = read_jsonl(str(DATA / "safeguarding_dev.jsonl"))
# Sets written after the dev set, in new phrasings; from 7 on, each was scored once before rules saw it.
BLIND_FILES = sorted(DATA.glob("safeguarding_blind_*.jsonl"))
BLIND = [row for path in BLIND_FILES for row in read_jsonl(str(path))]
ROWS = DEV + BLIND


def _is_disclosure(row: dict) -> bool:
    """Return the gold label (the dev set says 'disclosure', the blind sets 'safeguarding')."""
    return bool(row.get("disclosure", row.get("safeguarding")))


def _recall_by_language(rows: list[dict]) -> dict[str, float]:
    """Return the share of disclosures flagged, per language."""
    found, total = defaultdict(int), defaultdict(int)
    for row in (r for r in rows if _is_disclosure(r)):
        total[row["language"]] += 1
        found[row["language"]] += screen_safeguarding(row["text"], row["language"])["flag"]
    return {language: found[language] / total[language] for language in total}


def _missed(rows: list[dict], language: str) -> list[str]:
    """Return the disclosures in one language that the screen missed (for assertion messages)."""
    return [r["text"] for r in rows if _is_disclosure(r) and r["language"] == language
            and not screen_safeguarding(r["text"], language)["flag"]]


def test_blind_sets_cover_all_languages_with_disclosures_and_hard_negatives():
    assert len(BLIND_FILES) >= 20
    per_language = defaultdict(int)
    for path in BLIND_FILES:
        rows = read_jsonl(str(path))
        languages = {row["language"] for row in rows if _is_disclosure(row)}
        for row in rows:
            per_language[row["language"]] += _is_disclosure(row)
        # Some writers focused on a few languages, so each set covers at least five.
        assert len(languages) >= 5, (path.name, languages)
        assert sum(not _is_disclosure(r) for r in rows) >= 15, path.name
    assert all(per_language[lang] >= 100 for lang in LAUNCH_LANGUAGES), dict(per_language)


@pytest.mark.parametrize("name,rows", [("dev", DEV), ("blind", BLIND), ("all", ROWS)])
def test_recall_on_disclosures_is_at_least_95_percent_in_every_language(name, rows):
    recall = _recall_by_language(rows)
    assert set(recall) == set(LAUNCH_LANGUAGES), name
    for language in LAUNCH_LANGUAGES:
        assert recall[language] >= 0.95, (name, language, _missed(rows, language))


@pytest.mark.parametrize("name,rows", [("dev", DEV), ("blind", BLIND)])
def test_at_most_one_in_ten_hard_negatives_is_flagged(name, rows):
    negatives = [r for r in rows if not _is_disclosure(r)]
    flagged = [r["text"] for r in negatives if screen_safeguarding(r["text"], r["language"])["flag"]]
    assert len(flagged) <= len(negatives) / 10, (name, flagged)


@pytest.mark.skipif(not NHS.exists(), reason="NHS comments not available")
def test_few_false_alarms_on_real_nhs_comments():
    texts = [json.loads(line)["text"] for line in NHS.open(encoding="utf-8") if line.strip()]
    flagged = sum(screen_safeguarding(t)["flag"] for t in texts)
    # About 40 of 4668 comments really mention suicidal thoughts, self-harm or abuse. The learned layer
    # adds some noise in exchange for recall on new wording (~75 flags, 1.6 %); a jump means much more noise.
    assert flagged <= 100, flagged


def test_screen_stays_fast_enough_to_run_on_every_page_save():
    texts = [r["text"] for r in ROWS]
    for text in texts:
        screen_safeguarding(text)
    start = time.perf_counter()
    for text in texts:
        screen_safeguarding(text)
    per_answer = (time.perf_counter() - start) / len(texts)
    assert per_answer < 0.001, per_answer


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


def test_hyperbole_about_things_cancels_harm_words_in_that_clause():
    assert not screen_safeguarding("ta pogoda mnie zabija", "pl")["flag"]
    assert not screen_safeguarding("frate-miu mă omoară cu muzica lui", "ro")["flag"]
    assert screen_safeguarding("frate-miu mă bate", "ro")["flag"]


def test_negation_cancels_a_cue():
    assert not screen_safeguarding("nobody hurts me, we are just short of money")["flag"]
    assert screen_safeguarding("somebody hurts me")["flag"]


@pytest.mark.parametrize("text,language,category", [
    ("ojciec mnie tłucze jak wraca pijany", "pl", "abuse"),
    ("otec ma mláti", "sk", "abuse"),
    ("بابا بيضربني بالحزام", "ar", "abuse"),  # the object is a suffix: -ني
    ("چاہتا ہوں کہ مر جاؤں", "ur", "self_harm_suicide"),
    ("أموت من الجوع", "ar", None),  # "I am dying of hunger": hyperbole
    ("nikdo nám nevaří", "cs", "neglect"),
    ("i slept in a stairwell last night", "en", "running_away"),
    ("my uncle puts his hand down my pants", "en", "abuse"),
])
def test_concepts_combine_across_inflections_and_scripts(text, language, category):
    result = screen_safeguarding(text, language)
    if category is None:
        assert not result["flag"], result
    else:
        assert category in result["categories"], result


def test_a_harm_word_alone_or_poverty_alone_is_not_a_disclosure():
    assert not screen_safeguarding("We have no food left by Friday")["flag"]
    assert not screen_safeguarding("scared we'll lose the house")["flag"]
    assert not screen_safeguarding("I'm scared of exams")["flag"]
