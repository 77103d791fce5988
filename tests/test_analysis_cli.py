"""The `flask analysis` commands: classify, evaluate and rerun."""
import json
import uuid
from pathlib import Path

from app.extensions import db
from app.models import Answer, Consultation, Response, SafeguardingFlag, TextAnalysis, ThemeCoding

from tests.analysis.helpers import nothing_means_two_things

DEV = Path(__file__).parent / "analysis" / "data" / "poverty_dev.jsonl"


def _answer(text: str, slug: str = "parents", question_id: str = "q1") -> Answer:
    """Store one free-text answer in a consultation."""
    consultation = db.session.query(Consultation).filter_by(slug=slug).one_or_none()
    if consultation is None:
        consultation = Consultation(slug=slug, title=slug, audience="adult", definition_hash="x")
        db.session.add(consultation)
    response = Response(public_id=str(uuid.uuid4()), consultation=consultation, language="en")
    answer = Answer(response=response, question_id=question_id, value=text, is_free_text=True)
    db.session.add_all([response, answer])
    db.session.commit()
    return answer


def test_classify_writes_one_line_per_input_and_survives_bad_lines(runner):
    lines = '{"id": 1, "text": "we cant afford the heating"}\nnot json\n{"id": 3, "text": "dad hits me", "language": "en"}\n'
    result = runner.invoke(args=["analysis", "classify"], input=lines)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == 3
    assert out[0]["id"] == 1 and "energy" in out[0]["themes"] and out[0]["stance"] == "concern"
    assert set(out[0]) == {"id", "language", "themes", "confidence", "stance", "sentiment", "safeguarding", "redacted"}
    assert "error" in out[1]
    assert out[2]["safeguarding"] is True


def test_classify_learns_from_stored_coding(app, runner):
    with app.app_context():
        for word in ("waved", "smiled", "stopped the cars", "was kind", "helped us", "said hello"):
            db.session.add(ThemeCoding(answer_id=_answer(f"the lollipop lady {word}").id, code="transport", decision="added"))
        for text in ("more parks", "rent is high", "school is fine", "ok", "food bank", "need clubs"):
            db.session.add(ThemeCoding(answer_id=_answer(text).id, code="ideas", decision="rejected"))
        db.session.commit()
    result = runner.invoke(args=["analysis", "classify"], input='{"id": "a", "text": "the lollipop lady is lovely"}\n')
    assert "transport" in json.loads(result.output)["themes"]


def _store_coding_that_depends_on_the_question() -> None:
    """Store coded answers to two questions of the parents' consultation."""
    for text, code, question in nothing_means_two_things():
        db.session.add(ThemeCoding(answer_id=_answer(text, question_id=question).id, code=code, decision="added"))
    db.session.commit()


def test_classify_reads_answers_in_the_light_of_the_question_coded_answers_came_from(app, runner):
    with app.app_context():
        _store_coding_that_depends_on_the_question()
    lines = "".join(json.dumps({"id": q, "text": "nothing", "question": f"parents/{q}"}) + "\n"
                    for q in ("went-well", "better"))
    result = runner.invoke(args=["analysis", "classify"], input=lines)
    after_went_well, after_better = (json.loads(line) for line in result.output.splitlines())
    assert "complaint" in after_went_well["themes"] and "praise" not in after_went_well["themes"]
    assert "praise" in after_better["themes"] and "complaint" not in after_better["themes"]


def test_rerun_reads_stored_answers_in_the_light_of_their_question(app, runner):
    with app.app_context():
        _store_coding_that_depends_on_the_question()
        after_went_well = _answer("nothing much at all", question_id="went-well").id
        after_better = _answer("nothing much at all", question_id="better").id
    assert runner.invoke(args=["analysis", "rerun"]).exit_code == 0
    with app.app_context():
        themes = {i: db.session.query(TextAnalysis).filter_by(answer_id=i).one().themes
                  for i in (after_went_well, after_better)}
    assert "complaint" in themes[after_went_well] and "praise" not in themes[after_went_well]
    assert "praise" in themes[after_better] and "complaint" not in themes[after_better]


def test_evaluate_takes_the_question_from_ids_that_carry_it(runner, tmp_path):
    rows = [{"id": f"trust-{i} - {'Q1' if q == 'went-well' else 'Q2'}", "text": text, "themes": [code]}
            for i, (text, code, q) in enumerate(nothing_means_two_things())]
    (tmp_path / "train.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    test = [{"id": "trust-900 - Q1", "text": "nothing", "themes": ["complaint"]},
            {"id": "trust-901 - Q2", "text": "nothing", "themes": ["praise"]}]
    (tmp_path / "test.jsonl").write_text("\n".join(json.dumps(r) for r in test))
    result = runner.invoke(args=["analysis", "evaluate", "--train", str(tmp_path / "train.jsonl"),
                                 "--test", str(tmp_path / "test.jsonl")])
    assert result.exit_code == 0, result.output
    assert "micro-F1 1.000" in result.output, result.output


def test_evaluate_prints_theme_and_stance_scores(runner):
    result = runner.invoke(args=["analysis", "evaluate", "--test", str(DEV)])
    assert result.exit_code == 0, result.output
    assert "micro-F1" in result.output and "macro-F1" in result.output and "stance accuracy" in result.output


def test_evaluate_with_train_learns_another_codebook(runner, tmp_path):
    rows = [{"id": i, "text": f"the nurse was {w}", "themes": ["staff"], "sentiment": "pos"} for i, w in
            enumerate(["kind", "lovely", "caring", "gentle", "great", "friendly"] * 3)]
    rows += [{"id": 100 + i, "text": f"waited {w} hours", "themes": ["waiting"], "sentiment": "neg"} for i, w in
             enumerate(["two", "three", "four", "five", "six", "many"] * 3)]
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    result = runner.invoke(args=["analysis", "evaluate", "--test", str(path), "--folds", "3"])
    assert result.exit_code == 0, result.output
    assert "staff" in result.output and "waiting" in result.output


def test_rerun_stores_analyses_and_opens_flags(app, runner):
    with app.app_context():
        first = _answer("we cant afford the heating", slug="parents").id
        second = _answer("my dad hits me", slug="young-people").id
    result = runner.invoke(args=["analysis", "rerun", "--consultation", "young-people"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.query(TextAnalysis).filter_by(answer_id=first).one_or_none() is None
        assert db.session.query(TextAnalysis).filter_by(answer_id=second).one().safeguarding is True
        assert db.session.query(SafeguardingFlag).filter_by(answer_id=second).one().status == "open"
    assert runner.invoke(args=["analysis", "rerun"]).exit_code == 0
    with app.app_context():
        assert "energy" in db.session.query(TextAnalysis).filter_by(answer_id=first).one().themes
