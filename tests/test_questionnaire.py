"""The web-free survey engine: loading, validation errors, translation fallback, navigation."""
from pathlib import Path

import pytest
import yaml

from app.questionnaire import DefinitionError, Navigator, load_all, load_consultation
from app.questionnaire.definition import localise
from app.questionnaire.text import Catalogue

ROOT = Path(__file__).parent.parent
TEST_SURVEYS = Path(__file__).parent / "surveys"


def write_survey(tmp_path, slug="demo", **changes):
    """Write a one-page survey into tmp_path/<slug>/consultation.yaml with some keys changed."""
    raw = yaml.safe_load((TEST_SURVEYS / "routing" / "consultation.yaml").read_text())
    raw.update(slug=slug, **changes)
    folder = tmp_path / slug
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "consultation.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True))
    return folder / "consultation.yaml"


def test_default_consultations_load_and_are_valid():
    found = load_all(ROOT / "surveys")
    assert sorted(found) == ["children", "parents-carers", "young-people"]
    for c in found.values():
        assert c.decision and c.opens < c.closes
        for q in c.questions():
            if q.type in ("single", "multiple", "scale", "select", "number"):
                assert q.prefer_not_to_say, f"{c.slug}:{q.id} needs prefer not to say"


def test_every_question_type_is_used_by_the_defaults():
    types = {q.type for c in load_all(ROOT / "surveys").values() for q in c.questions()}
    assert {"single", "multiple", "long_text", "scale", "select"} <= types


def test_errors_name_the_file_question_and_problem(tmp_path):
    path = write_survey(tmp_path, pages=[{"id": "p", "questions": [
        {"id": "q1", "type": "single", "text": "Q?", "options": []},
        {"id": "q1", "type": "dance", "text": "Q?"},
        {"id": "q2", "type": "single", "text": "Q?", "options": [{"id": "a", "text": "A"}],
         "show_if": {"question": "later", "any_of": ["x"]}},
    ]}])
    with pytest.raises(DefinitionError) as caught:
        load_consultation(path)
    problems = "\n".join(caught.value.problems)
    assert f"{path}: question 'q1': type 'dance' is not one of" in problems
    assert "question 'q2': show_if refers to 'later', which is not an earlier question" in problems


def test_show_if_must_use_real_options(tmp_path):
    path = write_survey(tmp_path, pages=[
        {"id": "a", "questions": [{"id": "q1", "type": "single", "text": "Q?", "options": [{"id": "y", "text": "Y"}]}]},
        {"id": "b", "show_if": {"question": "q1", "any_of": ["n"]},
         "questions": [{"id": "q2", "type": "short_text", "text": "Why?"}]}])
    with pytest.raises(DefinitionError, match="page 'b': show_if option 'n' is not an option of 'q1'"):
        load_consultation(path)


def test_slug_must_match_folder_and_dates_must_make_sense(tmp_path):
    path = write_survey(tmp_path, slug="demo", closes="2019-01-01")
    raw = yaml.safe_load(path.read_text()); raw["slug"] = "other"
    path.write_text(yaml.safe_dump(raw))
    with pytest.raises(DefinitionError) as caught:
        load_consultation(path)
    text = str(caught.value)
    assert "the close date is before the open date" in text and "must equal the folder name 'demo'" in text


def test_broken_yaml_is_reported_not_crashed(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "consultation.yaml").write_text("title: [unclosed\n")
    with pytest.raises(DefinitionError, match="cannot be read"):
        load_all(tmp_path)


def test_translation_falls_back_to_english_and_counts_missing():
    c = load_all(TEST_SURVEYS)["routing"]
    catalogue = Catalogue("pl", {"title": "Test tras", "questions.paid_work.text": "Czy ktoś pracuje?"})
    pl = localise(c, catalogue)
    assert pl.title == "Test tras" and pl.title.lang == "pl"
    assert pl.question("paid_work").text.lang == "pl"
    assert pl.question("hours").text == "Are the hours the same each week?"
    assert pl.question("hours").text.lang == "en"
    assert "questions.hours.text" in catalogue.missing


def test_navigation_follows_show_if():
    c = load_all(TEST_SURVEYS)["routing"]
    nav = Navigator(c, {"paid_work": "no"}, ["job"])
    assert [p.id for p in nav.visible_pages()] == ["job", "last"]
    assert nav.next_after("job") == "last" and nav.previous_before("last") == "job"
    assert nav.resume_point() == "last" and nav.progress("last") == (2, 2)
    nav = Navigator(c, {"paid_work": "yes", "hours": "same"}, ["job", "work", "last"])
    assert nav.next_after("last") == "check" and nav.resume_point() == "check"
    assert Navigator(c, {"paid_work": "no", "hours": "same"}).relevant_answers() == {"paid_work": "no"}
